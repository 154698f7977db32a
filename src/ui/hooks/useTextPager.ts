// Scrolling, follow, wrap, raw view and search over untrusted text (command output, command
// content). The text goes through toDisplayLines here, so only safe lines reach the Pager. Lines
// are kept whole (the Pager draws only what fits), so search finds text at any column.
import { useMemo, useState } from 'react';
import { displayWidth, toDisplayLines, wrapToWidth, type DisplayLine } from '../../text/index.js';
import type { ActionId } from '../keymap.js';
import type { PagerLine } from '../widgets/Pager.js';

export interface TextPagerView {
  top: number;
  follow: boolean;
  wrap: boolean;
  raw: boolean;
  lineNumbers: boolean;
  query: string;
  /** Index into `matches` of the current match, -1 when none. */
  match: number;
  /** A new source text: show its first match as soon as it has one (until a key moves). */
  seek?: boolean;
}

export interface TextPager extends TextPagerView {
  lines: readonly DisplayLine[];
  rows: readonly PagerLine[];
  /** Rows of text, without the end note. */
  textRows: number;
  /** Source lines that contain the query. */
  matches: readonly number[];
  maxTop: number;
  setQuery(query: string): void;
  /** Handles a pager key; returns false when the action is not a pager action. */
  handle(action: ActionId): boolean;
}

/** Visual rows of display lines at `width`; one row per line when not wrapping. Pure. */
export function layoutRows(lines: readonly DisplayLine[], width: number, wrap: boolean): PagerLine[] {
  const rows: PagerLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!wrap || line.width <= width) {
      rows.push({ text: line.text, source: i, first: true, overwritten: line.overwritten });
      continue;
    }
    const parts = wrapToWidth(line.text, width);
    parts.forEach((text, k) => rows.push({ text, source: i, first: k === 0, overwritten: line.overwritten }));
  }
  return rows;
}

/**
 * Where the first occurrence of `needle` (lower case) in `source` is drawn: its row, and with
 * `window` the row's text starting shortly before it when the match lies past `width` cells of an
 * unwrapped line. Linear in the line.
 */
export function locateMatch(
  rows: readonly PagerLine[],
  first: number,
  line: DisplayLine,
  needle: string,
  width: number,
  wrap: boolean,
): { row: number; window?: string } {
  const at = line.text.toLowerCase().indexOf(needle);
  if (at < 0) return { row: first };
  if (!wrap) {
    if (displayWidth(line.text.slice(0, at + needle.length)) <= width) return { row: first };
    let from = Math.max(0, at - Math.floor(width / 3));
    const c = line.text.charCodeAt(from);
    if (c >= 0xdc00 && c <= 0xdfff) from--; // not half a surrogate pair
    return { row: first, window: '…' + line.text.slice(from) };
  }
  // Wrapped rows are pieces of the line in order (spaces at breaks dropped): find each in turn.
  let pos = 0;
  for (let r = first; r < rows.length && rows[r].source === rows[first].source && !rows[r].note; r++) {
    const found = line.text.indexOf(rows[r].text, pos);
    const start = found < 0 ? pos : found;
    const end = start + rows[r].text.length;
    if (at < end) return { row: r };
    pos = end;
  }
  return { row: first };
}

/** The first row of a source line: rows are in source order, so a binary search. */
function firstRowOf(rows: readonly PagerLine[], source: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].source < source) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo);
}

export function findMatches(lines: readonly DisplayLine[], query: string): number[] {
  if (!query) return [];
  const needle = query.toLowerCase();
  const found: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i].text.toLowerCase().includes(needle)) found.push(i);
  return found;
}

