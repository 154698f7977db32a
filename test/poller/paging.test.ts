// Paging an endpoint that lies: pages that ignore PageNumber (with a TotalCount that never ends,
// or none), and pages of ids never seen before with TotalCount 1e9. The first tick finishes,
// what was read is shown, requests stay bounded, and the header says the paging looked wrong.
import { describe, expect, it } from 'vitest';
import { describePoll } from '../../src/ui/pollStatus.js';
import { apiErrorBody, HOSTILE, sendJson, serveInvocations, wireInvocation } from '../helpers/standIn.js';
import { pollerOnStandIn, stopPollersAfterEach, timesAt as times } from './standInPoller.js';

stopPollersAfterEach();

describe('poller: paging that looks wrong', () => {
  it.each([
    ['full pages of the same ids, TotalCount 1,000,000', HOSTILE.lyingTotalCount],
    ['full pages of the same ids, no TotalCount', HOSTILE.pagesWithoutTotal],
  ] as const)('%s: the first tick ends, the ids are shown once, a few requests a tick', async (_name, handler) => {
    const { s, store, poller: p, clock } = await pollerOnStandIn(handler);
    await p.tickOnce();
    let st = store.getState();
    expect(st.poll.phase).toBe('ok');
    expect(st.order).toHaveLength(50);
    // Discovery, page 1 and 2 of the active listing (2 says nothing new), one history page.
    expect(s.count()).toBeLessThanOrEqual(4);
    for (let t = 0; t < 20; t++) {
      clock.advance(10_000);
      await p.tickOnce();
    }
    st = store.getState();
    expect(st.order).toHaveLength(50);
    expect(st.historyComplete).toBe(true);
    // One call a tick, plus the one history page that confirmed the endpoint ignores PageNumber.
    expect(s.count()).toBeLessThanOrEqual(4 + 20 + 1);
    expect(st.poll.notice).toMatch(/paging looked wrong/);
    expect(describePoll(st.poll, times(clock.now())).text).toMatch(/^live · the endpoint's paging looked wrong/);
  });

  it('fresh ids on every page with TotalCount 1e9: the first tick ends at the page cap, data shown, requests bounded', async () => {
    const { s, store, poller: p, clock } = await pollerOnStandIn(HOSTILE.freshPagesHugeTotal);
    await p.tickOnce();
    let st = store.getState();
    expect(st.poll.phase).toBe('ok');
    expect(st.poll.lastSuccessAt).toBe(clock.now());
    // Discovery, 40 pages of the active listing, one history page.
    expect(s.count()).toBeLessThanOrEqual(1 + 40 + 1);
    expect(st.order.length).toBeGreaterThanOrEqual(40 * 50);
    expect(st.poll.notice).toMatch(/active listing still said more after 40 pages \(TotalCount 1000000000\)/);

    // The next tick: page 1 is all new, so discovery walks on up to --history (10 pages of 50),
    // the active listing to its cap, and by id at most 50 of those that vanished from it.
    const before = s.count();
    clock.advance(2_000);
    await p.tickOnce();
    st = store.getState();
    expect(st.poll.phase).toBe('ok');
    expect(s.count() - before).toBeLessThanOrEqual(10 + 40 + 50 + 1);
  });
});

describe('poller: a listing that fails half way', () => {
  it('the pages read before the failing one are applied', async () => {
    const running = Array.from({ length: 120 }, (_, k) =>
      wireInvocation({ InvokeId: `t-run${String(k).padStart(4, '0')}`, InvocationStatus: 'Running', InvokeStatus: 'Running' }),
    );
    const serve = serveInvocations(running);
    const { store, poller: p } = await pollerOnStandIn((req, res, n) => {
      if (req.params.get('InvokeStatus') === 'Running' && req.params.get('PageNumber') === '3') {
        return sendJson(res, 503, apiErrorBody('ServiceUnavailable', 'try later'));
      }
      serve(req, res, n);
    });
    await p.tickOnce();
    const st = store.getState();
    expect(st.poll.phase).toBe('retrying');
    // Discovery's page 1 and the active listing's pages 1 and 2: 100 of the 120.
    expect(st.order).toHaveLength(100);
  });

  it('by-id refreshes: those fetched before the failing one are applied', async () => {
    const ids = ['t-fin0000', 't-fin0001', 't-fin0002'];
    let rows = ids.map((InvokeId) => wireInvocation({ InvokeId, InvocationStatus: 'Running', InvokeStatus: 'Running' }));
    const { store, poller: p } = await pollerOnStandIn((req, res, n) => {
      const id = req.params.get('InvokeId');
      if (id === ids[1]) return sendJson(res, 503, apiErrorBody('ServiceUnavailable', 'try later'));
      // Finished ones are listed no more (as when the user's filter is InvokeStatus=Running).
      if (!id) return serveInvocations(rows.filter((r) => r.InvokeStatus === 'Running'))(req, res, n);
      serveInvocations(rows)(req, res, n);
    });
    await p.tickOnce();
    expect(store.getState().order).toHaveLength(3);
    rows = ids.map((InvokeId) => wireInvocation({ InvokeId, InvocationStatus: 'Success' }));
    await p.tickOnce();
    const st = store.getState();
    expect(st.poll.phase).toBe('retrying');
    expect(st.invocations.get(ids[0])?.invocationStatus).toBe('Success');
    expect(st.invocations.get(ids[1])?.invocationStatus).toBe('Running');
  });
});
