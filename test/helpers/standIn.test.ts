// The stand-in itself: the real client reads what it serves, and it records what it was asked.
import { afterEach, describe, expect, it } from 'vitest';
import { EcsClient } from '../../src/api/client.js';
import { closeStandIns, oldInvocations, serveInvocations, standIn } from './standIn.js';

afterEach(closeStandIns);

const TWO_YEARS = 2 * 365 * 24 * 3600 * 1000;

describe('loopback stand-in', () => {
  it('serves its invocations to the real pop-core client, paged as asked', async () => {
    const s = await standIn(serveInvocations(oldInvocations(7, TWO_YEARS)));
    const client = new EcsClient({
      regionId: 'cn-hangzhou',
      endpoint: s.endpoint,
      credentials: { accessKeyId: 'LTAI5tSTANDIN', accessKeySecret: 'standin-secret' },
    });
    const page = await client.describeInvocations({ pageNumber: 2, pageSize: 5 });
    expect(page.invocations.map((i) => i.invokeId)).toEqual(['t-old00005', 't-old00006']);
    expect(page.totalCount).toBe(7);
    expect(s.count('DescribeInvocations')).toBe(1);
    expect(s.seen[0].params.get('PageNumber')).toBe('2');
  });
});
