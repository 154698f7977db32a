// What an output pager's title says: the window (`lines 1-30 of 500`), growing or complete,
// follow, wrap, raw and the search. The output screen and the split's output pane write it alike.
import { formatCount } from '../format.js';
import { keyFor } from '../keymap.js';
import type { TextPager } from '../hooks/useTextPager.js';

export function outputNote(pager: TextPager, height: number, state: { growing: boolean; fetched: boolean }): string[] {
  const flags: string[] = [];
  if (state.growing) flags.push(pager.follow ? 'still growing · following' : `still growing (${keyFor('follow', 'output')} follows)`);
  else if (state.fetched) flags.push('complete');
  if (pager.wrap) flags.push('wrap');
  if (pager.raw) flags.push('raw');
  if (pager.query) {
    flags.push(pager.matches.length ? `"${pager.query}" ${pager.match + 1}/${pager.matches.length} (n/N)` : `"${pager.query}" not found`);
  }
  // Wrapped, the window counts screen rows, and says so; else rows are lines.
  const unit = pager.wrap && pager.textRows !== pager.lines.length ? 'rows' : 'lines';
  const position = pager.textRows
    ? `${unit} ${Math.min(pager.textRows, pager.top + 1)}-${Math.min(pager.textRows, pager.top + height)} of ${formatCount(pager.textRows)}`
    : '';
  return [position, ...flags].filter(Boolean);
}
