// Names: DescribeInstances for the instances on screen (names demands), 100 ids a call, only
// those not known or older than 10 minutes (src/store/names.ts). Released instances are the
// ids it does not return.
import { MAX_INSTANCE_IDS, type InstanceInfo } from '../../api/instances.js';
import { namesToFetch, withNames } from '../../store/names.js';
import { lookupJob } from './lookup.js';

export const namesJob = lookupJob<InstanceInfo>({
  key: 'names',
  kind: 'names',
  batch: MAX_INSTANCE_IDS,
  action: 'DescribeInstances',
  what: 'instance names',
  call: (api) => api.describeInstances && (async (ids) => (await api.describeInstances!(ids)).instances),
  toFetch: namesToFetch,
  merge: (fleet, r, at) => ({ ...withNames(fleet, r, at), ...(r.refused ? { namesUnavailable: r.refused } : {}) }),
});
