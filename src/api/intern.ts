// Strings from a parsed response are cut from the response body (json-bigint takes `substring`s,
// which V8 keeps as "sliced strings" pointing into the whole ~40 KB body), and the same few values
// (command names and contents, instance ids, working dirs, error texts) come back on every row of
// every page. Normalising through here makes each stored string an own copy that pins nothing,
// and one copy per distinct value instead of one per invocation or instance.

/**
 * A copy of `text` that shares no memory with it: a flat string that does not keep a larger
 * string (a response body) alive.
 */
export function ownString(text: string): string {
  // Strings under 13 characters are never sliced or concatenated in V8: already their own copy.
  if (text.length < 13) return text;
  // JSON's round trip makes a flat, exact copy (lone surrogates included) with no extra header;
  // for long text the escaping costs more, and a slice of a flattened copy is as good.
  if (text.length <= 256) return JSON.parse(JSON.stringify(text)) as string;
  return (' ' + text).slice(1);
}

export interface InternTableOptions {
  /** Distinct values per generation. */
  maxEntries?: number;
  /** Characters per generation, summed over its values. */
  maxChars?: number;
  /** Longer values are copied, not shared. */
  maxLength?: number;
}

export const DEFAULT_INTERN_ENTRIES = 20_000;
export const DEFAULT_INTERN_CHARS = 4_000_000;
export const DEFAULT_INTERN_MAX_LENGTH = 64 * 1024;

/**
 * One shared copy per distinct string, bounded. Values live in two generations: lookups look in
 * the young one, then the old one (moving a hit to the young one); when the young one is full it
 * becomes the old one and the previous old one is dropped. Values in use stay shared; values not
 * seen for a generation are forgotten (what still uses them keeps its copy). The table never holds
 * more than twice its limits.
 */
export class InternTable {
  private young = new Map<string, string>();
  private old = new Map<string, string>();
  private youngChars = 0;
  private oldChars = 0;
  private readonly maxEntries: number;
  private readonly maxChars: number;
  private readonly maxLength: number;

  constructor(opts: InternTableOptions = {}) {
    this.maxEntries = Math.max(1, opts.maxEntries ?? DEFAULT_INTERN_ENTRIES);
    this.maxChars = Math.max(1, opts.maxChars ?? DEFAULT_INTERN_CHARS);
    this.maxLength = Math.max(0, opts.maxLength ?? DEFAULT_INTERN_MAX_LENGTH);
  }

  /** The shared copy of `text` (an own copy: never a slice of `text`'s source). */
  intern(text: string): string {
    const hit = this.young.get(text);
    if (hit !== undefined) return hit;
    if (text.length > this.maxLength) return ownString(text);
    const kept = this.old.get(text);
    const value = kept ?? ownString(text);
    if (kept !== undefined) {
      this.old.delete(text);
      this.oldChars -= kept.length;
    }
    if (this.young.size >= this.maxEntries || this.youngChars + value.length > this.maxChars) this.rotate();
    this.young.set(value, value);
    this.youngChars += value.length;
    return value;
  }

  /** Whether the table holds `text` now. */
  has(text: string): boolean {
    return this.young.has(text) || this.old.has(text);
  }

  /** Distinct values held (both generations). */
  get size(): number {
    return this.young.size + this.old.size;
  }

  /** Characters held (both generations). */
  get chars(): number {
    return this.youngChars + this.oldChars;
  }

  clear(): void {
    this.young = new Map();
    this.old = new Map();
    this.youngChars = 0;
    this.oldChars = 0;
  }

  private rotate(): void {
    this.old = this.young;
    this.oldChars = this.youngChars;
    this.young = new Map();
    this.youngChars = 0;
  }
}

/** The table normalisation shares values through (one per process, like the store). */
export const responseStrings = new InternTable();
