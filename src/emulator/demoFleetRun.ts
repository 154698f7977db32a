// The demo's one run on many instances, for grouping by result: most print the same but for a
// timestamp, their hostname and IP; a group exits 1 with the same error line; some have no
// agent running (ClientNotRunning, no output); two print something else and exit 0.
import type { OutcomeInput } from './model.js';
import { inventory } from './inventory.js';
import type { Simulation } from './sim.js';

export const FLEET_RUN_INSTANCES = 800;

/** Every `FAILING`th instance fails alike, every `NO_AGENT`th has no agent; two are odd ones. */
const FAILING = 37;
const NO_AGENT = 160;
const OUTLIERS = [211, 613];

function stamp(at: number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Adds the instances it needs (beyond the fleet so far) and the run, created at `at`. */
export function seedFleetRun(sim: Simulation, at: number): string {
  const linux = sim.fleet.filter((i) => i.os === 'linux' && i.running && i.agentRunning && !i.released);
  const more = FLEET_RUN_INSTANCES - linux.length;
  if (more > 0) linux.push(...sim.addInstances(more, { windowsShare: 0 }));
  const pool = linux.slice(0, FLEET_RUN_INSTANCES);
  const outcomes: OutcomeInput[] = pool.map((inst, k) => {
    const inv = inventory(inst, sim.regionId, sim.seed);
    const when = stamp(at + 2_000 + (k % 50) * 137);
    if (OUTLIERS.includes(k)) {
      const text = k === OUTLIERS[0] ? 'nginx: [warn] duplicate MIME type "text/html"\nconfiguration file test is successful\n' : 'skipped: /etc/nginx not found, using /opt/nginx\n';
      return { status: 'Success', output: `${when} ${inv.hostName} ${text}` };
    }
    if (k % NO_AGENT === 5) return { errorCode: 'ClientNotRunning', output: '' };
    if (k % FAILING === 11) {
      return { status: 'Failed', exitCode: 1, errorCode: 'ExitCodeNonzero', output: `${when} ${inv.hostName} (${inv.privateIp}) checking\nerror: /etc/app/app.conf: No such file or directory\n` };
    }
    return { status: 'Success', output: `${when} ${inv.hostName} (${inv.privateIp}) checking\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n` };
  });
  const invokeId = sim.runCommandAt(
    {
      name: 'nginx-config-test',
      commandType: 'RunShellScript',
      commandContent: '#!/bin/bash\necho "$(date -u +%FT%TZ) $(hostname) ($(hostname -I | cut -d" " -f1)) checking"\nnginx -t 2>&1 | tail -1\n',
      instanceIds: pool.map((i) => i.instanceId),
      outcome: outcomes,
      pendingMs: 500,
      durationMs: 4_000,
      timeout: 60,
    },
    at,
  );
  // Their agents are still stopped: DescribeCloudAssistantStatus says so, as the error did.
  pool.forEach((inst, k) => {
    if (!OUTLIERS.includes(k) && k % NO_AGENT === 5) sim.setInstanceState(inst.instanceId, { agentRunning: false });
  });
  return invokeId;
}
