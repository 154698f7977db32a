// Newest first with one tie-break everywhere: the API layer's sort of a page, the store's order
// and the --once table agree, also on equal CreationTimes and on invocations without one.
import { describe, expect, it } from 'vitest';
import { normalizeInvocationsResponse } from '../../src/api/normalize.js';
import { newestFirst } from '../../src/api/status.js';
import { invocationTable } from '../../src/cli/format.js';
import { createStore } from '../../src/store/index.js';
import { selectOrder } from '../../src/store/selectors.js';
import { invocation } from '../store/fixtures.js';

const T = Date.UTC(2026, 0, 2, 3, 4, 5);
// Response order: ties arrive against InvokeId order; the one without a time arrives first.
const WIRE = [
  { id: 't-none', at: undefined },
  { id: 't-b', at: T },
  { id: 't-old', at: T - 60_000 },
  { id: 't-a', at: T },
  { id: 't-new', at: T + 60_000 },
];
const EXPECTED = ['t-new', 't-a', 't-b', 't-old', 't-none'];

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('newest first', () => {
  it('orders by CreationTime, then InvokeId, those without a time last', () => {
    const list = WIRE.map((w) => ({ invokeId: w.id, creationTime: w.at }));
    expect([...list].sort(newestFirst).map((i) => i.invokeId)).toEqual(EXPECTED);
  });

  it('is the order of a normalised page, of the store and of the --once table', () => {
    const raw = {
      RequestId: 'req-1',
      TotalCount: WIRE.length,
      PageNumber: 1,
      PageSize: 10,
      Invocations: {
        Invocation: WIRE.map((w) => ({
          InvokeId: w.id,
          ...(w.at === undefined ? {} : { CreationTime: iso(w.at) }),
          CommandType: 'RunShellScript',
          InvocationStatus: 'Success',
          InvokeStatus: 'Finished',
          InvokeInstances: { InvokeInstance: [] },
        })),
      },
    };
    const page = normalizeInvocationsResponse(raw, { encoding: 'Base64', withOutput: false });
    expect(page.invocations.map((i) => i.invokeId)).toEqual(EXPECTED);

    const store = createStore();
    // One at a time, in response order: the store merges each into its order.
    for (const w of WIRE) store.upsertInvocations([invocation(w.id, w.at as number, ['Success'], { creationTime: w.at })], T);
    expect(selectOrder(store.getState())).toEqual(EXPECTED);

    const table = invocationTable(WIRE.map((w) => invocation(w.id, 0, ['Success'], { creationTime: w.at })));
    const rows = table.trimEnd().split('\n').slice(1).map((line) => /\bt-\w+/.exec(line)?.[0]);
    expect(rows).toEqual(EXPECTED);
  });
});
