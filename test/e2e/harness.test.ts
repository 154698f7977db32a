// The terminal harness itself, against tiny node scripts: if these fail, the CLI scenarios cannot be trusted.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyBytes, spawnTerminal, type SpawnOptions, type TerminalSession } from '../helpers/terminal.js';

const sessions: TerminalSession[] = [];

function node(script: string, opts: SpawnOptions = {}): TerminalSession {
  const s = spawnTerminal(process.execPath, ['-e', script], { cols: 40, rows: 10, ...opts });
  sessions.push(s);
  return s;
}

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
});

// A program that reads raw keys and reports each chunk it receives as hex, one line per chunk.
const ECHO_KEYS = `
process.stdin.setRawMode(true);
process.stdout.write('ready\\r\\n');
process.stdin.on('data', (d) => {
  const hex = d.toString('hex');
  process.stdout.write('got ' + hex + '\\r\\n');
  if (hex === '71') process.exit(0);
});`;

describe('terminal harness', () => {
  it('shows text on the grid, wide characters taking two cells', async () => {
    const s = node(`process.stdout.write('hello 中文 end\\r\\nsecond line'); setTimeout(() => {}, 60000)`);
    await s.waitForText('second line');
    expect(s.screenText()[0]).toBe('hello 中文 end');
    expect(s.screenText()[1]).toBe('second line');
    // h-e-l-l-o-space = 6 cells, 中 and 文 two each: "end" starts at cell 11.
    expect(s.cell(6, 0)?.getChars()).toBe('中');
    expect(s.cell(6, 0)?.getWidth()).toBe(2);
    expect(s.cell(11, 0)?.getChars()).toBe('e');
  });

  it('tracks the alternate screen and cursor visibility, and the exit code', async () => {
    const s = node(`
      process.stdin.setRawMode(true);
      process.stdout.write('on the main screen\\r\\n\\u001b[?1049h\\u001b[?25lin alt');
      process.stdin.on('data', () => { process.stdout.write('\\u001b[?1049l\\u001b[?25h'); process.exit(3); });`);
    await s.waitForText('in alt');
    expect(s.altScreen).toBe(true);
    expect(s.cursorVisible).toBe(false);
    expect(s.screen()).not.toContain('on the main screen');
    s.press('q');
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(3);
    expect(s.altScreen).toBe(false);
    expect(s.cursorVisible).toBe(true);
    expect(s.screen()).toContain('on the main screen');
  });

  it('sends named keys one at a time and raw writes in one chunk', async () => {
    const s = node(ECHO_KEYS);
    await s.waitForText('ready');
    for (const [key, hex] of [['down', '1b5b42'], ['enter', '0d'], ['ctrl-c', '03'], ['pgdn', '1b5b367e']]) {
      s.press(key);
      await s.waitForText(`got ${hex}`);
    }
    s.write('jjj');
    await s.waitForText('got 6a6a6a');
    s.press('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });

  it('maps key names to the bytes a terminal sends', () => {
    expect(keyBytes('esc')).toBe('\u001b');
    expect(keyBytes('ctrl-b')).toBe('\u0002');
    expect(keyBytes('G')).toBe('G');
    expect(keyBytes('/')).toBe('/');
    expect(() => keyBytes('hyper-x')).toThrow(/unknown key/);
  });

  it('resizes the pseudo-terminal and the grid together', async () => {
    const s = node(`
      const show = () => process.stdout.write('size ' + process.stdout.columns + 'x' + process.stdout.rows + '\\r\\n');
      show(); process.stdout.on('resize', show); setTimeout(() => {}, 60000);`);
    await s.waitForText('size 40x10');
    s.resize(70, 12);
    await s.waitForText('size 70x12');
    expect(s.cols).toBe(70);
    expect(s.rows).toBe(12);
  });

  it('records title, clipboard and hyperlink sequences and cursor moves', async () => {
    const s = node(`process.stdout.write('\\u001b]0;a title\\u0007\\u001b]52;c;aGk=\\u0007\\u001b]8;;https://x.example/\\u001b\\\\link\\u001b]8;;\\u001b\\\\\\u001b[3;5H\\u001b7\\u001b[s done'); setTimeout(() => {}, 60000)`);
    await s.waitForText('done');
    expect(s.effects.titles).toEqual(['a title']);
    expect(s.effects.osc.map((o) => o.id)).toEqual([0, 52, 8, 8]);
    expect(s.effects.osc[1].data).toBe('c;aGk=');
    expect(s.effects.csi.filter((c) => c.seq === 'H')).toEqual([expect.objectContaining({ params: [3, 5] })]);
    expect(s.effects.csi.some((c) => c.seq === 's')).toBe(true);
    expect(s.effects.esc.map((e) => e.final)).toContain('7');
    expect(s.screenText()[0]).toBe('link');
    expect(s.screenText()[2]).toBe('     done');
  });

  it('rejects a wait with the screen when the process exits first, and when the session closes', async () => {
    const quick = node(`process.stdout.write('bye'); process.exit(0)`);
    await expect(quick.waitForText('never shown')).rejects.toThrow(/process exited[\s\S]*bye/);

    const s = node(`process.stdout.write('visible text'); setTimeout(() => process.exit(0), 60000)`);
    await s.waitForText('visible text');
    const pending = s.waitForText('never shown');
    await s.close();
    // Closing ends the child: the wait ends with the screen, which stays readable after.
    await expect(pending).rejects.toThrow(/waiting for screen to show never shown[\s\S]*visible text/);
    expect(s.dump()).toContain('visible text');
  });

  it('does not match a synchronized frame until it is complete', async () => {
    const s = node(`
      process.stdin.setRawMode(true);
      process.stdout.write('\u001b[?2026hhalf a frame');
      process.stdin.on('data', () => process.stdout.write(' and the rest\u001b[?2026l'));`);
    let shown = false;
    const whole = s.waitForText('half a frame').then(() => (shown = true));
    // It has arrived and been parsed: the wait on the screen is held back, not early.
    await s.waitForRaw('half a frame');
    expect(shown).toBe(false);
    s.press('x');
    await whole;
    await s.waitForText('half a frame and the rest');
    // One frame, counted from its opening to its closing sequence.
    expect(s.frameBytes()).toEqual([Buffer.byteLength('\u001b[?2026hhalf a frame and the rest\u001b[?2026l')]);
  });

  it('ends a process by signal and reports the signal', async () => {
    const s = node(`process.stdout.write('running'); setTimeout(() => {}, 60000)`);
    await s.waitForText('running');
    s.kill('SIGTERM');
    const exit = await s.waitForExit();
    expect(exit.signal).toBe(15);
  });

  it('counts the bytes written and saves them where CATOP_E2E_BYTES says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catop-bytes-'));
    const file = join(dir, 'bytes.jsonl');
    const before = process.env.CATOP_E2E_BYTES;
    process.env.CATOP_E2E_BYTES = file;
    try {
      const s = node(`process.stdout.write('x'.repeat(100) + '中'); process.exit(0)`, { label: 'bytes check' });
      await s.waitForExit();
      expect(s.bytesWritten).toBe(103);
      await s.close();
      const line = JSON.parse(readFileSync(file, 'utf8').trim());
      expect(line).toMatchObject({ label: 'bytes check', cols: 40, rows: 10, total: 103 });
      expect(line.chunks.reduce((a: number, b: number) => a + b, 0)).toBe(103);
      expect(line.frames).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.CATOP_E2E_BYTES;
      else process.env.CATOP_E2E_BYTES = before;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the child no CI variables, so Ink draws live frames', async () => {
    const before = process.env.CI;
    process.env.CI = 'true';
    try {
      const s = node(`process.stdout.write('ci=' + (process.env.CI ?? 'unset') + ' term=' + process.env.TERM); setTimeout(() => {}, 60000)`);
      await s.waitForText('ci=unset term=xterm-256color');
    } finally {
      if (before === undefined) delete process.env.CI;
      else process.env.CI = before;
    }
  });
});
