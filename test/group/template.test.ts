import { describe, expect, it } from 'vitest';
import { fingerprint, maskOutput, type GroupMode, type OwnIdentity } from '../../src/group/index.js';
import { ownWords } from '../../src/group/fingerprint.js';
import { buildTemplate, matchesTemplate } from '../../src/group/template.js';
import { fastWalk, type FastWalk } from '../../src/group/walk.js';
import { fleetInstance } from './fleet.js';
import { DIFFER_WHEN_MASKED, SAME_WHEN_MASKED } from './noiseCases.js';
import { mulberry32, randomTexts } from './randomTexts.js';

type Mode = Exclude<GroupMode, 'strict'>;

// Every case runs twice: with the WebAssembly walk of the common steps (walk.ts), and without.
describe.each([
  ['with the WebAssembly walk', fastWalk()],
  ['in JavaScript alone', null],
] as Array<[string, FastWalk | null]>)('a template, %s', (_name, walker) => {
  function check(sample: string, other: string, mode: Mode = 'masked', ownS?: OwnIdentity, ownX?: OwnIdentity): boolean {
    const t = buildTemplate(sample, mode, ownS);
    if (!t) throw new Error('no template');
    return matchesTemplate(t, other, ownWords(ownX), walker);
  }

  /** The template's answer never contradicts the fingerprint's: true only when both mask alike. */
  function agrees(sample: string, other: string, mode: Mode = 'masked', ownS?: OwnIdentity, ownX?: OwnIdentity): boolean {
    const matched = check(sample, other, mode, ownS, ownX);
    if (matched) expect(maskOutput(other, mode, ownX)).toBe(maskOutput(sample, mode, ownS));
    return matched;
  }

  it('masks its sample as the fingerprint does', () => {
    for (const [, a, b] of SAME_WHEN_MASKED) {
      expect(buildTemplate(a, 'masked')?.masked).toBe(maskOutput(a));
      expect(buildTemplate(b, 'loose')?.masked).toBe(maskOutput(b, 'loose'));
    }
    const f = fleetInstance(7, 4_000);
    expect(buildTemplate(f.output, 'masked', f.own)?.masked).toBe(maskOutput(f.output, 'masked', f.own));
  });

  it('matches an output that differs only by each kind of noise, without masking it', () => {
    for (const [kind, a, b] of SAME_WHEN_MASKED) expect(agrees(a, b), kind).toBe(true);
  });

  it('never matches an output that differs by signal', () => {
    for (const [kind, a, b] of DIFFER_WHEN_MASKED) {
      expect(check(a, b), kind).toBe(false);
      expect(check(b, a), kind).toBe(false);
    }
    // A letter where the sample's timestamp has a digit is not a timestamp.
    expect(agrees('at 2026-12-01T02:03:04Z ok', 'at 2026-12-0aT02:03:04Z ok')).toBe(false);
    expect(agrees('took 12ms', 'took 12xs')).toBe(false);
  });

  it("checks own names as the instance's own: the sample's name in another output is signal", () => {
    const ownA = { names: ['web-0001'], ips: ['10.0.0.5'] };
    const ownB = { names: ['web-0002'], ips: ['10.0.0.66'] };
    expect(agrees('web-0001 at 10.0.0.5 ok', 'WEB-0002 at 10.0.0.66 ok', 'masked', ownA, ownB)).toBe(true);
    // The other instance prints the sample's name: not its own, so not noise.
    expect(agrees('web-0001 at 10.0.0.5 ok', 'web-0001 at 10.0.0.66 ok', 'masked', ownA, ownB)).toBe(false);
    // Its own name where the sample has plain text would be masked in its output: not shown here.
    expect(agrees('peer web-0002 ok', 'peer web-0002 ok', 'masked', ownA, ownB)).toBe(false);
    // Names with characters outside a host name's are left to the fingerprint.
    expect(agrees('a b ok', 'a b ok', 'masked', undefined, { names: ['a b c'], ips: [] })).toBe(false);
  });

  it('takes noise of another length where the kind allows it', () => {
    expect(agrees('took 5ms, 3m2s, sha abcdef12', 'took 1234ms, 12m40s, sha 0123456789abcdef')).toBe(true);
    expect(agrees('Dec  1 02:03:04 up', 'Dec 12 02:03:04 up')).toBe(true);
    expect(agrees('from 10.0.0.5 ok', 'from 192.168.100.254 ok')).toBe(true);
    // Not an address: its last part has four digits.
    expect(agrees('from 10.0.0.5 ok', 'from 10.0.0.1234 ok')).toBe(false);
    expect(agrees('disk 93% used', 'disk 7% used', 'loose')).toBe(true);
  });

  it('takes noise of another shape only where no kind could join it to its neighbours', () => {
    // A clock before: `10:5ms` masks as `10:<*>`, `10:15ms` as `<*>ms`.
    expect(agrees('at 10:5ms ok', 'at 10:15ms ok')).toBe(false);
    // Loose digits that make a date, or a duration (`0.5D`, half a day), with their neighbours.
    expect(agrees('v 10-1-1 ok', 'v 10-1-2026 ok', 'loose')).toBe(false);
    expect(agrees('load 0.5 from', 'load 0.5D from', 'loose')).toBe(false);
    // A hex id of eight that makes a UUID with what follows it.
    expect(agrees('id abcdef123-e89b-42d3-a456-000000000123 ok', 'id abcdef12-e89b-42d3-a456-000000000123 ok')).toBe(false);
    // A digit before `x` that makes `0x…`.
    expect(agrees('v 1xdeadbeef ok', 'v 0xdeadbeef ok', 'loose')).toBe(false);
    // Between blanks and plain words it stands alone.
    expect(agrees('finished in 5ms\ncommit abcdef12\n', 'finished in 1234ms\ncommit 0123456789abcdef\n')).toBe(true);
  });

  it('takes a hex digit for a hex letter only where no kind could read across into the span', () => {
    const uuid = (head: string) => `${head}-e89b-42d3-a456-426614174000`;
    // `10:12…` is a clock time, `10:ab…` not; `2026-12-05…` a date; `5 dec` a day and month.
    expect(agrees(`at 10:${uuid('abcdef01')} ok`, `at 10:${uuid('12cdef01')} ok`)).toBe(false);
    expect(agrees('on 2026-12-ab::1 up', 'on 2026-12-05::1 up')).toBe(false);
    expect(agrees('got 5 abc::1 ok', 'got 5 dec::1 ok')).toBe(false);
    // The digits of an IPv4 address inside an IPv6 one are digits only.
    expect(agrees('via ::ffff:1.2.3.4 ok', 'via ::ffff:1.a.3.4 ok')).toBe(false);
    expect(agrees('via ::ffff:1.2.3.4 ok', 'via ::ffff:9.8.7.6 ok')).toBe(true);
    // Standing alone, any hex digit for another; where not, a digit for a digit still.
    expect(agrees(`request ${uuid('abcdef01')} ok`, `request ${uuid('12cdef01')} ok`)).toBe(true);
    expect(agrees(`at 10:${uuid('abcdef01')} ok`, `at 10:${uuid('abcdef99')} ok`)).toBe(true);
  });

  it("never takes another instance's own name for noise of a kind where it masks as its own", () => {
    const ownS = { names: ['web-1'], ips: ['10.9.9.9'] };
    // A host named like a month: `Dec 12` masks as `<*> 12` in its output, as `<*>` in the sample.
    expect(agrees('at Dec 12 up', 'at Dec 12 up', 'masked', ownS, { names: ['dec'], ips: [] })).toBe(false);
    // Loose, every digit is noise: its own `fe80::1` where the sample has `fe80::2` inside a word.
    expect(agrees('at fe80::2.25ms up', 'at fe80::1.25ms up', 'loose', ownS, { names: [], ips: ['fe80::1'] })).toBe(false);
    // Where the sample's noise is the whole word, its own name there is the same one noise.
    expect(agrees('from 10.1.2.3 ok', 'from 10.0.0.3 ok', 'loose', ownS, { names: [], ips: ['10.0.0.3'] })).toBe(true);
    expect(agrees('from 10.1.2.3 ok', 'from 10.0.0.3 ok', 'masked', ownS, { names: [], ips: ['10.0.0.3'] })).toBe(true);
    // A word part text and part noise: its own `fe80::1` masks as `<*>.<*>`, the sample's as `fe80::<*>`.
    expect(agrees('at fe80::1.6m47s', 'at fe80::1.9m47s', 'masked', ownS, { names: [], ips: ['fe80::1'] })).toBe(false);
    // Text and noise in one word after it: `web-7` in `web-7.5ms`.
    expect(agrees('at web-3.5ms', 'at web-7.5ms', 'masked', ownS, { names: ['web-7'], ips: [] })).toBe(false);
    // A name that cannot be that word (the guard reads names, not the output: `fe80::2` could be there).
    expect(agrees('at fe80::1.6m47s', 'at fe80::1.9m47s', 'masked', ownS, { names: [], ips: ['fe80::12'] })).toBe(true);
    expect(agrees('at fe80::1.6m47s', 'at fe80::1.9m47s', 'masked', ownS, { names: [], ips: ['fe80::2'] })).toBe(false);
  });

  it('never says random texts of noise mask alike when they do not (edits inside and beside each kind)', () => {
    const rand = mulberry32(2026);
    const texts = randomTexts(rand);
    // Own names and IPs, some of them words or addresses the texts hold.
    const owns = [
      { names: ['web-01', 'web-01.prod'], ips: ['10.0.0.7'] },
      { names: ['web-01'], ips: ['10.0.0.7', 'fe80::1'] },
      { names: ['iZbp1abcdefghZ', 'dec'], ips: ['10.0.0.70'] },
      { names: ['WEB-01.Prod', 'web'], ips: ['1.2.3.4'] },
    ];
    let matched = 0;
    for (let trial = 0; trial < 1_200; trial++) {
      const sample = texts.text();
      const mode: Mode = rand(3) === 0 ? 'loose' : 'masked';
      const ownHere = rand(3) ? owns[rand(owns.length)] : undefined;
      // Mostly the sample's instance again; else another instance's names.
      const ownX = ownHere && rand(4) === 0 ? owns[rand(owns.length)] : ownHere;
      const t = buildTemplate(sample, mode, ownHere);
      if (!t) continue;
      for (let k = 0; k < 4; k++) {
        const x = texts.edited(sample);
        if (!matchesTemplate(t, x, ownWords(ownX), walker)) continue;
        matched++;
        expect(maskOutput(x, mode, ownX), JSON.stringify([sample, x, ownHere, ownX])).toBe(maskOutput(sample, mode, ownHere));
      }
    }
    expect(matched).toBeGreaterThan(500);
  });

  it('settles a line by masking it alone where the walk cannot, and keeps lines in step', () => {
    // Noise of one kind where the sample has another: that line is masked alone.
    expect(agrees('a\nat 02:03:04 ok\nb\n', 'a\nat 2026-12-01 ok\nb\n')).toBe(true);
    expect(agrees('a\nb\n', 'a\nb')).toBe(false);
    expect(agrees('a\nb', 'a\nb\nc')).toBe(false);
    expect(agrees('x 5ms\r\ny\r\n', 'x 17ms\r\ny\r\n')).toBe(true);
    expect(agrees('', '')).toBe(true);
    expect(agrees('', 'x')).toBe(false);
  });

  it('agrees with the fingerprint on a noisy fleet, and matches its own variant without masking', () => {
    const samples = new Map<string, ReturnType<typeof fleetInstance>>();
    for (let n = 0; n < 300; n++) {
      const f = fleetInstance(n, 3_000);
      if (!samples.has(f.variant)) samples.set(f.variant, f);
      const own = samples.get(f.variant)!;
      expect(agrees(own.output, f.output, 'masked', own.own, f.own), `instance ${n}`).toBe(true);
      for (const [variant, other] of samples) if (variant !== f.variant) expect(agrees(other.output, f.output, 'masked', other.own, f.own)).toBe(false);
    }
  });

  it('stays linear on outputs of nothing but noise, and on one long line', () => {
    // A quadratic walk would not end within the test's time on these.
    const tokens = (n: number, k: number) => Array.from({ length: n }, (_, i) => `${(i * k) % 997}ms`).join(' ');
    expect(agrees(tokens(8_000, 3), tokens(8_000, 7))).toBe(true);
    expect(agrees(`${tokens(8_000, 3)}\n`, `${tokens(8_000, 7)} x\n`)).toBe(false);
    const lines = (k: number) => Array.from({ length: 4_000 }, (_, i) => `line ${i} at 10.0.${k}.${i % 250}`).join('\n');
    expect(agrees(lines(1), lines(2))).toBe(true);
  });

  it('never says two outputs mask alike when they do not (random changes to a noisy sample)', () => {
    const base = fleetInstance(3, 2_000);
    const sample = `${base.output}exit 0 at 2026-12-01T02:03:04Z from 10.1.2.3 took 15ms id 9fceb02d0ae5\nDec  1 02:03:04 load 0.5 in 3m20s at 10:5 v 1-2-3\n`;
    const words = ownWords(base.own);
    // Characters, and tokens that join noise to its neighbours.
    const alphabet = '0123456789abcdefxz:.-/ \nAZ';
    const tokens = ['ms', 'Dec', '0x', ' 2026', ':5', '.5', '-1', 'D', ' ms', 'th', ',', '12345678', 'PM', ' UTC', '+08:00', 'T'];
    for (const mode of ['masked', 'loose'] as const) {
      const t = buildTemplate(sample, mode, base.own)!;
      let seed = 42;
      const rand = (k: number) => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed % k;
      };
      let matched = 0;
      for (let trial = 0; trial < 1_500; trial++) {
        let x = sample;
        for (let edits = 1 + rand(3); edits > 0; edits--) {
          const at = rand(x.length);
          const c = rand(3) === 0 ? tokens[rand(tokens.length)] : alphabet[rand(alphabet.length)];
          const op = rand(3);
          x = op === 0 ? x.slice(0, at) + c + x.slice(at + c.length) : op === 1 ? x.slice(0, at) + c + x.slice(at) : x.slice(0, at) + x.slice(at + 1);
        }
        if (matchesTemplate(t, x, words, walker)) {
          matched++;
          expect(fingerprint(x, mode, base.own), JSON.stringify(x)).toBe(fingerprint(sample, mode, base.own));
        }
      }
      // Many changes fall inside noise (a digit for a digit): the walk takes those.
      expect(matched).toBeGreaterThan(50);
    }
  });
});
