// The repository speaks of itself only: no comment or doc in it cites a file outside it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
// Built from parts so that this file does not match itself.
const OUTSIDE = [['DESIGN', 'md'].join('.'), ['..', 'shared'].join('/')];

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx|js|mjs|md)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('sources', () => {
  it('cite no file outside the repository', () => {
    const cited = ['src', 'test', 'bench']
      .flatMap(files)
      .concat('README.md')
      .flatMap((f) =>
        readFileSync(join(ROOT, f), 'utf8')
          .split('\n')
          .flatMap((line, i) => (OUTSIDE.some((o) => line.includes(o)) ? [`${f}:${i + 1}`] : [])),
      );
    expect(cited).toEqual([]);
  });
});
