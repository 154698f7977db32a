/**
 * Incremental grouping of one invocation's instances by (InvocationStatus, ExitCode, ErrorCode,
 * output fingerprint). Status, exit and error are known at once, so every instance has a group
 * from its first `add`; as outputs arrive it moves from the coarse `pending` group into the group
 * of its output's fingerprint. Memory: per instance its group; per group its sorted ids and
 * ONE sample output. Outputs are hashed and let go (they live in the store's byte-capped LRU).
 * An output is first checked against the samples of its status's groups, most recently joined
 * first: one byte-identical (`clush -b`'s case) or matching a sample's template (the same but
 * for noise; see template.ts) takes that group's fingerprint without being masked whole.
 */
import { Buffer } from 'node:buffer';
import { FAILED_FAMILY, STOPPED_FAMILY } from '../api/status.js';
import type { InstanceStatus } from '../api/wire.js';
import { fingerprint, hashMasked, ownWords } from './fingerprint.js';
import { insertSorted, removeSorted, settle, type SortedIds } from './sortedIds.js';
import { buildTemplate, matchesTemplate, type Template } from './template.js';
import { PENDING, type Group, type GroupMember, type GroupMode, type OwnIdentity } from './types.js';

interface GroupState extends SortedIds {
  key: string;
  /** Status, exit code and error code (`resultKeyOf`): the key without the fingerprint. */
  resultKey: string;
  status: InstanceStatus;
  exitCode: number | null;
  errorCode?: string;
  fingerprint: string;
  /** Members now (`sorted` may still hold some that left: `instances` says who is in). */
  size: number;
  /** The group as last shown, reused while nothing in it changed. */
  shown?: Group;
  sample?: string;
  sampleInstanceId?: string;
  /** The own names the sample was masked with, joined. */
  sampleOwn?: string;
  /** The sample's own names, to build its template when it is needed. */
  sampleIdentity?: OwnIdentity;
  sampleCut?: boolean;
}

export interface Grouper {
  readonly mode: GroupMode;
  /**
   * Add or update an instance. `output` undefined: not known yet (a known fingerprint is kept
   * while status, exit code and error code stay the same). Returns true when its group changed.
   */
  add(instance: GroupMember, output?: string, own?: OwnIdentity): boolean;
  /** The same as `add`, for an instance already there. */
  update(instance: GroupMember, output?: string, own?: OwnIdentity): boolean;
  remove(instanceId: string): boolean;
  /** Groups worst first (see `compareGroups`); the same array until something changes. */
  groups(): readonly Group[];
  readonly instanceCount: number;
  /** Instances whose output has been fingerprinted. */
  readonly outputsKnown: number;
  /** Outputs masked so far (one byte-identical to a group's sample is not masked again). */
  readonly outputsMasked: number;
  /** Bookkeeping steps done so far (map and set operations), to check the cost stays linear. */
  readonly operations: number;
  /** What is kept, for checking that outputs are not: every string held, by role. */
  retained(): { samples: number; sampleChars: number; fingerprints: number; ids: number; knownOutputs: number; templates: number };
}

/** Failed family first, then stopped, then the rest (still active), then success. */
export function statusRank(status: InstanceStatus): number {
  if (FAILED_FAMILY.has(status)) return 0;
  if (STOPPED_FAMILY.has(status)) return 1;
  if (status === 'Success') return 3;
  return 2;
}

/** Lexicographically smallest id of a group (its "first InstanceId"). */
export function firstInstanceId(g: Pick<Group, 'instanceIds'>): string {
  return g.instanceIds[0] ?? '';
}

