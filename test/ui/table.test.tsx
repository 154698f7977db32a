import React from 'react';
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { displayWidth } from '../../src/text/index.js';
import { Table, type TableColumn } from '../../src/ui/widgets/Table.js';

interface Row {
  id: string;
  name: string;
  status: string;
}

const columns: TableColumn<Row>[] = [
  { key: 'id', header: 'ID', width: 6, cell: (r) => r.id },
  { key: 'name', header: 'NAME', width: 10, flex: true, cell: (r) => r.name },
  { key: 'status', header: 'STATUS', width: 8, cell: (r) => r.status },
];

const rows: Row[] = [
  { id: 'a', name: 'plain-ascii', status: 'Success' },
  { id: 'b', name: '部署网站服务器', status: 'Failed' },
  { id: 'c', name: 'emoji 🚀🔥 deploy', status: 'Running' },
  { id: 'd', name: '非常长的命令名称会被截断并显示省略号', status: 'Pending' },
  { id: 'e', name: 'evil\u001b]0;title\u0007name', status: 'Stopped' },
];

describe('Table', () => {
  it('aligns columns by terminal cells for CJK and emoji, cuts with an ellipsis, and renders only the window', () => {
    const ui = render(<Table data={rows} columns={columns} width={40} height={4} top={1} selectedIndex={2} />);
    const lines = (ui.lastFrame() ?? '').split('\n');
    expect(lines).toHaveLength(4); // header + 3 rows of the window
    expect(lines.some((l) => l.includes('plain-ascii'))).toBe(false); // above the window
    expect(lines.some((l) => l.includes('evil'))).toBe(false); // below it
    const statusAt = (line: string, word: string) => displayWidth(line.slice(0, line.indexOf(word)));
    expect(statusAt(lines[1], 'Failed')).toBe(statusAt(lines[0], 'STATUS'));
    expect(statusAt(lines[2], 'Running')).toBe(statusAt(lines[0], 'STATUS'));
    expect(statusAt(lines[3], 'Pending')).toBe(statusAt(lines[0], 'STATUS'));
    expect(lines[3]).toContain('…');
    expect(lines[2].startsWith('> ')).toBe(true);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    ui.unmount();
  });

  it('sanitises every cell', () => {
    const ui = render(<Table data={rows} columns={columns} width={60} height={6} top={0} selectedIndex={0} />);
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain('evil');
    expect(frame).not.toMatch(/\u0007|\u001b\]/);
    ui.unmount();
  });
});
