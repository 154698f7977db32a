// A noisy fleet for grouping tests and the grouping benchmark: one run on `count` instances whose
// outputs come in five variants, each instance's output differing from its variant's others only by
// noise (timestamps, hostnames, IPs, durations, request ids, its own instance id).
import type { GroupMember, OwnIdentity } from '../../src/group/index.js';

export interface FleetInstance {
  member: GroupMember;
  output: string;
  own: OwnIdentity;
  variant: Variant;
}

export type Variant = 'ok' | 'diskFull' | 'noAgent' | 'oddConfig' | 'oldVersion';

/** Share of instances per variant, in parts of 1,000 (the "972 OK, 21 exit 1, 5 agent not running, 2 odd ones", with an old version among the OK). */
const PARTS: ReadonlyArray<readonly [Variant, number]> = [
  ['noAgent', 5],
  ['diskFull', 21],
  ['oddConfig', 2],
  ['oldVersion', 12],
  ['ok', 960],
];

export function variantOf(n: number): Variant {
  const slot = n % 1000;
  let upTo = 0;
  for (const [v, parts] of PARTS) {
    upTo += parts;
    if (slot < upTo) return v;
  }
  return 'ok';
}

export function instanceIdOf(n: number): string {
  return `i-bp1${n.toString(16).padStart(12, '0')}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Deterministic per-instance noise. */
function noise(n: number, line: number) {
  const s = (n * 7919 + line * 104_729) % 86_400;
  const hh = pad(Math.floor(s / 3600));
  const mm = pad(Math.floor(s / 60) % 60);
  const ss = pad(s % 60);
  const ms = pad((n * 31 + line) % 1000, 3);
  const day = 1 + (n % 28);
  return {
    iso: `2026-12-${pad(day)}T${hh}:${mm}:${ss}.${ms}+08:00`,
    syslog: `Dec ${String(day).padStart(2, ' ')} ${hh}:${mm}:${ss}`,
    apache: `[${pad(day)}/Dec/2026:${hh}:${mm}:${ss} +0800]`,
    took: `${(n * 13 + line) % 900}ms`,
    wall: `${(n + line) % 5}m${(n * 3 + line) % 60}s`,
    uuid: `${(n * 2654435761 + line).toString(16).padStart(8, '0').slice(-8)}-e89b-42d3-a456-${(n * 97 + line).toString(16).padStart(12, '0').slice(-12)}`,
    sha: ((n + 1) * 40503 * (line + 1)).toString(16).padStart(10, 'a'),
  };
}

export function ownOf(n: number): OwnIdentity {
  const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  return { names: [`web-${pad(n, 4)}`, `web-${pad(n, 4)}.prod.example.com`], ips: [ip, `fd00::${(n + 1).toString(16)}`] };
}

function line(n: number, k: number, v: Variant, own: OwnIdentity): string {
  const z = noise(n, k);
  const host = own.names[0];
  const ip = own.ips[0];
  switch (k % 6) {
    case 0:
      return `${z.iso} INFO deploy step ${k} on ${host} (${ip}) finished in ${z.took}`;
    case 1:
      return `${z.syslog} ${host} systemd[1]: Started app.service, request ${z.uuid}`;
    case 2:
      return `${ip} - - ${z.apache} "GET /health HTTP/1.1" 200 17 took ${z.wall}`;
    case 3:
      return `instance ${instanceIdOf(n)} at ${own.ips[1]} commit ${z.sha}`;
    case 4:
      return v === 'oldVersion' ? 'app version 1.22.10, 4 workers' : 'app version 1.22.11, 4 workers';
    default:
      return `${z.iso} INFO disk /dev/vda1 at 41% used, load 0.5 from ${host}.prod.example.com`;
  }
}

/** The lines' mean length, about. */
const LINE_BYTES = 80;

/** The whole output of instance `n`: its variant's lines with its noise, about `bytes` long. */
export function outputOf(n: number, bytes: number): string {
  const v = variantOf(n);
  if (v === 'noAgent') return '';
  const own = ownOf(n);
  // The same number of lines on every instance (noise changes line lengths, not their count).
  const lines = Array.from({ length: Math.ceil(bytes / LINE_BYTES) }, (_, k) => line(n, k, v, own));
  if (v === 'diskFull') lines.push('error: /dev/vda1 is 100% full, cannot write /var/lib/app/state');
  if (v === 'oddConfig') lines.push('warning: /etc/app.conf differs from the release, using it anyway');
  // One join: a flat string, as the API's outputs are once decoded from Base64 (`a + b` would be a rope).
  lines.push('');
  return lines.join('\n');
}

export function memberOf(n: number): GroupMember {
  const v = variantOf(n);
  const instanceId = instanceIdOf(n);
  if (v === 'noAgent') return { instanceId, invocationStatus: 'Failed', exitCode: null, errorCode: 'ClientNotRunning' };
  if (v === 'diskFull') return { instanceId, invocationStatus: 'Failed', exitCode: 1, errorCode: 'ExitCodeNonzero' };
  return { instanceId, invocationStatus: 'Success', exitCode: 0 };
}

export function fleetInstance(n: number, bytes: number): FleetInstance {
  return { member: memberOf(n), output: outputOf(n, bytes), own: ownOf(n), variant: variantOf(n) };
}
