// The package as a user gets it: `npm pack`, then a global install of the tarball into an empty
// prefix, then the installed `catop` run from there (outside this checkout, so nothing resolves
// from our node_modules). What it needs at run time has to be in the package or its dependencies.
import { execFile, spawn } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, childEnv, ensureBuilt } from './helpers/cli.js';

const run = promisify(execFile);
const KB = 1000;
const MB = 1000 * 1000;

let dir: string;
let prefix: string;
let packed: { filename: string; size: number; unpackedSize: number; files: { path: string }[] };
let installedBin: string;

/** Bytes on disk under `path`, as `du` counts them (blocks, symlinks not followed). */
function diskUsage(path: string): number {
  const st = lstatSync(path);
  let total = st.blocks * 512;
  if (st.isDirectory()) for (const name of readdirSync(path)) total += diskUsage(join(path, name));
  return total;
}

/** npm without this run's own npm_* settings (vitest under `npm test` inherits them). */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return env;
}

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'catop-package-'));
  prefix = join(dir, 'prefix');
  const pack = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, env: npmEnv() });
  packed = JSON.parse(pack.stdout)[0];
  // Dependencies come from the npm cache that `npm ci` filled. npm asks for each dependency's full
  // registry document when it installs a tarball, and `npm ci` caches only the abbreviated one,
  // so `--offline` alone would refuse; `--prefer-offline` takes whatever the cache has.
  await run(
    'npm',
    ['install', '-g', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', prefix, join(dir, packed.filename)],
    { cwd: dir, env: npmEnv() },
  );
  installedBin = join(prefix, 'bin', 'catop');
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function readPackage(): { version: string; dependencies: Record<string, string> } {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
}

describe('npm pack', () => {
  it('ships the bundle and its chunks only: no source maps, no per-module build', () => {
    const paths = packed.files.map((f) => f.path).sort();
    const code = paths.filter((p) => p.startsWith('dist/'));
    expect(code).toContain('dist/cli.js');
    expect(code).toContain('dist/main.js');
    expect(code.filter((p) => !/^dist\/[\w-]+\.js$/.test(p))).toEqual([]);
    expect(paths.filter((p) => !p.startsWith('dist/')).sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
  });

  it('is at most 600 KB packed', () => {
    expect(packed.size).toBeLessThanOrEqual(600 * KB);
  });
});

describe('a global install from the tarball', () => {
  it('is at most 20 MB on disk and holds only the two run-time dependencies beside the bundle', () => {
    expect(diskUsage(prefix)).toBeLessThanOrEqual(20 * MB);
    const installed = join(prefix, 'lib', 'node_modules', 'catop', 'node_modules');
    const top = readdirSync(installed).flatMap((n) => (n.startsWith('@') ? readdirSync(join(installed, n)).map((m) => `${n}/${m}`) : [n]));
    expect(top).toEqual(expect.arrayContaining(Object.keys(readPackage().dependencies)));
    for (const bundled of ['ink', 'react', 'commander', 'date-fns', 'string-width', '@alicloud/credentials']) expect(top).not.toContain(bundled);
  });

  it('catop --version prints the package version', async () => {
    const r = await run(installedBin, ['--version'], { cwd: dir, env: childEnv(dir) });
    expect(r.stdout.trim()).toBe(readPackage().version);
  });

  it('catop --demo --once prints the emulated fleet', async () => {
    const r = await run(installedBin, ['--demo', '--once'], { cwd: dir, env: childEnv(dir) });
    expect(r.stdout.split('\n')[0]).toMatch(/^STATUS\s+INVOKE ID\s+COMMAND/);
    expect(r.stdout).toMatch(/\nSuccess\s+t-\w+/);
  });

  it('catop emulator serves, prints its endpoint and stops on SIGTERM', async () => {
    const child = spawn(installedBin, ['emulator'], { cwd: dir, env: childEnv(dir), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const endpoint = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const m = /^endpoint: (http:\/\/\S+)$/m.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`catop emulator exited ${code} before printing its endpoint`)));
    });
    const res = await fetch(endpoint);
    expect(res.status).toBeGreaterThanOrEqual(400); // an unsigned request is refused, by a live server
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

/** Every file's text under `path` whose name ends in one of `exts`. */
function sources(path: string, exts = /\.(?:ts|tsx|js|mjs)$/): string[] {
  return readdirSync(path, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(path, e.name), exts) : exts.test(e.name) ? [readFileSync(join(path, e.name), 'utf8')] : [],
  );
}

describe('package.json', () => {
  const imported = (name: string, texts: string[]) => texts.some((t) => t.includes(`'${name}'`) || t.includes(`'${name}/`));

  it('lists no dependency that nothing imports', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const src = sources(join(ROOT, 'src'));
    expect(Object.keys(pkg.dependencies).filter((d) => !imported(d, src))).toEqual([]);
    const everything = [...src, ...['test', 'bench', 'media'].flatMap((d) => sources(join(ROOT, d))), readFileSync(join(ROOT, 'eslint.config.js'), 'utf8')];
    // Tools run by name from package.json's scripts (tsc, eslint, vitest, esbuild, vite-node) and
    // type packages are used without an import.
    const tools = new Set(['typescript', 'eslint', 'vitest', 'esbuild', 'vite-node']);
    expect(Object.keys(pkg.devDependencies).filter((d) => !tools.has(d) && !d.startsWith('@types/') && !imported(d, everything))).toEqual([]);
  });
});

describe('the launcher', () => {
  it('says in one line which Node it needs on an older Node, before loading the bundle', async () => {
    const older = 'data:text/javascript,' + encodeURIComponent(
      'Object.defineProperty(process, "version", { value: "v18.19.0" }); Object.defineProperty(process.versions, "node", { value: "18.19.0" });',
    );
    const r = await run(process.execPath, ['--import', older, CLI, '--version']).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: 'catop: needs Node.js 20 or newer (this is Node.js v18.19.0)\n' });
  });
});
