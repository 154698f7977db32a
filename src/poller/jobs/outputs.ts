// Outputs for grouping (outputs demand, the groups view): DescribeInvocationResults by InvokeId,
// 50 rows a call, paged by NextToken across ticks. Low priority: it runs after every other job
// of the tick and takes a page only while the budget has a token spare (at least one a tick), so
// the regular refresh never waits for it. Pages feed the group book (one sample per group); the
// outputs themselves are not kept (the store holds only the output on screen).
import type { InvocationResultPage, InvocationsApi } from '../../api/model.js';
import type { GroupBook } from '../../group/book.js';
import type { OwnIdentity } from '../../group/types.js';
import { selectNames } from '../../store/names.js';
import type { FleetState } from '../../store/names.js';
import { selectFleet } from '../../store/selectors.js';
import type { MonitorJob } from './state.js';

/** DescribeInvocationResults' largest MaxResults. */
export const RESULTS_PAGE = 50;

/** One page of an invocation's results, from `nextToken` (undefined: the first). */
export function resultsPage(api: InvocationsApi, invokeId: string, nextToken?: string): Promise<InvocationResultPage> {
  return api.describeInvocationResults({ invokeId, maxResults: RESULTS_PAGE, ...(nextToken ? { nextToken } : {}) });
}

/** An instance's own name, hostname and IPs, when known: the same output naming its own host is one group. */
export function ownIdentity(fleet: FleetState | undefined, instanceId: string): OwnIdentity | undefined {
  const n = fleet && selectNames(fleet, instanceId);
  if (!n || n.released) return undefined;
  const names = [n.instanceName, n.hostName].filter((w): w is string => !!w);
  const ips = [n.privateIp, n.publicIp].filter((w): w is string => !!w);
  return names.length + ips.length > 0 ? { names, ips } : undefined;
}

/** Feed one page into the book. A repeated NextToken ends the pass (an endpoint that loops). */
export function addResultsPage(book: GroupBook, invokeId: string, page: InvocationResultPage, known: number, fleet?: FleetState): void {
  const token = page.nextToken && page.nextToken !== book.cursor(invokeId) && page.results.length > 0 ? page.nextToken : undefined;
  const rows = page.results.map((r) => ({ ...r, own: ownIdentity(fleet, r.instanceId) }));
  book.addPage(invokeId, rows, { nextToken: token, total: page.totalCount ?? known });
}

export function createOutputsJob(book: GroupBook): MonitorJob<void> {
  const wanted = (ctx: Parameters<MonitorJob<void>['due']>[0]) =>
    ctx.demands('outputs').filter((d, k, all) => all.findIndex((o) => o.invokeId === d.invokeId) === k && !book.progress(d.invokeId)?.done);
  return {
    key: 'outputs',
    serves: ['outputs'],
    due: (ctx) => wanted(ctx).length > 0,
    async run(api, ctx) {
      let first = true;
      for (const { invokeId } of wanted(ctx)) {
        do {
          if (!first && !ctx.spare()) return;
          first = false;
          const page = await ctx.call(() => resultsPage(api, invokeId, book.cursor(invokeId)));
          const state = ctx.state.store.getState();
          const known = state.invocations.get(invokeId)?.instances.length ?? 0;
          addResultsPage(book, invokeId, page, known, selectFleet(state));
        } while (book.cursor(invokeId) !== undefined);
      }
    },
    apply() {
      // The book was fed page by page (it is not the store); nothing waits for the tick's batch.
    },
  };
}