export function useTextPager(
  text: string | undefined,
  width: number,
  height: number,
  options: { follow?: boolean; lineNumbers?: boolean; endNote?: string; source?: string } = {},
): TextPager {
  const endNote = options.endNote ?? '';
  const [stored, setView] = useState<TextPagerView>({
    top: 0,
    follow: options.follow ?? false,
    wrap: false,
    raw: false,
    lineNumbers: options.lineNumbers ?? false,
    query: '',
    match: -1,
  });
  // Another text in the same pager (the split's pane follows the cursor; J/K on the output
  // screen): back to its start, or its end when following, and to its first match once it has
  // one; follow, wrap, raw, numbers and the search stay.
  const [source, setSource] = useState(options.source);
  if (source !== options.source) {
    setSource(options.source);
    setView((v) => ({ ...v, top: 0, match: -1, seek: true }));
  }
  const lines = useMemo(
    () => toDisplayLines(text ?? '', { raw: stored.raw, markOverwritten: false, maxLineLength: Infinity }),
    [text, stored.raw],
  );
  // Line numbers take a column of their own (digits and a space) from the text.
  const textWidth = Math.max(1, width - (stored.lineNumbers ? String(lines.length).length + 1 : 0));
  const laidOut = useMemo(() => {
    const r = layoutRows(lines, textWidth, stored.wrap);
    // After the last line, as part of it (no number of its own): where the text ends or was cut.
    if (endNote) r.push({ text: endNote, source: Math.max(0, lines.length - 1), first: false, overwritten: false, note: true });
    return r;
  }, [lines, textWidth, stored.wrap, endNote]);
  const textRows = laidOut.length - (endNote ? 1 : 0);
  const matches = useMemo(() => findMatches(lines, stored.query), [lines, stored.query]);
  const pageRows = Math.max(1, height);
  const maxTop = Math.max(0, laidOut.length - pageRows);
  const rowOfSource = (line: number) => firstRowOf(laidOut, line);
  const rowOfMatch = (line: number, query: string) =>
    locateMatch(laidOut, rowOfSource(line), lines[line], query.toLowerCase(), textWidth, stored.wrap).row;
  const showMatch = (v: TextPagerView, k: number): TextPagerView => {
    if (matches.length === 0) return { ...v, match: -1 };
    const index = ((k % matches.length) + matches.length) % matches.length;
    const row = rowOfMatch(matches[index], v.query);
    return { ...v, match: index, follow: false, top: Math.min(maxTop, Math.max(0, row - 2)) };
  };
  // A new text waits on its first match (it may still be loading); the first key settles it.
  const settle = (v: TextPagerView): TextPagerView => {
    if (!v.seek) return v;
    const { seek: _seek, ...rest } = v;
    return v.query && matches.length > 0 ? showMatch(rest, 0) : rest;
  };
  const view = settle(stored);
  const top = view.follow ? maxTop : Math.min(view.top, maxTop);
  const needle = view.query.toLowerCase();
  const scrollTo = (v: TextPagerView, to: number): TextPagerView => ({
    ...v,
    follow: false,
    top: Math.min(maxTop, Math.max(0, to)),
  });
  const cur = (v: TextPagerView) => (v.follow ? maxTop : Math.min(v.top, maxTop));

  const update = (next: (v: TextPagerView) => TextPagerView) => setView((v) => next(settle(v)));
  const handle = (action: ActionId): boolean => {
    switch (action) {
      case 'down':
        update((v) => scrollTo(v, cur(v) + 1));
        return true;
      case 'up':
        update((v) => scrollTo(v, cur(v) - 1));
        return true;
      case 'pageDown':
        update((v) => scrollTo(v, cur(v) + Math.max(1, pageRows - 1)));
        return true;
      case 'pageUp':
        update((v) => scrollTo(v, cur(v) - Math.max(1, pageRows - 1)));
        return true;
      case 'first':
        update((v) => scrollTo(v, 0));
        return true;
      case 'last':
        // To the end; following stays as it was (only f turns it on or off).
        update((v) => ({ ...v, top: maxTop }));
        return true;
      case 'follow':
        update((v) => ({ ...v, follow: !v.follow, top: cur(v) }));
        return true;
      case 'wrap':
        update((v) => ({ ...v, wrap: !v.wrap }));
        return true;
      case 'raw':
        update((v) => ({ ...v, raw: !v.raw }));
        return true;
      case 'lineNumbers':
        update((v) => ({ ...v, lineNumbers: !v.lineNumbers }));
        return true;
      case 'nextMatch':
        update((v) => showMatch(v, v.match + 1));
        return true;
      case 'prevMatch':
        update((v) => showMatch(v, v.match < 0 ? -1 : v.match - 1));
        return true;
      default:
        return false;
    }
  };

  const setQuery = (query: string) => {
    const found = findMatches(lines, query);
    update((v) => {
      const next = { ...v, query };
      if (found.length === 0) return { ...next, match: -1 };
      // Jump to the first match at or below the current position.
      const here = lines.length ? (laidOut[cur(v)]?.source ?? 0) : 0;
      const k = found.findIndex((s) => s >= here);
      const index = k < 0 ? 0 : k;
      const row = rowOfMatch(found[index], query);
      return { ...next, match: index, follow: false, top: Math.min(maxTop, Math.max(0, row - 2)) };
    });
  };

  // The current match on an unwrapped line wider than the view: show the part around it.
  const currentSource = view.match >= 0 ? matches[view.match] : undefined;
  const rows = useMemo(() => {
    if (currentSource === undefined || view.wrap || !needle) return laidOut;
    const first = firstRowOf(laidOut, currentSource);
    const { window } = locateMatch(laidOut, first, lines[currentSource], needle, textWidth, false);
    if (window === undefined) return laidOut;
    const copy = laidOut.slice();
    copy[first] = { ...copy[first], text: window };
    return copy;
  }, [laidOut, lines, currentSource, needle, textWidth, view.wrap]);

  return { ...view, top, lines, rows, textRows, matches, maxTop, setQuery, handle };
}
