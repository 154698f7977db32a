// Scrolling, follow, wrap, raw view and search over untrusted text (command output, command
// content). The text goes through toDisplayLines here, so only safe lines reach the Pager.
import { useMemo, useState } from 'react';
import { toDisplayLines, wrapToWidth, type DisplayLine } from '../../text/index.js';
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
}

export interface TextPager extends TextPagerView {
  lines: readonly DisplayLine[];
  rows: readonly PagerLine[];
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
  options: { follow?: boolean; lineNumbers?: boolean } = {},
): TextPager {
  const [view, setView] = useState<TextPagerView>({
    top: 0,
    follow: options.follow ?? false,
    wrap: false,
    raw: false,
    lineNumbers: options.lineNumbers ?? false,
    query: '',
    match: -1,
  });
  const lines = useMemo(() => toDisplayLines(text ?? '', { raw: view.raw }), [text, view.raw]);
  // Line numbers take a column of their own (digits and a space) from the text.
  const textWidth = Math.max(1, width - (view.lineNumbers ? String(lines.length).length + 1 : 0));
  const rows = useMemo(() => layoutRows(lines, textWidth, view.wrap), [lines, textWidth, view.wrap]);
  const matches = useMemo(() => findMatches(lines, view.query), [lines, view.query]);
  const pageRows = Math.max(1, height);
  const maxTop = Math.max(0, rows.length - pageRows);
  const top = view.follow ? maxTop : Math.min(view.top, maxTop);

  const rowOfSource = (source: number) => {
    // Rows are in source order: binary search for the first row of this source line.
    let lo = 0;
    let hi = rows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid].source < source) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const showMatch = (v: TextPagerView, k: number): TextPagerView => {
    if (matches.length === 0) return { ...v, match: -1 };
    const index = ((k % matches.length) + matches.length) % matches.length;
    const row = rowOfSource(matches[index]);
    return { ...v, match: index, follow: false, top: Math.min(maxTop, Math.max(0, row - 2)) };
  };
  const scrollTo = (v: TextPagerView, to: number): TextPagerView => ({
    ...v,
    follow: false,
    top: Math.min(maxTop, Math.max(0, to)),
  });
  const cur = (v: TextPagerView) => (v.follow ? maxTop : Math.min(v.top, maxTop));

  const handle = (action: ActionId): boolean => {
    switch (action) {
      case 'down':
        setView((v) => scrollTo(v, cur(v) + 1));
        return true;
      case 'up':
        setView((v) => scrollTo(v, cur(v) - 1));
        return true;
      case 'pageDown':
        setView((v) => scrollTo(v, cur(v) + Math.max(1, pageRows - 1)));
        return true;
      case 'pageUp':
        setView((v) => scrollTo(v, cur(v) - Math.max(1, pageRows - 1)));
        return true;
      case 'first':
        setView((v) => scrollTo(v, 0));
        return true;
      case 'last':
        setView((v) => scrollTo(v, maxTop));
        return true;
      case 'follow':
        setView((v) => ({ ...v, follow: !v.follow, top: cur(v) }));
        return true;
      case 'wrap':
        setView((v) => ({ ...v, wrap: !v.wrap }));
        return true;
      case 'raw':
        setView((v) => ({ ...v, raw: !v.raw }));
        return true;
      case 'lineNumbers':
        setView((v) => ({ ...v, lineNumbers: !v.lineNumbers }));
        return true;
      case 'nextMatch':
        setView((v) => showMatch(v, v.match + 1));
        return true;
      case 'prevMatch':
        setView((v) => showMatch(v, v.match < 0 ? -1 : v.match - 1));
        return true;
      default:
        return false;
    }
  };

  const setQuery = (query: string) => {
    const found = findMatches(lines, query);
    setView((v) => {
      const next = { ...v, query };
      if (found.length === 0) return { ...next, match: -1 };
      // Jump to the first match at or below the current position.
      const here = lines.length ? (rows[cur(v)]?.source ?? 0) : 0;
      const k = found.findIndex((s) => s >= here);
      const index = k < 0 ? 0 : k;
      const row = rowOfSource(found[index]);
      return { ...next, match: index, follow: false, top: Math.min(maxTop, Math.max(0, row - 2)) };
    });
  };

  return { ...view, top, lines, rows, matches, maxTop, setQuery, handle };
}
