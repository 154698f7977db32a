// Our own table for live lists, with the props shape of ink-table (`data`, `columns`, `padding`)
// plus a window and a selection. @alcalzone/ink-table measures with String.length (CJK
// misaligns), never truncates and renders every row; this one renders only the rows in the
// window, measures cells in terminal columns and cuts with an ellipsis.
import React from 'react';
import { Box, Text } from 'ink';
import { fitToWidth, sanitizeInline } from '../../text/index.js';
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

interface Segment {
  text: string;
  colour: Colour;
}

/**
 * One row as runs of equal colour: Ink's cost grows with text nodes, so cells that share a
 * colour (most of them: none) go out as one string.
 */
function rowSegments<T>(row: T, placed: readonly PlacedColumn<T>[], gap: string, width: number, selected: boolean): Segment[] {
  const segments: Segment[] = [{ text: selected ? '> ' : '  ', colour: undefined }];
  let used = GUTTER;
  placed.forEach((p, c) => {
    const text = (c > 0 ? gap : '') + fitToWidth(sanitizeInline(p.column.cell(row)), p.width, p.column.align);
    used += p.width + (c > 0 ? gap.length : 0);
    const colour = p.column.colour?.(row);
    const last = segments[segments.length - 1];
    if (last.colour === colour) last.text += text;
    else segments.push({ text, colour });
  });
  // Pad to the full width so the selection bar spans the row.
  if (width > used) segments[segments.length - 1].text += ' '.repeat(width - used);
  return segments;
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
  const placed = layoutColumns(columns, width, padding);
  const gap = ' '.repeat(padding);
  const headerText = placed.map((p) => fitToWidth(p.column.header, p.width, p.column.align)).join(gap);
  const bodyHeight = Math.max(0, height - 1);
  const visible = data.slice(top, top + bodyHeight);

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold wrap="truncate-end">
        {fitToWidth(' '.repeat(GUTTER) + headerText, width)}
      </Text>
      {visible.length === 0 ? (
        <Text color={theme.muted} wrap="truncate-end">
          {'  ' + emptyText}
        </Text>
      ) : (
        visible.map((row, i) => {
          const index = top + i;
          const selected = index === selectedIndex;
          return (
            <Text
              key={index}
              inverse={selected && theme.selection.inverse}
              color={selected ? theme.selection.text : undefined}
              backgroundColor={selected ? theme.selection.background : undefined}
              bold={selected}
              wrap="truncate-end"
            >
              {rowSegments(row, placed, gap, width, selected).map((seg, k) => (
                <Text key={k} color={selected ? undefined : seg.colour}>
                  {seg.text}
                </Text>
              ))}
            </Text>
          );
        })
      )}
    </Box>
  );
}
