// A status catop does not know reads `unknown (Value)` wherever a status is shown, and is counted
// apart from the known families; the value is the normaliser's (sanitised, bounded).
import React from 'react';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { EcsClient } from '../../src/api/client.js';
import { invocationTable, instanceProblem } from '../../src/cli/format.js';
import { instanceCountsLabel } from '../../src/ui/rowFilters.js';
import { StatusBadge } from '../../src/ui/widgets/StatusBadge.js';
import { sameInvocation } from '../../src/store/reducer.js';
import { closeStandIns, invocationsPage, sendJson, standIn, wireInvocation } from '../helpers/standIn.js';

afterEach(closeStandIns);

async function oddPage() {
  const s = await standIn((_req, res) =>
    sendJson(
      res,
      200,
      invocationsPage([
        wireInvocation({
          InvokeId: 't-odd',
          InvocationStatus: 'Paused\u001b]0;T\u0007',
          instances: [{ InvocationStatus: 'Frozen', InstanceInvokeStatus: 'Frozen' }, { InvocationStatus: 'Success' }],
        }),
      ]),
    ),
  );
  const api = new EcsClient({ regionId: 'cn-hangzhou', endpoint: s.endpoint, credentials: { accessKeyId: 'LTAI5tSTANDIN', accessKeySecret: 'standin-secret' } });
  return (await api.describeInvocations({})).invocations[0];
}

describe('an unknown status', () => {
  it('reads unknown (Value) on the badge, in the --once table and in problem lines', async () => {
    const inv = await oddPage();
    const badge = render(<StatusBadge status={inv.invocationStatus} value={inv.statusValue} />);
    expect(badge.lastFrame()).toBe('unknown (Paused)');
    badge.unmount();
    expect(invocationTable([inv]).split('\n')[1]).toMatch(/^unknown \(Paused\)\s+t-odd/);
    expect(instanceProblem(inv.instances[0])).toMatch(/^i-standin0000 unknown \(Frozen\)/);
  });

  it('is counted apart in the instances column', async () => {
    const inv = await oddPage();
    expect(instanceCountsLabel({ Success: 1, Unknown: 2, Stopped: 1 })).toBe('1✓ 1⊘ 2?');
    expect(inv.instances.map((i) => i.invocationStatus)).toEqual(['Unknown', 'Success']);
  });
});

describe('an unknown status that changes its value', () => {
  it('is news to the store (a new value is a change, not the same invocation)', async () => {
    const inv = await oddPage();
    const inst = { ...inv.instances[0], statusValue: 'Thawing' };
    expect(sameInvocation(inv, { ...inv, statusValue: 'Resumed' })).toBe(false);
    expect(sameInvocation(inv, { ...inv, instances: [inst, inv.instances[1]] })).toBe(false);
    expect(sameInvocation(inv, { ...inv })).toBe(true);
  });
});
