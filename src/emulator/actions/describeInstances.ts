// DescribeInstances over the simulated fleet: InstanceIds (a JSON array of at most 100),
// InstanceName (with * wildcards), Status, PageNumber/PageSize or MaxResults/NextToken (at most
// 100 a page; the service reads a larger MaxResults as 100 and a smaller one than 10 as 10).
// Released instances are gone; a stopped one answers Status Stopped.
import { inventory } from '../inventory.js';
import type { SimInstance } from '../model.js';
import { offsetToken, tokenOffset } from './paging.js';
import { INVALID, RpcError, intParam, present, region, type Action, type Json } from './params.js';

const STATUSES = ['Pending', 'Running', 'Starting', 'Stopping', 'Stopped'];

/** ECS writes instance times to the minute. */
function minuteTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16) + 'Z';
}

function instanceIdsParam(raw: string | undefined): Set<string> | undefined {
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) {
    throw new RpcError(400, 'InvalidInstanceIds.Malformed', 'The specified parameter InstanceIds is not valid: use a JSON array of instance IDs.');
  }
  if (parsed.length > 100) {
    throw new RpcError(400, 'InvalidInstanceIds.Malformed', `The specified parameter InstanceIds is not valid: ${parsed.length} IDs given, at most 100.`);
  }
  return new Set(parsed as string[]);
}

function nameMatcher(pattern: string | undefined): (name: string) => boolean {
  if (pattern === undefined) return () => true;
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return (name) => re.test(name);
}

function instanceJson(inst: SimInstance, regionId: string, seed: number): Json {
  const inv = inventory(inst, regionId, seed);
  return {
    InstanceId: inst.instanceId,
    InstanceName: inst.instanceName,
    HostName: inv.hostName,
    Description: '',
    Status: inst.running ? 'Running' : 'Stopped',
    OSType: inst.os,
    OSName: inv.osName,
    ImageId: inv.imageId,
    InstanceType: inv.instanceType,
    InstanceTypeFamily: inv.instanceType.split('.').slice(0, 2).join('.'),
    Cpu: inv.cpu,
    Memory: inv.memoryMiB,
    RegionId: regionId,
    ZoneId: inv.zoneId,
    CreationTime: minuteTime(inv.createdAt),
    StartTime: minuteTime(inv.createdAt),
    ExpiredTime: '2099-12-31T15:59Z',
    InstanceChargeType: 'PostPaid',
    InternetChargeType: 'PayByTraffic',
    InternetMaxBandwidthOut: inv.eip ? 100 : 0,
    InstanceNetworkType: 'vpc',
    SerialNumber: inv.serialNumber,
    VpcAttributes: { NatIpAddress: '', PrivateIpAddress: { IpAddress: [inv.privateIp] }, VSwitchId: inv.vSwitchId, VpcId: inv.vpcId },
    EipAddress: {
      IpAddress: inv.eip,
      AllocationId: inv.eipAllocationId,
      InternetChargeType: inv.eip ? 'PayByTraffic' : '',
      Bandwidth: inv.eip ? 100 : 0,
      IsSupportUnassociate: inv.eip !== '',
    },
    PublicIpAddress: { IpAddress: [] },
    InnerIpAddress: { IpAddress: [] },
    SecurityGroupIds: { SecurityGroupId: [inv.securityGroupId] },
    Tags: { Tag: inv.tags },
    OperationLocks: { LockReason: [] },
    DeletionProtection: false,
  };
}

export const describeInstances: Action = (params, ctx) => {
  const inRegion = region(params, ctx);
  const ids = instanceIdsParam(present(params, 'InstanceIds'));
  const status = present(params, 'Status');
  if (status !== undefined && !STATUSES.includes(status)) throw new RpcError(404, 'InvalidStatus.NotFound', 'The specified Status is not found');
  const named = nameMatcher(present(params, 'InstanceName'));
  const matching = inRegion
    ? ctx.sim.fleet.filter(
        (i) => !i.released && (ids === undefined || ids.has(i.instanceId)) && named(i.instanceName) && (status === undefined || status === (i.running ? 'Running' : 'Stopped')),
      )
    : [];
  const token = present(params, 'NextToken');
  const maxRaw = present(params, 'MaxResults');
  let start: number;
  let size: number;
  const body: Json = { RequestId: ctx.requestId, TotalCount: matching.length };
  if (token !== undefined || maxRaw !== undefined) {
    const max = maxRaw === undefined ? 10 : Number(maxRaw);
    if (!Number.isInteger(max)) throw new RpcError(400, 'InvalidParameter.MaxResults', `${INVALID} MaxResults must be a whole number.`);
    size = Math.min(100, Math.max(10, max));
    start = token ? tokenOffset('i', token, new RpcError(400, 'InvalidParameter.NextToken', 'The specified parameter NextToken is not valid.')) : 0;
    body.NextToken = start + size < matching.length ? offsetToken('i', start + size) : '';
  } else {
    const pageNumber = intParam(params, 'PageNumber', 1, 1, Number.MAX_SAFE_INTEGER);
    size = intParam(params, 'PageSize', 10, 1, 100);
    start = (pageNumber - 1) * size;
    Object.assign(body, { PageNumber: pageNumber, PageSize: size });
  }
  body.Instances = { Instance: matching.slice(start, start + size).map((i) => instanceJson(i, ctx.sim.regionId, ctx.sim.seed)) };
  return body;
};
