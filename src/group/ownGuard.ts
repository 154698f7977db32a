/**
 * Where another instance's own name would mask as its own in a text that template.ts's walk
 * shows to be the sample's but for noise. An own name is masked before any kind of noise, as a
 * whole word (fingerprint.ts's `ownHits`): in the other output it can stand where the sample has
 * plain text, or noise, or both, and there the two mask differently though the walk sees only
 * noise. A template keeps the words of such places; an output whose own name is one of them is
 * masked whole.
 */
import { ID_KINDS } from './fingerprint.js';
import { isAlnum, isDigit, isHex, isWholeWord } from './noiseRules.js';

/** The own-name kind of span in a template's spans (the regular kinds are indexes in the mask's kinds). */
export const OWN = -1;

export interface OwnGuard {
  /** Words (lower case) where another instance's own name would be masked as its own (`wordsOf`). */
  words: ReadonlySet<string>;
  /** In loose mode, the shapes (`shapeOf`) of the words noise touches: there any digits are noise (`addSpanWords`). */
  shapes?: ReadonlySet<string>;
  /** Words that are part noise and part text, or end before a dot inside noise, by length, as `partialKey` writes them (`addPartials`). */
  partials?: ReadonlyMap<number, readonly string[]>;
}

/** What the guard reads of a template: its text's codes, its spans (start, end, kind) and where hex digits may swap. */
export interface GuardedSample {
  text: string;
  codes: Uint16Array;
  spans: Int32Array;
  hexSwaps: Uint8Array;
}

/** Characters an own name may hold for the guard to cover it. */
const NAME_CHARS = /^[\w.:-]+$/;

/** Adds `w` (unless not `self`) and its parts before each dot, where an own name is a whole word too, each as `as` makes it. */
function addWord(words: Set<string>, w: string, as: (w: string) => string = (x) => x, self = true): void {
  if (self) words.add(as(w));
  for (let dot = w.indexOf('.'); dot > 0; dot = w.indexOf('.', dot + 1)) words.add(as(w.slice(0, dot)));
}

/** Adds to `words` each word of `text` (lower case) and its parts before each dot. */
function wordsOf(text: string, words: Set<string>): void {
  for (const token of text.toLowerCase().match(/[\w.:-]+/g) ?? []) addWord(words, token);
}

/**
 * Adds to `words` the sample's words that a span of noise touches: there another instance's own
 * name is masked as its own before any kind of noise, which the walk does not show (a host `dec`
 * in `Dec 12`; in loose mode `fe80::1` in `fe80::1.25ms`). Words outside every span are in the
 * masked text's already.
 *
 * Masked: the words inside each span without a digit (with one, its digits are the sample's
 * noise), by one expression over the spans' texts. Loose: any digits are noise, so each word a
 * span touches is added by its shape (`shapeOf`), but for its own names (there the other's own
 * names are expected) and noise that is the word whole (another's name there masks as one noise
 * too; its parts before a dot are kept).
 */
function addSpanWords(text: string, spans: Int32Array, mode: 'masked' | 'loose', words: Set<string>): void {
  if (mode === 'masked') {
    const inside: string[] = [];
    for (let i = 0; i < spans.length; i += 3) if (spans[i + 2] !== OWN) inside.push(text.slice(spans[i], spans[i + 1]));
    for (const w of inside.join(' ').toLowerCase().match(LETTER_WORDS) ?? []) addWord(words, w);
    return;
  }
  const parts: string[] = [];
  const whole = new Map<number, number>();
  let done = 0;
  for (let i = 0; i < spans.length; i += 3) {
    const [start, end, kind] = [spans[i], spans[i + 1], spans[i + 2]];
    if (kind !== OWN) {
      if (isWholeWord(text, start, end)) whole.set(start, end);
      continue;
    }
    parts.push(text.slice(done, start), ' '.repeat(end - start));
    done = end;
  }
  parts.push(text.slice(done));
  const bare = parts.join('').toLowerCase();
  const token = /[\w.:-]+/g;
  for (let m = token.exec(bare); m; m = token.exec(bare)) addWord(words, m[0], shapeOf, whole.get(m.index) !== token.lastIndex);
}

/** Words of `[\w.:-]` with no digit (and the part of one before a dot, when that part has none). */
const LETTER_WORDS = /(?<![\w.:-])[a-z_.:-]*[a-z_][a-z_.:-]*(?![\w:-])/g;

/** A word with each run of digits as one `0`: in loose mode `web-01` may stand where `web-2` is. */
const shapeOf = (w: string) => w.replace(/\d+/g, '0');

/** `[\w.:-]`, what an own name is made of and what joins it to a word before it, by code (a look-up: this runs once per span before the code is warm). */
const NAME_CHAR = Uint8Array.from({ length: 128 }, (_, c) => Number(isAlnum(c) || c === 95 || c === 46 || c === 58 || c === 45));

/** Where the walk lets the output's character differ from the sample's inside a span: marks `partialKey` writes. */
const ANY = '\u0001';
const A_DIGIT = '\u0002';
const ALNUM = '\u0003';
const A_HEX = '\u0004';

