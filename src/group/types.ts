// Shapes shared by the grouping modules: how outputs are compared, and what a group holds.
import type { InstanceStatus } from '../api/wire.js';

/** strict: byte-identical outputs; masked: noise hidden (the default); loose: numbers hidden too. */
export type GroupMode = 'strict' | 'masked' | 'loose';
export const GROUP_MODES: readonly GroupMode[] = ['strict', 'masked', 'loose'];

/** The instance's own names (instance name, hostname) and IPs, masked in its output. */
export interface OwnIdentity {
  names: readonly string[];
  ips: readonly string[];
}

/** What the grouper needs of an instance (a subset of `InstanceResult`). */
export interface GroupMember {
  instanceId: string;
  invocationStatus: InstanceStatus;
  exitCode: number | null;
  errorCode?: string;
}

/** Fingerprint of a group whose members' outputs are not known yet. */
export const PENDING = 'pending';

export interface Group {
  /** Stable while the group exists: status, exit code, error code and fingerprint. */
  key: string;
  status: InstanceStatus;
  exitCode: number | null;
  errorCode?: string;
  /** Hex prefix of the masked output's hash, or `pending`. */
  fingerprint: string;
  count: number;
  /** Sorted. */
  instanceIds: readonly string[];
  /** One member's raw output (untrusted: sanitise before display); undefined while pending. */
  sample?: string;
  /** Whose output the sample is (it may since have moved to another group). */
  sampleInstanceId?: string;
  /** The sample's first line, raw. */
  firstLine?: string;
  /** The sample holds only the output's first lines: the grouper's samples were at their bound. */
  sampleCut?: boolean;
}
