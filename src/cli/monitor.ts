// The monitor: resolve the connection (or start the demo emulator), then run the live UI or one
// of the non-interactive modes over the same client. Each path loads only what it uses: the demo
// has static keys (no credentials chain), the live UI no snapshot or wait code.
import { EcsClient } from '../api/client.js';
import type { InvocationsApi } from '../api/model.js';
import type { MonitorOptions } from '../config/args.js';
import type { CliEnvironment } from './io.js';
import type { SnapshotOptions } from './snapshot.js';

/** Timeout per call: generous for slow bastion links, short enough that --wait keeps moving. */
const CALL_TIMEOUT_MS = 10_000;

export async function runMonitor(o: MonitorOptions, ce: CliEnvironment): Promise<number> {
  if (!o.statusLine) return monitor(o, ce);
  // A status bar shows stdout: a missing key or region prints its marker there too.
  return monitor(o, ce).catch(async (err: unknown) => (await import('./statusLine.js')).failStatusLine(err, ce.output));
}

async function monitor(o: MonitorOptions, ce: CliEnvironment): Promise<number> {
  const mode = o.mode === 'live' && !ce.interactive ? 'once' : o.mode;
  if (o.mode === 'live' && ce.noLiveScreen) ce.output.err(ce.noLiveScreen);
  const color = o.color && !ce.env.NO_COLOR;
  if (o.demo) return runDemo(o, mode, color, ce);

  const { resolveConnection } = await import('../config/index.js');
  const conn = resolveConnection(o, ce.env, ce.home);
  // Ask the chain once up front: "no credentials" is exit 3 with the places looked at, before any API call.
  await conn.credentials.getCredentials();
  // Name the profile in the header only when the credentials came from it (environment keys win in the default chain).
  const fromProfile = /(^|\/)(cli_profile|profile)(\/|$)/.test(conn.credentials.providerName ?? '');
  const clientFor = (regionId: string, endpoint = conn.endpointFor(regionId)) =>
    new EcsClient({ regionId, endpoint, credentials: { provider: conn.credentials }, timeoutMs: CALL_TIMEOUT_MS });
  const api = clientFor(conn.regionId, conn.endpoint);
  // One client per region, made when a region is first watched (`:region` may add one later).
  const apis = new Map<string, InvocationsApi>([[conn.regionId, api]]);
  const apiFor = (regionId: string) => apis.get(regionId) ?? apis.set(regionId, clientFor(regionId)).get(regionId)!;
  const profile = fromProfile ? conn.profileName ?? o.profile : undefined;
  if (!o.regions) return runMode(api, o, mode, color, ce, { region: conn.regionId, endpoint: conn.endpoint, profile }, false, { apiFor });
  // Several regions: the home region's client answers DescribeRegions for `all`.
  const ids = await (await import('./regions.js')).regionList(o.regions, api, ce.timing, ce.output);
  const first = apiFor(ids[0]);
  // One endpoint for all (--endpoint), or each region's own, named once.
  const endpoint = ids.every((id) => apiFor(id).endpoint === first.endpoint) ? first.endpoint : first.endpoint.replace(ids[0], '<region>');
  return runMode(first, o, mode, color, ce, { region: ids.join(','), endpoint, profile }, false, { ids, apiFor });
}

async function runDemo(o: MonitorOptions, mode: MonitorOptions['mode'], color: boolean, ce: CliEnvironment): Promise<number> {
  const { startEmulator } = await import('../emulator/index.js');
  // A status line counts invocations: the demo's run on 800 instances (for the groups view) would
  // only add to its start-up.
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', preset: 'demo', fleetRun: !o.statusLine });
  try {
    const api: InvocationsApi = new EcsClient({
      regionId: emulator.regionId,
      endpoint: emulator.endpoint,
      credentials: { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret },
      timeoutMs: CALL_TIMEOUT_MS,
    });
    return await runMode(api, o, mode, color, ce, { region: emulator.regionId, endpoint: emulator.endpoint }, true);
  } finally {
    await emulator.stop();
  }
}

function snapshotOptions(o: MonitorOptions, mode: 'once' | 'json'): SnapshotOptions {
  return {
    filters: o.filters,
    pageSize: o.pageSize,
    limit: o.history,
    maxRps: o.maxRps,
    includeOutput: o.includeOutput,
    format: mode === 'json' ? 'json' : 'table',
    names: o.names,
  };
}

async function runMode(
  api: InvocationsApi,
  o: MonitorOptions,
  mode: MonitorOptions['mode'],
  color: boolean,
  ce: CliEnvironment,
  header: { region: string; endpoint: string; profile?: string },
  demo: boolean,
  several?: { ids?: readonly string[]; apiFor: (regionId: string) => InvocationsApi },
): Promise<number> {
  switch (mode) {
    case 'once':
    case 'json': {
      if (several?.ids) {
        const { runSnapshotRegions } = await import('./regions.js');
        return runSnapshotRegions(several.ids.map(several.apiFor), snapshotOptions(o, mode), ce.timing, ce.output);
      }
      if (o.statusLine) return (await import('./statusLine.js')).runStatusLine(api, { filters: o.filters, pageSize: o.pageSize, template: o.statusLine }, ce.output);
      const { runSnapshot } = await import('./snapshot.js');
      return runSnapshot(api, snapshotOptions(o, mode), ce.timing, ce.output);
    }
    case 'runs': {
      const { runRuns } = await import('./runs.js');
      return runRuns(api, { invokeId: o.filters.invokeId!, limit: o.history, maxRps: o.maxRps, includeOutput: o.includeOutput }, ce.timing, ce.output);
    }
    case 'wait': {
      const { runWait } = await import('./wait.js');
      if (several?.ids) {
        // The InvokeId is looked for in every region; the one that has it is followed.
        const found = await (await import('./regions.js')).findInvocationRegion(several.ids.map(several.apiFor), o.filters.invokeId!, ce.timing, ce.output);
        if (typeof found === 'number') return found;
        api = found;
      }
      return runWait(
        api,
        { invokeId: o.filters.invokeId!, intervalMs: o.interval * 1000, includeOutput: o.includeOutput, json: o.waitJson },
        ce.timing,
        ce.output,
      );
    }
    case 'groups': {
      const { runGroups } = await import('./groups.js');
      const by = o.groups ?? { by: 'masked', json: false };
      return runGroups(
        api,
        {
          invokeId: o.filters.invokeId!,
          mode: by.by,
          format: by.json ? 'json' : 'table',
          maxRps: o.maxRps,
          width: process.stdout.isTTY ? process.stdout.columns : undefined,
          names: o.names,
        },
        ce.timing,
        ce.output,
      );
    }
    case 'live': {
      // Loaded only here: --once, --json and --wait never pay for Ink and React.
      const { runLiveUi } = await import('./liveUi.js');
      return runLiveUi({
        api,
        filters: o.filters,
        intervalMs: o.interval * 1000,
        pageSize: o.pageSize,
        history: o.history,
        maxRps: o.maxRps,
        budget: o.budget,
        readOnly: o.readOnly,
        names: o.names,
        notify: o.notify,
        clipboard: o.clipboard,
        color,
        theme: o.theme,
        ascii: o.ascii,
        demo,
        header,
        ...(several ? { regions: several.ids, apiFor: several.apiFor } : {}),
      });
    }
  }
}