/**
 * The word from `a` to `b` of the sample as what the walk lets another output have there: its
 * characters (lower case), but a mark where the walk may take another (any inside an own name; a
 * digit for a digit; in an id a letter or digit for one; a hex digit for one where `hexSwaps`).
 * Words that come out alike are checked alike. Where no span there is an own name, an id or
 * `hexSwaps`, each digit is marked (one native pass; a digit outside noise marked too only makes
 * the guard take more names than it must).
 */
function partialKey(sample: GuardedSample, a: number, b: number, first: number): string {
  const { text, codes, spans, hexSwaps } = sample;
  let plain = true;
  for (let i = first; i * 3 < spans.length && spans[i * 3] < b; i++) {
    if (spans[i * 3 + 2] === OWN || ID_KINDS.has(spans[i * 3 + 2]) || hexSwaps[i] === 1) plain = false;
  }
  if (plain) return text.slice(a, b).toLowerCase().replace(/\d/g, A_DIGIT);
  let key = '';
  let i = first;
  for (let p = a; p < b; p++) {
    while (i * 3 < spans.length && spans[i * 3 + 1] <= p) i++;
    const c = codes[p];
    if (i * 3 >= spans.length || spans[i * 3] > p) key += text[p].toLowerCase();
    else if (spans[i * 3 + 2] === OWN) key += ANY;
    else if (isDigit(c)) key += A_DIGIT;
    else if (ID_KINDS.has(spans[i * 3 + 2]) && isAlnum(c)) key += ALNUM;
    else if (hexSwaps[i] === 1 && isHex(c)) key += A_HEX;
    else key += text[p].toLowerCase();
  }
  return key;
}

/**
 * Adds the sample's words that noise is part of but not the whole of: an own name of another
 * output that is such a word masks as its own there, where the sample's masks as text and noise
 * (`fe80::1` in `fe80::1.6m47s`, which masks as `fe80::<*>`). Such a name is a whole word: from
 * the word's start to its end or to a dot in it.
 */
function addPartials(sample: GuardedSample, partials: Map<number, Set<string>>): void {
  const { codes, spans } = sample;
  let wordEnd = -1;
  for (let i = 0; i < spans.length; i += 3) {
    const start = spans[i];
    const end = spans[i + 1];
    if (spans[i + 2] === OWN || start < wordEnd) continue;
    let a = start;
    while (a > 0 && NAME_CHAR[codes[a - 1]] === 1) a--;
    let b = end;
    while (b < codes.length && NAME_CHAR[codes[b]] === 1) b++;
    wordEnd = b;
    // Most noise is its word whole: a name there masks as one noise, as the noise does. (A name
    // that is only a part of one noise word before a dot, as `10.0.0` of `10.0.0.5`, is no host
    // nor IP, and is not looked for.)
    if (a === start && b === end) continue;
    let first = i / 3;
    while (first > 0 && spans[first * 3 - 2] > a) first--;
    for (let stop = a + 1; stop <= b; stop++) {
      if (stop < b && codes[stop] !== 46) continue;
      // Text alone before a span is in `words`; the span whole masks as one noise, as a name there would.
      if (stop <= start || (a === start && stop === end)) continue;
      const key = partialKey(sample, a, stop, first);
      const same = partials.get(key.length);
      if (same) same.add(key);
      else partials.set(key.length, new Set([key]));
    }
  }
}

/** `name` is a word `key` (`partialKey`) lets another output have. */
function fitsKey(key: string, name: string): boolean {
  for (let k = 0; k < key.length; k++) {
    const want = key[k];
    const c = name.charCodeAt(k);
    if (want === name[k] || want === ANY) continue;
    if (want === A_DIGIT ? isDigit(c) : want === ALNUM ? isAlnum(c) : want === A_HEX ? isHex(c) : false) continue;
    return false;
  }
  return true;
}

/** The guard of a sample with these spans and masked lines. */
export function ownGuardOf(sample: GuardedSample, maskedLines: readonly string[], mode: 'masked' | 'loose'): OwnGuard {
  const words = new Set<string>();
  // Masked, a fleet's lines repeat: each distinct line's words once.
  for (const line of new Set(maskedLines)) wordsOf(line, words);
  const shapes = mode === 'loose' ? new Set<string>() : undefined;
  addSpanWords(sample.text, sample.spans, mode, shapes ?? words);
  const partials = new Map<number, Set<string>>();
  addPartials(sample, partials);
  return {
    words,
    shapes,
    partials: partials.size ? new Map([...partials].map(([length, keys]) => [length, [...keys]])) : undefined,
  };
}

/** One of `names` (`ownWords`) could be masked as an own name where the sample has text or noise. */
export function mayMaskAsOwn(guard: OwnGuard, names: readonly string[]): boolean {
  for (const w of names) {
    if (!NAME_CHARS.test(w) || guard.words.has(w) || guard.shapes?.has(shapeOf(w))) return true;
    const keys = guard.partials?.get(w.length);
    if (keys) for (const key of keys) if (fitsKey(key, w)) return true;
  }
  return false;
}
