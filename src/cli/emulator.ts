// `catop emulator`: the local Cloud Assistant on its own, for other clients and shells.
// stdout carries `export` lines so `eval "$(catop emulator --port 0 | grep ^export)"` works.
import type { EmulatorOptions } from '../config/args.js';
import { EXIT, UsageError } from '../config/errors.js';
import { isLoopbackHost } from '../config/endpoint.js';
import { parseFaults, startEmulator, type FaultSpec } from '../emulator/index.js';
import type { Output } from './io.js';

/** Regions served besides the exported one, so a client can be tried across regions. */
const MORE_REGIONS = ['cn-shanghai', 'cn-beijing'];

/** Single quotes for a POSIX shell, so `eval` cannot be tricked by a value. */
function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:=@-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export async function runEmulatorCommand(o: EmulatorOptions, output: Output): Promise<number> {
  let faults: FaultSpec | undefined;
  try {
    faults = o.faults !== undefined ? parseFaults(o.faults) : undefined;
  } catch (err) {
    throw new UsageError(`--faults: ${(err as Error).message}`);
  }
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    // Regions named in --faults are served too, so a spec such as ap-southeast-1:throttle=1 has a fleet to hit.
    const moreRegions = [...new Set([...MORE_REGIONS, ...Object.keys(faults?.regions ?? {})])];
    emulator = await startEmulator({ port: o.port, host: o.host, seed: o.seed, fleet: o.fleet, faults, preset: 'demo', moreRegions });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new UsageError(`--port ${o.port} is in use; pick another or use --port 0 for a free one`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`--host ${o.host} is not an address of this machine`);
    if (code === 'EACCES') throw new UsageError(`--port ${o.port} needs privileges; use a port above 1023`);
    throw err;
  }
  // Listen for signals before the endpoint is printed: a script may send one as soon as it reads it.
  const stopped = new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void Promise.resolve(emulator.stop()).finally(() => resolve(EXIT.ok));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  if (!isLoopbackHost(o.host)) {
    output.err(`warning: listening on ${o.host}: anyone who can reach it can use the demo key pair below`);
  }
  output.out(
    [
      `# catop emulator: a local Cloud Assistant (demo fleet, seed ${o.seed}); stop with Ctrl-C`,
      `endpoint: ${emulator.endpoint}`,
      `region: ${emulator.regionId}`,
      `# more regions, each a fleet of its own (RegionId selects one): ${emulator.regions.slice(1).join(', ')}`,
      `export ALIBABA_CLOUD_ACCESS_KEY_ID=${shellQuote(emulator.accessKeyId)}`,
      `export ALIBABA_CLOUD_ACCESS_KEY_SECRET=${shellQuote(emulator.accessKeySecret)}`,
      `export ALIBABA_CLOUD_REGION_ID=${shellQuote(emulator.regionId)}`,
      `# catop --endpoint ${emulator.endpoint}`,
      '',
    ].join('\n'),
  );

  return stopped;
}
