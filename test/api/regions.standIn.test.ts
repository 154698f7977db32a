// DescribeRegions (`--region all`) against answers our emulator would never send.
import { afterEach, describe, expect, it } from 'vitest';
import { EcsClient } from '../../src/api/client.js';
import { closeStandIns, HOSTILE, standIn } from '../helpers/standIn.js';

afterEach(closeStandIns);

const client = (endpoint: string) => new EcsClient({ regionId: 'cn-hangzhou', endpoint, credentials: { accessKeyId: 'id', accessKeySecret: 'secret' } });

describe('DescribeRegions', () => {
  it('keeps only ids shaped like a region id, each once, in order', async () => {
    const s = await standIn(HOSTILE.junkRegions);
    expect(await client(s.endpoint).describeRegions()).toEqual(['cn-hangzhou', 'ap-southeast-1']);
    expect(s.seen[0].params.get('Action')).toBe('DescribeRegions');
  });

  it('an answer with no region is a malformed response, not an empty view', async () => {
    const s = await standIn(HOSTILE.noRegions);
    await expect(client(s.endpoint).describeRegions()).rejects.toMatchObject({ code: 'MalformedResponse' });
  });
});
