// `?`: every binding of the keymap table, generated from it, scrollable when the terminal is short.
// The key table is ink-table's: a static table of our own text, one cell per character, so the
// String.length it measures with is right (the live lists use our own Table, see README design notes).
import React, { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { Table as InkTable, type CellProps } from '@alcalzone/ink-table';
import { truncateToWidth } from '../../text/index.js';
import { useUiView } from '../context.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { helpRows, keyFor, keysFor } from '../keymap.js';
import { useTheme, type Theme } from '../theme.js';

export interface HelpOverlayProps {
  width: number;
  height: number;
  active: boolean;
  onClose: () => void;
  onQuit: () => void;
  /** What has the keys on the screen under it (the split's focused pane). */
  note?: string;
}

type KeyRow = { key: string; action: string; where: string };

/** Lines around the rows: title, top border, heading, rule, bottom border, footer. */
const CHROME_LINES = 6;
/** Borders and padding of a three-column ink-table: 4 rules and 2 spaces per column. */
const TABLE_CHROME = 4 + 3 * 2;

/**
 * ink-table's rows without its rule between every row (one rule under the heading instead), and
 * only the rows in view: column widths still come from every row, so they hold while scrolling.
 */
class KeyTable extends InkTable<KeyRow> {
  declare props: Readonly<{ data: KeyRow[]; top: number; count: number } & Partial<InkTable<KeyRow>['props']>>;

  override render() {
    const columns = this.getColumns();
    const shown = this.props.data.slice(this.props.top, this.props.top + this.props.count);
    return (
      <Box flexDirection="column">
        {this.header({ key: 'header', columns, data: {} })}
        {this.heading({ key: 'heading', columns, data: this.getHeadings() })}
        {this.separator({ key: 'separator', columns, data: {} })}
        {shown.map((row, i) => (
          <React.Fragment key={this.props.top + i}>{this.data({ key: `row-${this.props.top + i}`, columns, data: row })}</React.Fragment>
        ))}
        {this.footer({ key: 'footer', columns, data: {} })}
      </Box>
    );
  }
}

function tableParts(theme: Theme) {
  return {
    header: ({ children }: { children?: React.ReactNode }) => (
      <Text bold color={theme.accent}>
        {children}
      </Text>
    ),
    cell: ({ column, children }: CellProps) =>
      column === 0 ? <Text bold>{children}</Text> : <Text color={column === 2 ? theme.muted : undefined}>{children}</Text>,
    skeleton: ({ children }: { children?: React.ReactNode }) => <Text color={theme.muted}>{children}</Text>,
  };
}

/** The rows as table data, the action and where columns cut so that the table fits `width`. */
function keyRows(width: number, readOnly: boolean): KeyRow[] {
  const rows = helpRows({ readOnly });
  const keysWidth = Math.max(3, ...rows.map((r) => r.keys.length));
  const actionWidth = Math.max(6, ...rows.map((r) => r.description.length));
  const whereWidth = Math.max(5, ...rows.map((r) => r.where.length));
  const room = Math.max(16, width - TABLE_CHROME - keysWidth);
  const where = room >= actionWidth + whereWidth ? whereWidth : Math.min(whereWidth, Math.max(5, Math.floor(room * 0.35)));
  const action = room - where;
  return rows.map((r) => ({ key: r.keys, action: truncateToWidth(r.description, action), where: truncateToWidth(r.where, where) }));
}

export function HelpOverlay({ width, height, active, onClose, onQuit, note }: HelpOverlayProps) {
  const theme = useTheme();
  const { readOnly } = useUiView();
  const rows = useMemo(() => keyRows(width, readOnly), [width, readOnly]);
  const parts = useMemo(() => tableParts(theme), [theme]);
  const bodyHeight = Math.max(1, height - CHROME_LINES);
  const maxTop = Math.max(0, rows.length - bodyHeight);
  const [top, setTop] = useState(0);
  const scroll = (to: number) => setTop(() => Math.min(Math.max(0, to), maxTop));
  useKeymap(
    'help',
    (action) => {
      switch (action) {
        case 'down':
          setTop((t) => Math.min(maxTop, t + 1));
          return;
        case 'up':
          setTop((t) => Math.max(0, t - 1));
          return;
        case 'pageDown':
          setTop((t) => Math.min(maxTop, t + bodyHeight));
          return;
        case 'pageUp':
          setTop((t) => Math.max(0, t - bodyHeight));
          return;
        case 'first':
          scroll(0);
          return;
        case 'last':
          scroll(maxTop);
          return;
        case 'quit':
          onQuit();
          return true;
        default:
          onClose();
          return true;
      }
    },
    { isActive: active },
  );
  const shownTop = Math.min(top, maxTop);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate-end">
        Keys{note ? ` · ${note}` : ''}{rows.length > bodyHeight ? `  (${shownTop + 1}-${Math.min(rows.length, shownTop + bodyHeight)} of ${rows.length}, ${keyFor('down', 'help')}/${keyFor('up', 'help')} scroll)` : ''}
      </Text>
      <KeyTable key={width} data={rows} top={shownTop} count={bodyHeight} columns={['key', 'action', 'where']} {...parts} />
      <Text color={theme.muted} wrap="truncate-end">
        {`${keysFor(['back', 'help'], 'help')} closes · ${keyFor('quit', 'help')} quits`}
      </Text>
    </Box>
  );
}