/** Worst first, then larger first, then by first InstanceId. */
export function compareGroups(a: Group, b: Group): number {
  return (
    statusRank(a.status) - statusRank(b.status) ||
    b.count - a.count ||
    compareIds(firstInstanceId(a), firstInstanceId(b))
  );
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The group holds instances of this status, exit code and error code. */
function sameResult(g: GroupState, i: GroupMember): boolean {
  return g.status === i.invocationStatus && g.exitCode === i.exitCode && g.errorCode === i.errorCode;
}

function resultKeyOf(i: GroupMember): string {
  // Unambiguous whatever an endpoint sends: the status by its length, the exit code a number or
  // null (no `|`), then the error code, last.
  return `${i.invocationStatus.length}:${i.invocationStatus}|${i.exitCode}|${i.errorCode === undefined ? '' : `=${i.errorCode}`}`;
}

/** Up to the first line break, without a trailing CR. */
export function firstLineOf(text: string): string {
  const nl = text.indexOf('\n');
  const line = nl < 0 ? text : text.slice(0, nl);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * Samples an output is checked against before it is masked whole. Missing a group this way costs
 * only the masking (the fingerprint still finds it); a bound keeps a fleet of all-different
 * outputs linear.
 */
const CANDIDATES = 4;

/**
 * Characters of samples a grouper holds whole: a fleet whose every output differs (strict mode
 * on noisy outputs) would otherwise hold every output. Past it, a new group keeps its sample's
 * first lines only (`sampleCut`), up to `SAMPLE_CUT` characters.
 */
export const SAMPLE_BUDGET = 4 * 1024 * 1024;

/**
 * Templates held (the most recently used; one costs about 8 bytes a character of its sample,
 * rebuilt by one masking when needed again), and the longest sample given one (longer than any
 * output the API returns).
 */
export const TEMPLATES = 8;
const TEMPLATE_CHARS = 64 * 1024;
export const SAMPLE_CUT = 2_048;

/** The output's first lines, within `SAMPLE_CUT` characters (a line longer than that, cut). */
export function cutSample(output: string): string {
  if (output.length <= SAMPLE_CUT) return output;
  const nl = output.lastIndexOf('\n', SAMPLE_CUT - 1);
  return output.slice(0, nl > 0 ? nl + 1 : SAMPLE_CUT);
}

export function createGrouper(mode: GroupMode = 'masked'): Grouper {
  /** Each instance's group (its status, exit code, error code and fingerprint). */
  const instances = new Map<string, GroupState>();
  /** Groups with a sample, by result key (status, exit, error), the most recently joined first. */
  const samplesByResult = new Map<string, GroupState[]>();
  let outputsMasked = 0;
  /** Characters of the samples held. */
  let sampleChars = 0;
  /** The templates of groups' samples, least recently used first. */
  const templates = new Map<GroupState, Template | undefined>();

  /** The group whose template was used last (already last in `templates`). */
  let lastTemplateOf: GroupState | undefined;

  function templateOf(g: GroupState): Template | undefined {
    if (g.sample === undefined || g.sampleCut || g.sample.length > TEMPLATE_CHARS || mode === 'strict') return undefined;
    if (g === lastTemplateOf) return templates.get(g);
    const t = templates.has(g) ? templates.get(g) : buildTemplate(g.sample, mode, g.sampleIdentity);
    keepTemplate(g, t);
    return t;
  }
  const groupsByKey = new Map<string, GroupState>();
  let outputsKnown = 0;
  let operations = 0;
  let snapshot: readonly Group[] | undefined;

  function ownKeyOf(words: readonly string[]): string {
    return mode === 'strict' ? '' : words.join('\0');
  }

  /**
   * The group of an output among its status's samples, or its fingerprint by masking it whole;
   * `template`: made by that masking, for the group it starts.
   */
  function fingerprintOf(output: string, resultKey: string, own?: OwnIdentity): { fp: string; words: readonly string[]; found?: GroupState; template?: Template } {
    const words = mode === 'strict' ? [] : ownWords(own);
    const same = mode === 'strict' ? undefined : samplesByResult.get(resultKey);
    for (let i = 0; same && i < Math.min(same.length, CANDIDATES); i++) {
      const g = same[i];
      operations++;
      // The same text with the same own names (or none to mask: an empty output) masks the same.
      const identical = g.sample === output && (output === '' || g.sampleOwn === ownKeyOf(words));
      const t = identical ? undefined : templateOf(g);
      if (identical || (t && matchesTemplate(t, output, words))) {
        if (i > 0) same.unshift(...same.splice(i, 1));
        return { fp: g.fingerprint, words, found: g };
      }
    }
    outputsMasked++;
    // Every group of its result tried and none matched: it most likely starts a group, whose
    // sample's template this one masking makes (and holds the masked text).
    if (mode !== 'strict' && (same?.length ?? 0) < CANDIDATES && output.length <= TEMPLATE_CHARS && sampleChars + output.length <= SAMPLE_BUDGET) {
      const template = buildTemplate(output, mode, own);
      if (template) return { fp: hashMasked(template.masked), words, template };
    }
    return { fp: fingerprint(output, mode, own), words };
  }

  /** Keeps `t` as `g`'s template (undefined: it has none), the most recently used. */
  function keepTemplate(g: GroupState, t: Template | undefined): void {
    templates.delete(g);
    templates.set(g, t);
    lastTemplateOf = g;
    if (templates.size > TEMPLATES) templates.delete(templates.keys().next().value!);
  }

  function keepSample(g: GroupState, output: string, id: string, ownKey: string, own?: OwnIdentity): void {
    g.shown = undefined;
    g.sampleInstanceId = id;
    g.sampleOwn = ownKey;
    g.sampleCut = sampleChars + output.length > SAMPLE_BUDGET && output.length > SAMPLE_CUT;
    // `slice` of a long string shares its storage; a copy lets the whole output go.
    g.sample = g.sampleCut ? Buffer.from(cutSample(output)).toString() : output;
    sampleChars += g.sample.length;
    if (mode === 'strict' || g.sampleCut) return;
    g.sampleIdentity = own;
    const same = samplesByResult.get(g.resultKey);
    if (same) same.push(g);
    else samplesByResult.set(g.resultKey, [g]);
  }

  function promote(g: GroupState, resultKey: string): void {
    const same = samplesByResult.get(resultKey);
    const at = same ? same.indexOf(g) : -1;
    if (same && at > 0) same.unshift(...same.splice(at, 1));
  }

  function dropSample(g: GroupState): void {
    if (g.sample === undefined) return;
    sampleChars -= g.sample.length;
    templates.delete(g);
    if (lastTemplateOf === g) lastTemplateOf = undefined;
    const same = samplesByResult.get(g.resultKey);
    if (!same || mode === 'strict' || g.sampleCut) return;
    const at = same.indexOf(g);
    if (at >= 0) same.splice(at, 1);
    if (same.length === 0) samplesByResult.delete(g.resultKey);
  }

  /** The pending group an instance was last put in. */
  let lastPending: GroupState | undefined;

  function groupFor(i: GroupMember, resultKey: string, fp: string): GroupState {
    const key = `${resultKey}#${fp}`;
    operations++;
    let g = groupsByKey.get(key);
    if (!g) {
      g = { key, resultKey, status: i.invocationStatus, exitCode: i.exitCode, errorCode: i.errorCode, fingerprint: fp, size: 0, sorted: [], head: 0 };
      groupsByKey.set(key, g);
      operations++;
    }
    return g;
  }

  function leave(group: GroupState, instanceId: string): void {
    group.size--;
    group.shown = undefined;
    removeSorted(group, instanceId);
    operations++;
    if (group.size === 0) {
      groupsByKey.delete(group.key);
      dropSample(group);
      operations++;
    }
    if (group.fingerprint !== PENDING) outputsKnown--;
  }

  function put(instance: GroupMember, output?: string, own?: OwnIdentity): boolean {
    const id = instance.instanceId;
    const g0 = instances.get(id);
    operations++;
    // A refresh that changes nothing (every poll of a finished run) costs a look-up, no keys.
    if (output === undefined && g0 && sameResult(g0, instance)) return false;
    // A run's instances come mostly alike, one after another: the last pending group's key, if it is theirs.
    const last = lastPending !== undefined && lastPending.size > 0 && sameResult(lastPending, instance) ? lastPending : undefined;
    const resultKey = g0 && sameResult(g0, instance) ? g0.resultKey : last ? last.resultKey : resultKeyOf(instance);
    let group: GroupState;
    if (output === undefined) {
      // Its result changed (or it is new): pending again.
      group = last ?? groupFor(instance, resultKey, PENDING);
      lastPending = group;
    } else {
      const { fp, words, found: sampled, template } = fingerprintOf(output, resultKey, own);
      group = sampled ?? groupFor(instance, resultKey, fp);
      if (group.sample === undefined) {
        keepSample(group, output, id, ownKeyOf(words), own);
        if (template && !group.sampleCut) keepTemplate(group, template);
      }
      // Found by its fingerprint past the samples checked: checked first from now on.
      else if (!sampled) promote(group, resultKey);
    }
    if (g0 === group) return false;
    if (g0) leave(g0, id);
    group.size++;
    group.shown = undefined;
    insertSorted(group, id);
    operations++;
    instances.set(id, group);
    operations++;
    if (group.fingerprint !== PENDING) outputsKnown++;
    snapshot = undefined;
    return true;
  }

  function toGroup(g: GroupState): Group {
    if (g.shown) return g.shown;
    settle(g, (id) => instances.get(id) === g);
    // A view, copied when first read: most snapshots of a large group are drawn by count alone.
    const { sorted, head } = g;
    const end = sorted.length;
    g.viewed = true;
    let instanceIds: readonly string[] | undefined;
    return (g.shown = {
      key: g.key,
      status: g.status,
      exitCode: g.exitCode,
      errorCode: g.errorCode,
      fingerprint: g.fingerprint,
      count: end - head,
      get instanceIds() {
        return (instanceIds ??= sorted.slice(head, end));
      },
      sample: g.sample,
      sampleInstanceId: g.sampleInstanceId,
      firstLine: g.sample === undefined ? undefined : firstLineOf(g.sample),
      ...(g.sampleCut ? { sampleCut: true } : {}),
    });
  }

  return {
    mode,
    add: put,
    update: put,
    remove(instanceId) {
      const group = instances.get(instanceId);
      if (!group) return false;
      leave(group, instanceId);
      instances.delete(instanceId);
      snapshot = undefined;
      return true;
    },
    groups() {
      snapshot ??= [...groupsByKey.values()].map(toGroup).sort(compareGroups);
      return snapshot;
    },
    get instanceCount() {
      return instances.size;
    },
    get outputsKnown() {
      return outputsKnown;
    },
    get outputsMasked() {
      return outputsMasked;
    },
    get operations() {
      return operations;
    },
    retained() {
      let samples = 0;
      let sampleChars = 0;
      let ids = 0;
      for (const g of groupsByKey.values()) {
        if (g.sample !== undefined) {
          samples++;
          sampleChars += g.sample.length;
        }
        ids += g.size;
      }
      let knownOutputs = 0;
      for (const same of samplesByResult.values()) knownOutputs += same.length;
      return { samples, sampleChars, fingerprints: instances.size, ids, knownOutputs, templates: [...templates.values()].filter(Boolean).length };
    },
  };
}
