// `npm run media` must keep working, or the README's pictures rot silently: run the script into a
// temporary folder (SVG only, so no fonts are needed) and check each picture shows its screen.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt } from '../helpers/terminalCli.js';

const out = mkdtempSync(join(tmpdir(), 'catop-media-'));

/** The text of an SVG picture, one line per <text> element, entities decoded. */
function svgText(file: string): string {
  const svg = readFileSync(file, 'utf8');
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
    .map((m) => m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
    .join('\n');
}

let run: { code: number | null; stdout: string; stderr: string };

beforeAll(async () => {
  ensureBuilt();
  run = await new Promise((resolve) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'vite-node'), ['media/render.ts', '--out', out, '--no-png'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}, 120_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

describe('npm run media', () => {
  it('runs and lists the pictures it wrote', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const files = run.stdout.trim().split('\n');
    expect(files.sort()).toEqual(['help', 'instances', 'list', 'list-light', 'output'].map((n) => join(out, `${n}.svg`)).sort());
    for (const f of files) expect(existsSync(f)).toBe(true);
    // --no-png: no PNG written (the committed PNGs come from a run with fonts).
    expect(existsSync(join(out, 'list.png'))).toBe(false);
  });

  it('draws the list with the demo fleet and status colours', () => {
    const svg = readFileSync(join(out, 'list.svg'), 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width=')).toBe(true);
    const text = svgText(join(out, 'list.svg'));
    expect(text).toMatch(/INVOKE ID/);
    expect(text).toMatch(/print-banner/);
    expect(text).toMatch(/failing-backup/);
    expect(text).toMatch(/PartialFailed/);
    // Status colours survive: more than the default foreground is used for text.
    const fills = new Set([...svg.matchAll(/<text [^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]));
    expect(fills.size).toBeGreaterThan(3);
  });

  it('draws the list on a white window in the light palette: no yellow text', () => {
    const svg = readFileSync(join(out, 'list-light.svg'), 'utf8');
    expect(svg).toContain('fill="#fafafa"');
    expect(svgText(join(out, 'list-light.svg'))).toMatch(/PartialFailed/);
    const fills = new Set([...svg.matchAll(/<text [^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]));
    expect(fills.size).toBeGreaterThan(3);
    for (const yellow of ['#c18401', '#986801']) expect(fills.has(yellow)).toBe(false);
  });

  it('draws the instances of the failing backup with their errors', () => {
    const text = svgText(join(out, 'instances.svg'));
    expect(text).toMatch(/INSTANCE ID/);
    expect(text).toMatch(/failing-backup/);
    expect(text).toMatch(/ExitCodeNonzero/);
  });

  it('draws CJK output one glyph per two cells', () => {
    const svg = readFileSync(join(out, 'output.svg'), 'utf8');
    const text = svgText(join(out, 'output.svg'));
    expect(text).toContain('系统巡检报告 (System inspection report)');
    // The x positions of a run step by two cells for wide characters and one cell otherwise.
    const run = [...svg.matchAll(/<text x="([^"]+)"[^>]*>系统巡检报告[^<]*<\/text>/g)][0];
    const xs = run[1].split(' ').map(Number);
    const cell = xs[7] - xs[6]; // " (" are narrow
    expect(xs[1] - xs[0]).toBeCloseTo(2 * cell, 1);
  });

  it('draws the help overlay with the key table', () => {
    const text = svgText(join(out, 'help.svg'));
    expect(text).toMatch(/cycle status filter: all, active, failed, succeeded, stopped/);
    expect(text).toMatch(/quit/);
  });
});
