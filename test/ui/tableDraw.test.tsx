// The table draws its window a column at a time with the selected row over it: the screen must
// be cell for cell what drawing each row as one line of text draws, colours and the selection
// bar included. Colour support is forced for this file (before Ink and chalk load).
import React from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render } from 'ink-testing-library';
import { EventEmitter } from 'node:events';
import { Box, Text, render as inkRender } from 'ink';
import { styledCharsFromTokens, tokenize } from '@alcalzone/ansi-tokenize';
import { displayWidth, fitToWidth, sanitizeInline } from '../../src/text/index.js';
import { Table, layoutColumns, type TableColumn } from '../../src/ui/widgets/Table.js';
import { ThemeContext, createTheme, type Theme } from '../../src/ui/theme.js';

vi.hoisted(() => {
  process.env['FORCE_COLOR'] = '3';
});

interface Row {
  id: string;
  name: string;
  status: string;
  n: number;
}

const columns: TableColumn<Row>[] = [
  { key: 'id', header: 'ID', width: 6, cell: (r) => r.id },
  { key: 'name', header: 'NAME', width: 10, flex: true, priority: 1, cell: (r) => r.name },
  { key: 'status', header: 'STATUS', width: 8, cell: (r) => r.status, colour: (r) => (r.status === 'Failed' ? 'red' : undefined) },
  { key: 'n', header: 'N', width: 4, align: 'right', cell: (r) => String(r.n), colour: (r) => (r.n > 2 ? 'magenta' : undefined) },
  { key: 'mark', header: '', width: 1, cell: (r) => (r.n % 2 ? '*' : '') },
];

const rows: Row[] = [
  { id: 'a', name: 'plain-ascii', status: 'Success', n: 1 },
  { id: 'b', name: '部署网站服务器', status: 'Failed', n: 2 },
  { id: 'c', name: 'emoji 🚀🔥 deploy', status: 'Running', n: 3 },
  { id: 'd', name: '非常长的命令名称会被截断并显示省略号', status: 'Failed', n: 44444 },
  { id: 'e', name: 'evil\u001b]0;title\u0007name', status: 'Stopped', n: 5 },
  { id: 'f', name: 'e\u0301 combining café', status: 'Failed', n: 6 },
  { id: 'g', name: '', status: '', n: 7 },
];

/** Each row as one line of text: the cells fitted and joined, a marker, the bar to the full width. */
function RowPerLine({ width, height, top, selectedIndex, padding, theme }: { width: number; height: number; top: number; selectedIndex: number; padding: number; theme: Theme }) {
  const placed = layoutColumns(columns, width, padding);
  const gap = ' '.repeat(padding);
  const header = fitToWidth('  ' + placed.map((p) => fitToWidth(p.column.header, p.width, p.column.align)).join(gap), width);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold wrap="truncate-end">
        {header}
      </Text>
      {rows.slice(top, top + height - 1).map((row, i) => {
        const selected = top + i === selectedIndex;
        const cells = placed.map((p, c) => ({
          text: (c > 0 ? gap : '') + fitToWidth(sanitizeInline(p.column.cell(row)), p.width, p.column.align),
          colour: p.column.colour?.(row),
        }));
        const used = cells.reduce((sum, c) => sum + displayWidth(c.text), 0);
        return (
          <Text
            key={i}
            wrap="truncate-end"
            inverse={selected && theme.selection.inverse}
            color={selected ? theme.selection.text : undefined}
            backgroundColor={selected ? theme.selection.background : undefined}
            bold={selected}
          >
            {selected ? '> ' : '  '}
            {cells.map((c, k) => (
              <Text key={k} color={selected ? undefined : c.colour}>
                {c.text}
              </Text>
            ))}
            {selected && width > used + 2 ? ' '.repeat(width - used - 2) : ''}
          </Text>
        );
      })}
    </Box>
  );
}

/** The screen as cells: each character with its styles (a colour or bold on a blank shows nothing). */
function cells(frame: string): string[] {
  return frame.split('\n').map((line) =>
    styledCharsFromTokens(tokenize(line))
      .map((c) => {
        const styles = c.styles
          .map((s) => s.code)
          .filter((code) => c.value !== ' ' || !/^\u001b\[(3\d|9\d|1|2|22)m$/.test(code))
          .sort();
        return c.value + (styles.length ? `{${styles.join('')}}` : '');
      })
      .join('')
      .replace(/ +$/, ''),
  );
}

describe('Table drawing', () => {
  it('draws cell for cell what a line per row draws, at every width, window and selection, with colour on and off', () => {
    let compared = 0;
    for (const colour of [true, false]) {
      const theme = createTheme(colour);
      for (const width of [5, 12, 23, 40, 61])
        for (const padding of [1, 2])
          for (const [top, selectedIndex] of [[0, -1], [0, 0], [0, 2], [2, 3], [3, 6]]) {
            const props = { width, height: 5, top, selectedIndex, padding };
            const table = render(
              <ThemeContext.Provider value={theme}>
                <Table data={rows} columns={columns} {...props} />
              </ThemeContext.Provider>,
            );
            const reference = render(
              <ThemeContext.Provider value={theme}>
                <RowPerLine {...props} theme={theme} />
              </ThemeContext.Provider>,
            );
            const drawn = table.lastFrame() ?? '';
            if (colour) expect(drawn).toMatch(/\u001b\[/);
            expect(cells(drawn), JSON.stringify({ colour, ...props })).toEqual(cells(reference.lastFrame() ?? ''));
            table.unmount();
            reference.unmount();
            compared++;
          }
    }
    expect(compared).toBe(100);
  });
});

describe('Table with a screen reader', () => {
  it('reads a row at a time, each row its cells in order', () => {
    const stdout = Object.assign(new EventEmitter(), { columns: 100, rows: 30, frames: [] as string[], write: (f: string) => stdout.frames.push(f) });
    const ink = inkRender(<Table data={rows} columns={columns} width={61} height={5} top={0} selectedIndex={1} />, {
      stdout: stdout as unknown as NodeJS.WriteStream,
      isScreenReaderEnabled: true,
      patchConsole: false,
      exitOnCtrlC: false,
    });
    const read = stdout.frames.join('').replace(/\u001b\[[\d;?]*[A-Za-z]/g, '');
    ink.unmount();
    const lines = read.split('\n').map((l) => l.trim().replace(/ +/g, ' '));
    expect(lines).toContain('a plain-ascii Success 1 *');
    expect(lines).toContain('> b 部署网站服务器 Failed 2');
    expect(lines).toContain('c emoji 🚀🔥 deploy Running 3 *');
  });
});
