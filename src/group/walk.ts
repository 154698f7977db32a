/**
 * The template walk's common steps in WebAssembly (walk.wat and walkRules.wat, compiled into
 * walkBytes.ts by `npm run wasm`): runs of pieces and spans whose shape settles them byte for
 * byte are swept 16 bytes at a time against what each byte of the sample allows in its place
 * (walkRules.wat's `allow`), own names among them where the output's is as long as the sample's,
 * and each other span's noise is shown by the rules of template.ts's `noiseEnd` up to its sticky
 * pattern. A JavaScript loop over two strings costs 2 to 5 ns a character here, and half of a
 * fleet output's characters are noise, each to be read. Where the module stops (a piece that
 * differs, noise only the pattern shows), template.ts takes that step and hands back.
 *
 * Only for ASCII texts (a byte is then a character, and case folds by one bit); other texts, and
 * a runtime without WebAssembly (`node --jitless`), are walked by template.ts alone.
 */
import { Buffer } from 'node:buffer';
import { HEX_KINDS, ID_KINDS, KIND } from './fingerprint.js';
import { isMonthDay } from './noiseRules.js';
import { WALK_WASM } from './walkBytes.js';

/** What the walk reads of a template: its text, its characters' codes, its spans (start, end, kind; own names kind < 0) and where hex digits may swap (template.ts). */
export interface WalkSample {
  text: string;
  codes: Uint16Array;
  spans: Int32Array;
  hexSwaps: Uint8Array;
}

export interface FastWalk {
  /** Loads the sample (unless it is the one loaded) and the output; false: not for these texts. */
  load(sample: WalkSample, output: string, names: readonly string[]): boolean;
  /** Walks on from span `i`, sample offset `ps`, output offset `px`: true when the output matches to its end; else where it stopped is in `i`, `ps`, `px`. */
  walk(i: number, ps: number, px: number): boolean;
  readonly i: number;
  readonly ps: number;
  readonly px: number;
}

/** walk.wat's rules, one per span. */
const RULE = { own: 0, shape: 1, hex: 2, id: 3, instanceId: 4, runs: 5, hexId: 6, monthDay: 7, hexIdAlone: 8 } as const;

/** A span's rule by its kind and whether its hex digits may swap; a month kind's is `monthDay` where `isMonthDay`. */
function ruleOf(kind: number, hexSwaps: boolean): number {
  if (kind < 0) return RULE.own;
  if (HEX_KINDS.has(kind)) return hexSwaps ? RULE.hex : RULE.shape;
  if (kind === KIND.instanceId) return RULE.instanceId;
  if (ID_KINDS.has(kind)) return RULE.id;
  if (kind === KIND.duration || kind === KIND.digits) return RULE.runs;
  if (kind === KIND.hex) return hexSwaps ? RULE.hexIdAlone : RULE.hexId;
  return RULE.shape;
}

interface Loadable {
  bytes: Uint8Array;
  /** What each byte may be in the output when it differs (walkRules.wat's `allow` makes it when first loaded). */
  allow?: Uint8Array;
  /** Start, end, rule of each span, and the first span from it on that is not `SWEPT`. */
  spans: Int32Array;
}

/**
 * Rules the shape of a span settles, byte for byte: walk.wat sweeps across their spans. It also
 * crosses an own name where the output has, as long as the sample's, the name it compares first,
 * and a hex id that stands alone where the output's has a letter.
 */
const SWEPT: ReadonlySet<number> = new Set([RULE.shape, RULE.hex, RULE.id, RULE.instanceId, RULE.runs, RULE.monthDay]);

/**
 * `ruleOf` of each kind (the own names' first) without and with hex swaps, and 1 for each rule
 * `SWEPT`: look-ups for the loop over a template's spans, which runs before the code is warm.
 */
const KIND_RULES = Int8Array.from({ length: (KIND.digits + 2) * 2 }, (_, k) => ruleOf((k >> 1) - 1, (k & 1) === 1));
const IS_SWEPT = Uint8Array.from({ length: RULE.hexIdAlone + 1 }, (_, rule) => Number(SWEPT.has(rule)));

/** A sample's bytes and span rules, or null when it is not ASCII. */
function loadable(sample: WalkSample): Loadable | null {
  const { text, codes, spans, hexSwaps } = sample;
  const count = spans.length / 3;
  // Native passes, not a loop: a template is loaded on the first page of a run, before the loops are warm.
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length !== text.length) return null;
  const rules = new Int32Array(count * 4);
  let stop = count;
  for (let i = count - 1; i >= 0; i--) {
    const start = spans[i * 3];
    const end = spans[i * 3 + 1];
    const kind = spans[i * 3 + 2];
    const rule = kind === KIND.month && isMonthDay(codes, start, end) ? RULE.monthDay : KIND_RULES[(kind + 1) * 2 + hexSwaps[i]];
    if (IS_SWEPT[rule] === 0) stop = i;
    rules[i * 4] = start;
    rules[i * 4 + 1] = end;
    rules[i * 4 + 2] = rule;
    rules[i * 4 + 3] = stop;
  }
  return { bytes, spans: rules };
}

interface Exports {
  memory: WebAssembly.Memory;
  sample(at: number, length: number, allow: number, spans: number, count: number): void;
  allow(): void;
  output(at: number, length: number, names: number, count: number): void;
  walk(i: number, ps: number, px: number): number;
}

