// DescribeRegions: the regions an account can use (`--region all`). Only the ids are read; each
// must look like a region id, since it goes into RegionId and an endpoint's host name.
import { isObj, list, malformed } from './normalize.js';

/** As many regions as one copy watches at most; the account has about thirty. */
const MAX_REGIONS = 64;
const REGION_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function normalizeRegionsResponse(raw: unknown): string[] {
  if (!isObj(raw)) throw malformed('the body is not a JSON object');
  const regions = isObj(raw.Regions) ? raw.Regions.Region : undefined;
  const ids: string[] = [];
  for (const r of list(regions, 'Regions.Region') ?? []) {
    const id = isObj(r) ? r.RegionId : undefined;
    if (typeof id === 'string' && id.length <= 64 && REGION_ID.test(id) && !ids.includes(id)) ids.push(id);
    if (ids.length >= MAX_REGIONS) break;
  }
  if (ids.length === 0) throw malformed('DescribeRegions listed no region');
  return ids;
}
