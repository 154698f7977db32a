// Our own table for live lists, with the props shape of ink-table (`data`, `columns`, `padding`)
// plus a window and a selection. @alcalzone/ink-table measures with String.length (CJK
// misaligns), never truncates and renders every row; this one renders only the rows in the
// window, measures cells in terminal columns and cuts with an ellipsis.
import React from 'react';
import { Box, Text, useIsScreenReaderEnabled } from 'ink';
import { FittedText, type Run } from './FittedText.js';
import { fitToWidth, sanitizeInline, truncateToWidth } from '../../text/index.js';
import { useTheme, type Colour } from '../theme.js';

export interface TableColumn<T> {
  key: string;
  header: string;
  /** Width in terminal cells; for a flex column, its minimum. */
  width: number;
  /** Takes a share of the width left over by the fixed columns. */
  flex?: boolean;
  align?: 'left' | 'right';
  /** Columns with a higher number are hidden first when the terminal is narrow (0: never). */
  priority?: number;
  /** The cell's text; untrusted text is fine, every cell is sanitised here. */
  cell: (row: T) => string;
  colour?: (row: T) => Colour;
}

export interface TableProps<T> {
  data: readonly T[];
  columns: readonly TableColumn<T>[];
  /** Spaces between columns. */
  padding?: number;
  width: number;
  /** Lines available, the header line included. */
  height: number;
  /** First row of the window. */
  top: number;
  selectedIndex: number;
  emptyText?: string;
}

/** Selection marker column, so the cursor reads without colour or inverse video. */
const GUTTER = 2;

export interface PlacedColumn<T> {
  column: TableColumn<T>;
  width: number;
}

/** Which columns fit in `width` and how wide each is. Pure; exported for tests. */
export function layoutColumns<T>(columns: readonly TableColumn<T>[], width: number, padding: number): PlacedColumn<T>[] {
  let shown = [...columns];
  const need = (cols: readonly TableColumn<T>[]) =>
    GUTTER + cols.reduce((sum, c) => sum + c.width, 0) + padding * Math.max(0, cols.length - 1);
  while (need(shown) > width && shown.length > 1) {
    let drop = -1;
    for (let i = 0; i < shown.length; i++) {
      const p = shown[i].priority ?? 0;
      if (p > 0 && (drop < 0 || p > (shown[drop].priority ?? 0))) drop = i;
    }
    if (drop < 0) break;
    shown = shown.filter((_, i) => i !== drop);
  }
  const spare = Math.max(0, width - need(shown));
  const flexCount = shown.filter((c) => c.flex).length;
  let given = 0;
  let flexSeen = 0;
  const placed = shown.map((column) => {
    let w = column.width;
    if (column.flex) {
      flexSeen++;
      const share = flexSeen === flexCount ? spare - given : Math.floor(spare / flexCount);
      given += share;
      w += share;
    }
    return { column, width: w };
  });
  // Still too wide (only unhideable columns left): shrink from the right, never below 1.
  let over = need(placed.map((p) => ({ ...p.column, width: p.width }))) - width;
  for (let i = placed.length - 1; i >= 0 && over > 0; i--) {
    const cut = Math.min(over, placed[i].width - 1);
    placed[i] = { ...placed[i], width: placed[i].width - cut };
    over -= cut;
  }
  return placed;
}

/** Appends `text` to the last run when it has the same colour, else starts a run. */
function addRun(runs: Run[], text: string, colour: Colour): void {
  const last = runs[runs.length - 1];
  if (last && last.colour === colour) last.text += text;
  else runs.push({ text, colour });
}

/** One row as runs of equal colour, padded to the full width so the selection bar spans it. */
function rowRuns<T>(row: T, placed: readonly PlacedColumn<T>[], gap: string, width: number, selected: boolean): Run[] {
  const runs: Run[] = [{ text: selected ? '> ' : '  ', colour: undefined }];
  let used = GUTTER;
  placed.forEach((p, c) => {
    addRun(runs, (c > 0 ? gap : '') + fitToWidth(sanitizeInline(p.column.cell(row)), p.width, p.column.align), p.column.colour?.(row));
    used += p.width + (c > 0 ? gap.length : 0);
  });
  if (width > used) runs[runs.length - 1].text += ' '.repeat(width - used);
  return runs;
}

/**
 * One column's cells in the window, a line each, as runs of equal colour. A left-aligned cell
 * is not padded: the blank after it is the screen's own, and Ink's cost grows with every
 * character it is given to draw.
 */
function columnRuns<T>(rows: readonly T[], p: PlacedColumn<T>): Run[] {
  const runs: Run[] = [];
  rows.forEach((row, i) => {
    const cell = sanitizeInline(p.column.cell(row));
    const text = p.column.align === 'right' ? fitToWidth(cell, p.width, 'right') : truncateToWidth(cell, p.width);
    addRun(runs, (i > 0 ? '\n' : '') + text, p.column.colour?.(row));
  });
  return runs;
}

export function Table<T>({
  data,
  columns,
  padding = 1,
  width,
  height,
  top,
  selectedIndex,
  emptyText = 'nothing to show',
}: TableProps<T>): React.ReactElement {
  const theme = useTheme();
  const screenReader = useIsScreenReaderEnabled();
  const placed = layoutColumns(columns, width, padding);
  const gap = ' '.repeat(padding);
  const headerText = placed.map((p) => fitToWidth(p.column.header, p.width, p.column.align)).join(gap);
  const bodyHeight = Math.max(0, height - 1);
  const visible = data.slice(top, top + bodyHeight);
  const selectedRow = selectedIndex - top;
  const fits = placed.reduce((sum, p) => sum + p.width, GUTTER + padding * (placed.length - 1)) <= width;
  // A screen reader reads the text nodes in order: a row at a time, not a column.
  const byColumn = fits && !screenReader;

  // The window is drawn a column at a time (a text node of one line per row: a few nodes, and
  // the cells a column repeats are styled once a frame), and the selected row over it in full.
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold wrap="truncate-end">
        {fitToWidth(' '.repeat(GUTTER) + headerText, width)}
      </Text>
      {visible.length === 0 ? (
        <Text color={theme.muted} wrap="truncate-end">
          {'  ' + emptyText}
        </Text>
      ) : byColumn ? (
        <Box flexDirection="column" height={visible.length}>
          <Box paddingLeft={GUTTER} columnGap={padding}>
            {placed.map((p) => (
              <Box key={p.column.key} width={p.width} flexShrink={0}>
                <FittedText runs={columnRuns(visible, p)} box={p.width} />
              </Box>
            ))}
          </Box>
          {selectedRow >= 0 && selectedRow < visible.length ? (
            <Box position="absolute" marginTop={selectedRow}>
              <FittedText runs={rowRuns(visible[selectedRow], placed, gap, width, true)} selected box={width} />
            </Box>
          ) : null}
        </Box>
      ) : (
        // A row a line (cut at the edge when narrower than its columns at their least).
        visible.map((row, i) => (
          <FittedText key={top + i} runs={rowRuns(row, placed, gap, width, i === selectedRow)} selected={i === selectedRow} />
        ))
      )}
    </Box>
  );
}
