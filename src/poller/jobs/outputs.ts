// Outputs for grouping (outputs demand, the groups view): DescribeInvocationResults by InvokeId,
// 50 rows a call, paged by NextToken across ticks. Low priority: it runs after every other job
// of the tick and takes a page only while the budget has a token spare (at least one a tick), so
// the regular refresh never waits for it. Pages feed the group book (one sample per group); the
// outputs themselves are not kept (the store holds only the output on screen).
import type { InvocationResultPage, InvocationsApi } from '../../api/model.js';
import type { GroupBook } from '../../group/book.js';
import type { MonitorJob } from './state.js';

/** DescribeInvocationResults' largest MaxResults. */
export const RESULTS_PAGE = 50;

/** One page of an invocation's results, from `nextToken` (undefined: the first). */
export function resultsPage(api: InvocationsApi, invokeId: string, nextToken?: string): Promise<InvocationResultPage> {
  return api.describeInvocationResults({ invokeId, maxResults: RESULTS_PAGE, ...(nextToken ? { nextToken } : {}) });
}

/** Feed one page into the book. A repeated NextToken ends the pass (an endpoint that loops). */
export function addResultsPage(book: GroupBook, invokeId: string, page: InvocationResultPage, known: number): void {
  const token = page.nextToken && page.nextToken !== book.cursor(invokeId) && page.results.length > 0 ? page.nextToken : undefined;
  book.addPage(invokeId, page.results, { nextToken: token, total: page.totalCount ?? known });
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
          const known = ctx.state.store.getState().invocations.get(invokeId)?.instances.length ?? 0;
          addResultsPage(book, invokeId, page, known);
        } while (book.cursor(invokeId) !== undefined);
      }
    },
    apply() {
      // The book was fed page by page (it is not the store); nothing waits for the tick's batch.
    },
  };
}
