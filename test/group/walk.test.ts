import { describe, expect, it } from 'vitest';
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { fingerprint, type OwnIdentity } from '../../src/group/index.js';
import { ownWords } from '../../src/group/fingerprint.js';
import { buildTemplate, matchesTemplate, type Template } from '../../src/group/template.js';
import { fastWalk } from '../../src/group/walk.js';
import { WALK_WASM } from '../../src/group/walkBytes.js';
import { compileWalk, inlined, parse, print } from './compileWalk.js';
import { fleetInstance } from './fleet.js';
import { mulberry32 } from './randomTexts.js';

const walker = fastWalk()!;

function template(sample: string, own?: OwnIdentity): Template {
  const t = buildTemplate(sample, 'masked', own);
  if (!t) throw new Error('no template');
  return t;
}

/** The WebAssembly walk alone takes `x` to its end: no step left to template.ts. */
function walkedThrough(t: Template, x: string, own?: OwnIdentity): boolean {
  return walker.load(t, x, ownWords(own)) && walker.walk(0, 0, 0);
}

/** Both walks answer alike, and a match means equal fingerprints. */
function answer(t: Template, x: string, own: OwnIdentity | undefined, sampleOwn?: OwnIdentity): boolean {
  const names = ownWords(own);
  const fast = matchesTemplate(t, x, names, walker);
  expect(fast, JSON.stringify(x)).toBe(matchesTemplate(t, x, names, null));
  if (fast) expect(fingerprint(x, 'masked', own)).toBe(fingerprint(t.text, 'masked', sampleOwn));
  return fast;
}

