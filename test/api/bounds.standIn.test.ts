// Long fields are cut where they enter (the normaliser), through the real client: an endpoint
// that sends megabyte ids and names gets bounded strings with a visible marker, and distinct ids
// stay distinct after the cut.
import { afterEach, describe, expect, it } from 'vitest';
import { EcsClient } from '../../src/api/client.js';
import { MAX_ID_CHARS, MAX_TEXT_CHARS, cutWork } from '../../src/api/bounds.js';
import { closeStandIns, invocationsPage, longFields, sendJson, standIn, wireInvocation } from '../helpers/standIn.js';

afterEach(closeStandIns);

function client(endpoint: string): EcsClient {
  return new EcsClient({ regionId: 'cn-hangzhou', endpoint, credentials: { accessKeyId: 'LTAI5tSTANDIN', accessKeySecret: 'standin-secret' } });
}

describe('long fields from the endpoint', () => {
  it('cuts 1,000,000-character ids, names and texts to their bounds with a marker', async () => {
    const s = await standIn(longFields(1_000_000));
    const [inv] = (await client(s.endpoint).describeInvocations({})).invocations;
    const [inst] = inv.instances;
    for (const id of [inv.invokeId, inst.instanceId, inst.invokeId, inst.errorCode!]) {
      expect(id.length).toBeLessThanOrEqual(MAX_ID_CHARS);
      expect(id).toMatch(/…#[0-9a-f]{12}$/);
    }
    expect(inv.invokeId.startsWith('t-aaaa')).toBe(true);
    expect(inst.invokeId).toBe(inv.invokeId);
    for (const text of [inv.commandName!, inv.frequency!, inv.username!, inst.errorInfo!]) {
      expect(text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS + 20);
      expect(text).toMatch(/… \[\d+ more\]$/);
    }
    expect(inv.commandName).toBe(`${'n'.repeat(MAX_TEXT_CHARS)}… [${1_000_000 - MAX_TEXT_CHARS} more]`);
  });

  it('keeps ids that differ only after the cut distinct', async () => {
    const long = 'x'.repeat(100_000);
    const s = await standIn((_req, res) =>
      sendJson(
        res,
        200,
        invocationsPage([
          wireInvocation({ InvokeId: `t-${long}A`, instances: [{ InstanceId: `i-${long}A` }, { InstanceId: `i-${long}B` }] }),
          wireInvocation({ InvokeId: `t-${long}B` }),
        ]),
      ),
    );
    const page = await client(s.endpoint).describeInvocations({});
    const [a, b] = page.invocations.map((i) => i.invokeId);
    expect(a).not.toBe(b);
    expect(new Set(page.invocations[0].instances.map((i) => i.instanceId)).size).toBe(2);
    // The same id cuts the same way every time: the store can match it across polls.
    const again = await client(s.endpoint).describeInvocations({});
    expect(again.invocations.map((i) => i.invokeId)).toEqual([a, b]);
  });

  it('costs work linear in the input: four times the length, at most four times the work', async () => {
    const work = async (n: number) => {
      const s = await standIn(longFields(n));
      const before = cutWork();
      const page = await client(s.endpoint).describeInvocations({});
      await s.close();
      return { work: cutWork() - before, kept: JSON.stringify(page.invocations).length };
    };
    const small = await work(200_000);
    const large = await work(800_000);
    expect(small.work).toBeGreaterThan(0);
    expect(large.work).toBeLessThanOrEqual(4 * small.work);
    // What is kept does not grow with the input at all (only the marker's digit count may).
    expect(large.kept - small.kept).toBeLessThan(100);
  });
});
