// A group's sample against the reference group's sample, as a unified diff in plain line
// records (`jsdiff` computes it). The text is raw output: sanitise each line before display.
import { structuredPatch } from 'diff';

export type DiffMark = '+' | '-' | ' ' | '@';

export interface DiffLine {
  /** `+` only in the group's sample, `-` only in the reference's, ` ` in both, `@` a hunk header. */
  mark: DiffMark;
  text: string;
}

export interface SampleDiff {
  lines: DiffLine[];
  added: number;
  removed: number;
  /** The texts differ too much to align within the edit bound: shown as all removed, all added. */
  whole: boolean;
}

export interface DiffOptions {
  /** Lines of context around each change (unified diff's default, 3). */
  context?: number;
  /** Beyond this many edits, give up aligning (Myers' cost grows with edits times length). */
  maxEdits?: number;
}

/** The no-newline-at-end marker says nothing about a command's output; both texts end with one. */
function withFinalNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  lines.pop();
  return lines;
}

/** An empty range names the line before it, as GNU diff (and jsdiff's `formatPatch`) write it. */
function range(start: number, count: number): string {
  return `${count === 0 ? start - 1 : start},${count}`;
}

function wholeDiff(reference: string, sample: string): SampleDiff {
  const removed = splitLines(reference);
  const added = splitLines(sample);
  const lines: DiffLine[] = [{ mark: '@', text: `@@ -${range(1, removed.length)} +${range(1, added.length)} @@` }];
  for (const text of removed) lines.push({ mark: '-', text });
  for (const text of added) lines.push({ mark: '+', text });
  return { lines, added: added.length, removed: removed.length, whole: true };
}

/** Unified diff from the reference's sample (`-`) to this group's sample (`+`). */
export function diffSamples(reference: string, sample: string, options: DiffOptions = {}): SampleDiff {
  const a = withFinalNewline(reference);
  const b = withFinalNewline(sample);
  if (a === b) return { lines: [], added: 0, removed: 0, whole: false };
  const patch = structuredPatch('reference', 'group', a, b, undefined, undefined, {
    context: options.context ?? 3,
    maxEditLength: options.maxEdits ?? 2_000,
  });
  if (!patch) return wholeDiff(a, b);
  const lines: DiffLine[] = [];
  let added = 0;
  let removed = 0;
  for (const h of patch.hunks) {
    lines.push({ mark: '@', text: `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@` });
    for (const l of h.lines) {
      const mark = l[0];
      if (mark !== '+' && mark !== '-' && mark !== ' ') continue;
      if (mark === '+') added++;
      if (mark === '-') removed++;
      lines.push({ mark, text: l.slice(1) });
    }
  }
  return { lines, added, removed, whole: false };
}

/** The records as plain text, one line each, the mark first (readable without colour). */
export function diffText(diff: SampleDiff): string {
  return diff.lines.map((l) => (l.mark === '@' ? l.text : `${l.mark}${l.text}`)).join('\n');
}