describe('the WebAssembly walk', () => {
  it('is there on Node 20, and walkBytes.ts is what walk.wat compiles to', async () => {
    expect(walker).toBeDefined();
    expect(Buffer.from(await compileWalk()).equals(Buffer.from(WALK_WASM, 'base64'))).toBe(true);
  });

  it('is compiled with its pure helpers inlined', () => {
    const source = readFileSync(new URL('../../src/group/walk.wat', import.meta.url), 'utf8');
    const rules = readFileSync(new URL('../../src/group/walkRules.wat', import.meta.url), 'utf8');
    const out = inlined(source, rules);
    expect(out).toContain('(func $monthDay');
    expect(source).toContain('(call $isNameAt');
    expect(out).not.toContain('$isNameAt');
    expect(out).not.toContain('$sameName16');
    expect(out).not.toContain('(call $follows');
    // Functions with locals stay functions.
    expect(out).toContain('(call $digitRuns');
    expect(print(parse('(a (b $c) ;; note\n "s")')[0])).toBe('(a (b $c) "s")');
    expect(() => inlined('(module (func $h (param $a i32) (result i32) (local.get $a)) (func (call $h)))')).toThrow(/takes 1 argument/);
  });

  it('walks a fleet output to its end without a step left to JavaScript', () => {
    const s = fleetInstance(100, 24 * 1024);
    const t = template(s.output, s.own);
    for (const n of [200, 301, 4_999]) {
      const f = fleetInstance(n, 24 * 1024);
      expect(walkedThrough(t, f.output, f.own), `instance ${n}`).toBe(true);
      expect(answer(t, f.output, f.own, s.own)).toBe(true);
    }
  });

  it('shows a syslog day for another, and leaves the rest of the pattern to JavaScript', () => {
    const t = template('Dec  1 02:03:04 up\n');
    expect(walkedThrough(t, 'Dec 12 02:03:04 up\n')).toBe(true);
    expect(walkedThrough(t, 'Dec\t 7 02:03:04 up\n')).toBe(true);
    expect(answer(t, 'Dec 12 02:03:04 up\n', undefined)).toBe(true);
    // A year after the day, a third digit, an ordinal, another month: not this rule's to show.
    for (const x of ['Dec 12 2026 02:03:04 up\n', 'Dec 123 02:03:04 up\n', 'Dec 12th 02:03:04 up\n', 'Nov 12 02:03:04 up\n', 'Dec 12, 2026 02:03:04 up\n']) {
      expect(walkedThrough(t, x), x).toBe(false);
      answer(t, x, undefined);
    }
    // After an own name's raw text the pattern sees other characters: template.ts decides.
    const own = { names: ['web-1'], ips: [] };
    const named = template('on web-1\nDec  1 up\n', own);
    expect(answer(named, 'on web-2\nDec 12 up\n', { names: ['web-2'], ips: [] }, own)).toBe(true);
  });

  it('takes noise of another length alone, unless a month or weekday before it could join it', () => {
    for (const word of ['Dec', 'thu', 'Sun', 'took', 'commit', 'Xyz']) {
      const t = template(`at ${word} 15ms\n`);
      const joins = ['Dec', 'thu', 'Sun'].includes(word);
      expect(walkedThrough(t, `at ${word} 150ms\n`), word).toBe(!joins);
      expect(answer(t, `at ${word} 150ms\n`, undefined)).toBe(true);
    }
  });

  it('checks own names in any case and of any length, as whole words', () => {
    const ownS = { names: ['db-primary-0001.cn-hangzhou.example.internal'], ips: ['10.0.0.5'] };
    const ownX = { names: ['db-primary-0002.cn-hangzhou.example.internal'], ips: ['10.0.0.66'] };
    const t = template('host db-primary-0001.cn-hangzhou.example.internal at 10.0.0.5 ok\n', ownS);
    expect(walkedThrough(t, 'host DB-Primary-0002.CN-Hangzhou.example.internal at 10.0.0.66 ok\n', ownX)).toBe(true);
    expect(answer(t, 'host DB-Primary-0002.CN-Hangzhou.example.internal at 10.0.0.66 ok\n', ownX, ownS)).toBe(true);
    // Part of a longer word is not the name.
    expect(answer(t, 'host db-primary-0002.cn-hangzhou.example.internal-x at 10.0.0.66 ok\n', ownX, ownS)).toBe(false);
    expect(answer(t, 'host db-primary-0002.cn-hangzhou.example.internal at 10.0.0.66x ok\n', ownX, ownS)).toBe(false);
  });

  it("takes the output's own names for the sample's, and a longer one where the text goes on as it does", () => {
    const ownS = { names: ['web-1.prod.example.org', 'web-1'], ips: [] };
    const ownX = { names: ['web-2.prod.example.org', 'web-2'], ips: [] };
    const t = template('host web-1 up\nfqdn web-1.prod.example.org up\n', ownS);
    expect(walkedThrough(t, 'host web-2 up\nfqdn web-2.prod.example.org up\n', ownX)).toBe(true);
    expect(answer(t, 'host web-2 up\nfqdn web-2.prod.example.org up\n', ownX, ownS)).toBe(true);
    // The sample's short name goes on as the output's long one does: that one is taken there, and masks otherwise.
    const other = { names: ['web-2.prod.example.com', 'web-2'], ips: [] };
    const hazard = template('at web-1.prod.example.com!\n', ownS);
    expect(answer(hazard, 'at web-2.prod.example.com!\n', other, ownS)).toBe(false);
    expect(answer(hazard, 'at web-2.prod.example.commit\n', other, ownS)).toBe(false);
  });

  it('takes at once the name the last output had at a span, unless a longer one of this output goes on there', () => {
    const ownS = { names: ['web-0'], ips: [] };
    const t = template('step 1 on web-0 ok\nstep 2 at web-0.prod ok\n', ownS);
    // Its second name: at both spans, the next output's second name is compared first.
    const ownA = { names: ['unrelated-long-name', 'web-1'], ips: [] };
    expect(answer(t, 'step 1 on web-1 ok\nstep 2 at web-1.prod ok\n', ownA, ownS)).toBe(true);
    // Here its second name is in its first, which goes on as the sample does after the second span.
    const ownB = { names: ['web-2.prod', 'web-2'], ips: [] };
    expect(answer(t, 'step 1 on web-2 ok\nstep 2 at web-2.prod ok\n', ownB, ownS)).toBe(false);
    expect(answer(t, 'step 1 on WEB-3 ok\nstep 2 at Web-3.prod ok\n', { names: ['other-long-name', 'web-3'], ips: [] }, ownS)).toBe(true);
    expect(walkedThrough(t, 'step 1 on web-4 ok\nstep 2 at web-4.prod ok\n', { names: ['web-4', 'x'.repeat(30)], ips: [] })).toBe(true);
    // Another name where the last output had its own: compared, not taken.
    expect(answer(t, 'step 1 on web-5 ok\nstep 2 at web-6.prod ok\n', { names: ['web-5', 'x'.repeat(30)], ips: [] }, ownS)).toBe(false);
    // Two longer names begin with it, going on with other characters: no shortcut for it at all.
    expect(answer(t, 'step 1 on web-7 ok\nstep 2 at web-7.prod ok\n', { names: ['long-name-one', 'long-name-two', 'web-7'], ips: [] }, ownS)).toBe(true);
    expect(answer(t, 'step 1 on web-8 ok\nstep 2 at web-8.prod ok\n', { names: ['web-8.prod', 'web-8-b', 'web-8'], ips: [] }, ownS)).toBe(false);
  });

  it("crosses in one sweep own names as long as the sample's, each compared", () => {
    const ownS = { names: ['web-0001'], ips: ['10.0.0.1'] };
    const line = (host: string, ip: string, k: number) => `step ${k} on ${host} at ${ip} took ${k}ms\n`;
    const text = (host: (k: number) => string, ip = '10.0.0.2') => Array.from({ length: 40 }, (_, k) => line(host(k), ip, k)).join('');
    const t = template(text(() => 'web-0001', '10.0.0.1'), ownS);
    const own = { names: ['web-0002'], ips: ['10.0.0.2'] };
    // The first output leaves its names at the spans; the next are walked with them.
    for (let round = 0; round < 2; round++) expect(walkedThrough(t, text(() => 'web-0002'), own)).toBe(true);
    expect(answer(t, text((k) => (k % 7 === 3 ? 'WEB-0002' : 'web-0002')), own, ownS)).toBe(true);
    // A name of the same length that is not this output's, a letter for a dash, or a longer one: not its own.
    expect(answer(t, text((k) => (k === 20 ? 'web-0003' : 'web-0002')), own, ownS)).toBe(false);
    expect(answer(t, text((k) => (k === 20 ? 'webx0002' : 'web-0002')), own, ownS)).toBe(false);
    expect(answer(t, text((k) => (k === 20 ? 'web-00023' : 'web-0002')), own, ownS)).toBe(false);
    // IPs of another length than the sample's: taken one at a time.
    const longer = { names: ['web-0002'], ips: ['10.0.0.123'] };
    expect(walkedThrough(t, text(() => 'web-0002', '10.0.0.123'), longer)).toBe(true);
    expect(answer(t, text(() => 'web-0002', '10.0.0.123'), longer, ownS)).toBe(true);
  });

  it('crosses a hex id that stands alone in one sweep where the output has a letter in it', () => {
    const text = (sha: (k: number) => string) => Array.from({ length: 30 }, (_, k) => `step ${k} commit ${sha(k)}\n`).join('');
    const t = template(text((k) => `deadbeef${String(k).padStart(2, '0')}`));
    expect(walkedThrough(t, text((k) => `${String(k).padStart(2, '0')}cafe0123`))).toBe(true);
    expect(answer(t, text((k) => `${String(k).padStart(2, '0')}cafe0123`), undefined)).toBe(true);
    // Digits alone are no hex id; another length is taken alone; `0x` needs no letter.
    expect(answer(t, text((k) => (k === 12 ? '1234567890' : `ab${String(k).padStart(8, '0')}`)), undefined)).toBe(false);
    expect(walkedThrough(t, text((k) => (k === 12 ? 'abcdef0123456' : `ab${String(k).padStart(8, '0')}`)))).toBe(true);
    const prefixed = template('at 0xdeadbeef12\n');
    expect(walkedThrough(prefixed, 'at 0x1234567890\n')).toBe(true);
    // Where a hex id ends the sample, a longer one in the output is not the same.
    expect(answer(template('commit deadbeef12'), 'commit 1234abcd56', undefined)).toBe(true);
    expect(answer(template('commit deadbeef12'), 'commit 1234abcd567', undefined)).toBe(true);
    expect(answer(template('commit deadbeef12'), 'commit 1234abcd56.x', undefined)).toBe(false);
  });

  it('leaves texts it cannot read as bytes to JavaScript, with the same answers', () => {
    const t = template('took 5ms at 10.0.0.1 ok\n');
    // U+0137 is written to Latin-1 as 0x37, a '7': the output is copied as bytes only when all are ASCII.
    for (const x of ['took 7ms at 10.0.0.2 ok ✓\n', 'took 7ms at 10.0.0.2 café\n', 'took 7ms at 10.0.0.2 \ud800\n', 'took \u0137ms at 10.0.0.2 ok\n']) {
      expect(walker.load(t, x, [])).toBe(false);
      answer(t, x, undefined);
    }
    expect(walker.load(template('é 5ms\n'), 'é 7ms\n', [])).toBe(false);
    expect(answer(template('é 5ms\n'), 'é 7ms\n', undefined)).toBe(true);
    expect(walker.load(t, 'took 7ms at 10.0.0.2 ok\n', Array.from({ length: 65 }, (_, k) => `name-${k}`))).toBe(false);
    expect(walker.load(t, 'x'.repeat(2 ** 20 + 1), [])).toBe(false);
  });

  it('grows its memory for a long output, and keeps the sample it holds', () => {
    const line = (k: number) => `at 2026-12-01T02:03:0${k % 10}Z step ${k} took ${k % 97}ms\n`;
    const sample = Array.from({ length: 8_000 }, (_, k) => line(k)).join('');
    const t = template(sample);
    const x = Array.from({ length: 8_000 }, (_, k) => line(k).replace(/took \d+ms/, `took ${k % 89}ms`)).join('');
    expect(x.length).toBeGreaterThan(300_000);
    expect(walkedThrough(t, x)).toBe(true);
    expect(answer(t, `${x}tail\n`, undefined)).toBe(false);
  });

  it("keeps each sample's allowances while others are loaded and its memory grows", () => {
    const a = template('id 123e4567-e89b-12d3-a456-426614174000 took 5ms\n');
    const b = template('at 2026-12-01T02:03:04Z from i-bp1abcdefgh12345 ok\n');
    const long = template(`${'step 1 took 5ms\n'.repeat(20_000)}`);
    for (let round = 0; round < 2; round++) {
      expect(walkedThrough(a, 'id 9fceb02d-0ae5-42d3-a456-0123456789ab took 7ms\n')).toBe(true);
      expect(walkedThrough(b, 'at 2027-01-31T12:34:56Z from i-bp1zyxwvuts98765 ok\n')).toBe(true);
      expect(walkedThrough(long, 'step 1 took 8ms\n'.repeat(20_000))).toBe(true);
    }
    expect(answer(a, 'id 9fceb02d-0ae5-42d3-a456-0123456789ab took 7ms\n', undefined)).toBe(true);
  });

  it("answers as JavaScript alone does for other instances' outputs, their names changed and edited", () => {
    const base = fleetInstance(100, 2_000);
    const t = template(base.output, base.own);
    const rand = mulberry32(11);
    const pieces = ['.prod', '.', ' ', 'web-0003', 'WEB-', '-x', ':', '10.0.0.', '\n'];
    let matched = 0;
    for (let trial = 0; trial < 800; trial++) {
      // The same variant as the sample's (slots 40 to 999 of each thousand).
      const f = fleetInstance(1_000 * rand(5) + 40 + rand(960), 2_000);
      // Its names: as they are, one longer name that begins with another, in another case, or another order.
      const host = f.own.names[0];
      const names = [
        [...f.own.names],
        [`${host}.prod`, ...f.own.names],
        [host.toUpperCase(), f.own.names[1]],
        [...f.own.names].reverse(),
      ][rand(4)];
      const own = { names, ips: rand(2) ? [...f.own.ips] : [f.own.ips[1], f.own.ips[0]] };
      let x = f.output;
      for (let edits = rand(3); edits > 0; edits--) {
        const at = rand(x.length);
        x = x.slice(0, at) + pieces[rand(pieces.length)] + x.slice(at + rand(2));
      }
      // Several outputs in a row: each walk starts from the names the one before it left at the spans.
      if (answer(t, x, own, base.own)) matched++;
    }
    expect(matched).toBeGreaterThan(200);
  });

  it('answers as JavaScript alone does for random changes to a noisy sample', () => {
    const base = fleetInstance(3, 2_000);
    const sample = `${base.output}Dec  1 02:03:04 WEB-0003 sshd: ok at Dec 12\nexit 0 at 2026-12-01T02:03:04Z from 10.1.2.3 took 15ms id 9fceb02d0ae5 i-bp1abcdefgh12345 iZbp1abcdefgh12345Z 123e4567-e89b-12d3-a456-426614174000\n`;
    const t = template(sample, base.own);
    let seed = 7;
    const rand = (k: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % k;
    };
    const alphabet = '0123456789abcdefxzDec:.-/ \t\nAZW,';
    let matched = 0;
    for (let trial = 0; trial < 1_500; trial++) {
      let x = sample;
      for (let edits = 1 + rand(3); edits > 0; edits--) {
        const at = rand(x.length);
        const c = alphabet[rand(alphabet.length)];
        const op = rand(3);
        x = op === 0 ? x.slice(0, at) + c + x.slice(at + 1) : op === 1 ? x.slice(0, at) + c + x.slice(at) : x.slice(0, at) + x.slice(at + 1);
      }
      if (answer(t, x, base.own, base.own)) matched++;
    }
    expect(matched).toBeGreaterThan(100);
  });
});
