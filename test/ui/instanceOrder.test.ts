// One order for the instance list and the output screen's J/K: a group, the status and text
// filters, then the sort; and the step to the next or previous instance in it.
import { describe, expect, it } from 'vitest';
import type { InstanceResult } from '../../src/api/model.js';
import { DEFAULT_ORDER, orderInstances, orderPosition, stepInOrder, type InstanceOrder } from '../../src/ui/instanceOrder.js';

const inst = (instanceId: string, invocationStatus: InstanceResult['invocationStatus'], exitCode: number | null, startTime?: number): InstanceResult =>
  ({ invokeId: 't-1', instanceId, invocationStatus, exitCode, dropped: 0, repeats: 0, startTime, finishTime: startTime }) as InstanceResult;

const list = [
  inst('i-c', 'Success', 0, 1_000),
  inst('i-a', 'Failed', 2, 2_000),
  inst('i-d', 'Running', null, 3_000),
  inst('i-b', 'Failed', 1, 500),
  inst('i-e', 'Success', 0, 700),
];
const ids = (order: Partial<InstanceOrder>) => orderInstances(list, { ...DEFAULT_ORDER, ...order }, 10_000).map((i) => i.instanceId);

describe('the instance order', () => {
  it('is failed first by default, the API order within each status', () => {
    expect(ids({})).toEqual(['i-a', 'i-b', 'i-d', 'i-c', 'i-e']);
  });

  it('sorts by the chosen column', () => {
    expect(ids({ sort: { column: 'started', reversed: false } })).toEqual(['i-b', 'i-e', 'i-c', 'i-a', 'i-d']);
    expect(ids({ sort: { column: 'id', reversed: true } })).toEqual(['i-e', 'i-d', 'i-c', 'i-b', 'i-a']);
  });

  it('keeps only what the status and text filters keep', () => {
    expect(ids({ status: 'succeeded' })).toEqual(['i-c', 'i-e']);
    expect(ids({ status: 'failed', sort: { column: 'exit', reversed: false } })).toEqual(['i-b', 'i-a']);
    expect(ids({ text: 'i-d' })).toEqual(['i-d']);
  });

  it("keeps a group's instances only, in the list's order", () => {
    expect(ids({ group: ['i-e', 'i-c', 'i-b'] })).toEqual(['i-b', 'i-c', 'i-e']);
    expect(ids({ group: ['i-e', 'i-c', 'i-b'], status: 'succeeded', sort: { column: 'id', reversed: true } })).toEqual(['i-e', 'i-c']);
  });
});

describe('stepping through the order', () => {
  const order = ['i-a', 'i-b', 'i-d', 'i-c', 'i-e'];

  it('goes to the next and the previous instance, and says so at either end', () => {
    expect(stepInOrder(order, 'i-b', 1)).toEqual({ instanceId: 'i-d', index: 2 });
    expect(stepInOrder(order, 'i-b', -1)).toEqual({ instanceId: 'i-a', index: 0 });
    expect(stepInOrder(order, 'i-e', 1)).toEqual({ end: 'last' });
    expect(stepInOrder(order, 'i-a', -1)).toEqual({ end: 'first' });
    expect(stepInOrder([], 'i-a', 1)).toEqual({ end: 'last' });
  });

  it('steps from where the instance was when it has left the order', () => {
    // i-x was third (index 2): the next is what is third now, the previous the second.
    expect(stepInOrder(order, 'i-x', 1, 2)).toEqual({ instanceId: 'i-d', index: 2 });
    expect(stepInOrder(order, 'i-x', -1, 2)).toEqual({ instanceId: 'i-b', index: 1 });
    expect(stepInOrder(order, 'i-x', 1, 5)).toEqual({ end: 'last' });
    expect(stepInOrder(order, 'i-x', -1, 0)).toEqual({ end: 'first' });
  });

  it('names the position as 3/5, or -/5 outside the order', () => {
    expect(orderPosition(order, 'i-d')).toBe('3/5');
    expect(orderPosition(order, 'i-x')).toBe('-/5');
  });
});
