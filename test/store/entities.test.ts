// What the store keeps of an entity: the normaliser's object itself (its strings are own copies
// and shared across rows already; a copy per entity would undo the sharing), minus any output.
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import { selectInvocation } from '../../src/store/selectors.js';
import { instance, invocation } from './fixtures.js';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);

describe('store: entities as kept', () => {
  it('keeps a listing entity without outputs as the very object it was given', () => {
    const store = createStore();
    const inv = invocation('t-a', T0, ['Success', 'Failed']);
    store.upsertInvocations([inv], T0);
    expect(selectInvocation(store.getState(), 't-a')).toBe(inv);
  });

  it('keeps a copy without the output key when an instance carries output, and leaves the given object alone', () => {
    const store = createStore();
    const withOutput = instance('t-a', 'i-1', 'Success', { output: 'hello' });
    const inv = { ...invocation('t-a', T0, ['Success']), instances: [instance('t-a', 'i-0', 'Success'), withOutput] };
    store.upsertInvocations([inv], T0);
    const kept = selectInvocation(store.getState(), 't-a')!;
    expect(kept.instances[0]).toBe(inv.instances[0]);
    expect('output' in kept.instances[1]).toBe(false);
    expect(kept.instances[1]).toEqual({ ...withOutput, output: undefined });
    expect(withOutput.output).toBe('hello');
  });

  it('mergeInstance keeps the merged instance without its output key', () => {
    const store = createStore();
    store.upsertInvocations([invocation('t-a', T0, ['Running'])], T0);
    store.mergeInstance('t-a', instance('t-a', 'i-0', 'Success', { output: 'done', exitCode: 0 }));
    const kept = selectInvocation(store.getState(), 't-a')!.instances[0];
    expect(kept.invocationStatus).toBe('Success');
    expect('output' in kept).toBe(false);
  });
});