/** walk.wat's byte classes are at 0, where it stopped at STOPPED, its three-letter words from 272; the names from NAMES_AT (walk.wat says how); the sample from SAMPLE_AT. */
const STOPPED = 256;
const NAMES_AT = 352;
const MAX_NAMES = 64;
const SAMPLE_AT = NAMES_AT + MAX_NAMES * 8;
/** Longer outputs are walked by template.ts (memory would grow for each and never shrink). */
const MAX_OUTPUT = 1 << 20;
const PAGE = 65_536;

const align8 = (n: number) => (n + 7) & ~7;
/** walk.wat reads 16 bytes at a time, up to 15 past a text's end (masked off). */
const READ_PAST = 16;
/** After each text: a byte found nowhere in ASCII, so that both texts' ends compare equal. */
const END_MARK = 0xff;

function create(): FastWalk | undefined {
  let ex: Exports;
  try {
    ex = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(WALK_WASM, 'base64'))).exports as unknown as Exports;
  } catch {
    return undefined;
  }
  const samples = new WeakMap<WalkSample, Loadable | null>();
  let loaded: WalkSample | undefined;
  /** Where the loaded sample's spans end. */
  let sampleEnd = SAMPLE_AT;

  // Views of the memory, made again when it grows (its buffer is then another).
  let bytes = Buffer.from(ex.memory.buffer);
  let words = new Int32Array(ex.memory.buffer);
  const STOPPED_WORD = STOPPED / 4;

  function reserve(size: number): void {
    const short = size - ex.memory.buffer.byteLength;
    if (short <= 0) return;
    ex.memory.grow(Math.ceil(short / PAGE));
    bytes = Buffer.from(ex.memory.buffer);
    words = new Int32Array(ex.memory.buffer);
  }

  function loadSample(sample: WalkSample): boolean {
    if (loaded === sample) return true;
    let l = samples.get(sample);
    if (l === undefined) samples.set(sample, (l = loadable(sample)));
    if (!l) return false;
    // The sample and its end mark, its allowances, its spans (walk.wat reads up to READ_PAST bytes past each).
    const n = l.bytes.length;
    const allowAt = align8(SAMPLE_AT + n + READ_PAST);
    const spansAt = align8(allowAt + n + READ_PAST);
    sampleEnd = spansAt + l.spans.byteLength;
    reserve(sampleEnd);
    bytes.set(l.bytes, SAMPLE_AT);
    bytes[SAMPLE_AT + n] = END_MARK;
    words.set(l.spans, spansAt / 4);
    ex.sample(SAMPLE_AT, n, allowAt, spansAt, l.spans.length / 4);
    if (l.allow) {
      bytes.set(l.allow, allowAt);
      bytes.fill(0, allowAt + n, allowAt + n + READ_PAST);
    } else {
      ex.allow();
      // A copy (a Buffer's slice is a view of the memory, which the next sample overwrites).
      l.allow = new Uint8Array(ex.memory.buffer.slice(allowAt, allowAt + n));
    }
    loaded = sample;
    return true;
  }

  return {
    load(sample, output, names) {
      if (names.length > MAX_NAMES || output.length > MAX_OUTPUT || !loadSample(sample)) return false;
      let chars = 0;
      for (const w of names) chars += w.length;
      const outputAt = align8(sampleEnd + chars);
      // The end mark, and walk.wat reads past a text.
      reserve(outputAt + output.length + READ_PAST);
      let at = sampleEnd;
      for (let q = 0; q < names.length; q++) {
        const w = names[q];
        words[NAMES_AT / 4 + q * 2] = at;
        // A longer name that begins with this one (names are longest first) would be taken where
        // the character after goes on with it: walk.wat's shortcut is for other places only.
        let after = 0;
        let shortcut = 1;
        for (let p = 0; p < q; p++) {
          if (!names[p].startsWith(w)) continue;
          const c = names[p].charCodeAt(w.length);
          if (after && after !== c) shortcut = 0;
          after = c;
        }
        words[NAMES_AT / 4 + q * 2 + 1] = w.length | (after << 16) | (shortcut << 24);
        for (let k = 0; k < w.length; k++) {
          const c = w.charCodeAt(k);
          if (c > 127) return false;
          bytes[at++] = c;
        }
      }
      // As many UTF-8 bytes as characters: every one is ASCII, and its Latin-1 byte is it (a native
      // count, then a copy: half the time of writing it as UTF-8, which encodes each character).
      if (Buffer.byteLength(output, 'utf8') !== output.length) return false;
      bytes.write(output, outputAt, output.length, 'latin1');
      bytes[outputAt + output.length] = END_MARK;
      ex.output(outputAt, output.length, NAMES_AT, names.length);
      return true;
    },
    walk: (i, ps, px) => ex.walk(i, ps, px) === 1,
    get i() {
      return words[STOPPED_WORD];
    },
    get ps() {
      return words[STOPPED_WORD + 1];
    },
    get px() {
      return words[STOPPED_WORD + 2];
    },
  };
}

let made = false;
let shared: FastWalk | undefined;

/** The one fast walk of this process, or undefined without WebAssembly. */
export function fastWalk(): FastWalk | undefined {
  if (!made) {
    made = true;
    shared = typeof WebAssembly === 'object' ? create() : undefined;
  }
  return shared;
}
