// The groups for scripts: one JSON line per group, or a plain table sized to a width. Every
// network string (ids, codes, the sample) passes through src/text before it reaches a terminal.
import { displayWidth, fitToWidth, jsonLine, sanitizeInline, truncateToWidth } from '../text/index.js';
import { PENDING, type Group } from './types.js';

/** What is known of an instance's names, for scripts: only the fields the service gave. */
export interface InstanceNameFields {
  instanceName?: string;
  hostName?: string;
  privateIp?: string;
}

/**
 * One group as its JSON line's value; `final` is false while the invocation still runs. With
 * `names`, `instances` lists each member with the names known of it.
 */
export function groupRecord(g: Group, final: boolean, names?: ReadonlyMap<string, InstanceNameFields>): Record<string, unknown> {
  const record: Record<string, unknown> = {
    status: g.status,
    exitCode: g.exitCode,
    errorCode: g.errorCode ?? null,
    fingerprint: g.fingerprint,
    count: g.count,
    instanceIds: g.instanceIds,
    sample: g.sample ?? null,
    ...(g.sampleCut ? { sampleCut: true } : {}),
    final,
  };
  if (names && names.size > 0) {
    record.instances = g.instanceIds.map((instanceId) => {
      const n = names.get(instanceId);
      return { instanceId, ...(n?.instanceName ? { instanceName: n.instanceName } : {}), ...(n?.hostName ? { hostName: n.hostName } : {}), ...(n?.privateIp ? { privateIp: n.privateIp } : {}) };
    });
  }
  return record;
}

/** One JSON document per group, in the groups' order. */
export function groupsJsonLines(groups: readonly Group[], final: boolean, names?: ReadonlyMap<string, InstanceNameFields>): string {
  return groups.map((g) => jsonLine(groupRecord(g, final, names))).join('');
}

/** `i-1, i-2, i-3 +997 more` in at most `width` cells (at least the count of what is left out). */
export function idsToFit(ids: readonly string[], width: number): string {
  let text = '';
  for (let k = 0; k < ids.length; k++) {
    const next = (text ? `${text}, ` : '') + sanitizeInline(ids[k]);
    const rest = ids.length - k - 1;
    const tail = rest > 0 ? ` +${rest} more` : '';
    if (displayWidth(next + tail) > width) {
      const left = ids.length - k;
      return text ? `${text} +${left} more` : `+${left} more`;
    }
    text = next;
  }
  return text;
}

const HEADER = ['COUNT', 'STATUS', 'EXIT', 'ERROR', 'SAMPLE', 'INSTANCES'];
const SAMPLE_SHARE = 0.5;
/** Error codes are short names; a longer one is cut. */
const ERROR_WIDTH = 24;
/** A first line longer than this is cut before it is sanitised (a column shows far less). */
const FIRST_LINE_CHARS = 2_000;

/**
 * A group's sample as a column shows it: its first line (cut, not sanitised), or what stands for
 * it. Also where no output is expected (no agent, no exit code), a group not fetched yet says so:
 * the group of those fetched, with no output, is another row meanwhile, and two rows must not
 * read alike.
 */
export function sampleFirstLine(g: Group): string {
  if (g.fingerprint === PENDING) return '(output not fetched yet)';
  if (g.firstLine === undefined || g.sample === '') return '(no output)';
  return g.firstLine.slice(0, FIRST_LINE_CHARS);
}

/** Groups as an aligned table, at most `width` cells a line (the sample and the ids share the rest). */
export function groupsTable(groups: readonly Group[], width = 120): string {
  const fixed = groups.map((g) => [
    String(g.count),
    g.status,
    g.exitCode === null ? '-' : String(g.exitCode),
    g.errorCode ? truncateToWidth(sanitizeInline(g.errorCode), ERROR_WIDTH) : '-',
  ]);
  const widths = HEADER.slice(0, 4).map((h, col) => Math.max(h.length, ...fixed.map((r) => displayWidth(r[col]))));
  const gaps = 2 * (HEADER.length - 1);
  const room = Math.max(20, width - widths.reduce((a, b) => a + b, 0) - gaps);
  const sampleWidth = Math.max(10, Math.floor(room * SAMPLE_SHARE));
  const idsWidth = Math.max(10, room - sampleWidth);
  const line = (cells: string[]) =>
    cells
      .map((cell, col) => (col < 4 ? fitToWidth(cell, widths[col], col === 0 || col === 2 ? 'right' : 'left') : cell))
      .join('  ')
      .trimEnd();
  const rows = groups.map((g, k) => {
    return line([...fixed[k], fitToWidth(sanitizeInline(sampleFirstLine(g)), sampleWidth), idsToFit(g.instanceIds, idsWidth)]);
  });
  const header = line([...HEADER.slice(0, 4), fitToWidth(HEADER[4], sampleWidth), HEADER[5]]);
  return [header, ...rows].join('\n') + '\n';
}
