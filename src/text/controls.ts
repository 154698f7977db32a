/**
 * How a control character or an invisible code point is shown: never applied, always visible.
 */

/** `^@`..`^_` for C0 and `^?` for DEL, as `cat -v` and the tty's own echo show them. */
export function caretNotation(code: number): string {
  return code === 0x7f ? '^?' : '^' + String.fromCharCode(code + 0x40);
}

/** A visible `<U+XXXX>` stand-in for a code point that would otherwise act or hide. */
export function codePointMarker(codePoint: number): string {
  return '<U+' + codePoint.toString(16).toUpperCase().padStart(4, '0') + '>';
}

/** C0 and DEL in caret notation, anything else (C1, line separators) as a `<U+XXXX>` marker. */
export function controlText(code: number): string {
  return code < 0x20 || code === 0x7f ? caretNotation(code) : codePointMarker(code);
}

/**
 * Code points that take no cell yet change what is seen: bidi overrides and isolates (Trojan
 * Source reordering), zero-width characters, soft hyphen, Hangul fillers, tag characters (ASCII
 * smuggling). That is every format character and every default-ignorable code point, except the
 * variation selectors, which only pick a glyph form of the character before them (emoji
 * presentation, CJK ideographic variants, Mongolian forms).
 * Built with `new RegExp` because the `v` flag (set subtraction) is newer than our TS target.
 */
export const MARKED_CODE_POINT = new RegExp(
  '[[\\p{Cf}\\p{Default_Ignorable_Code_Point}\\u115F\\u1160\\u3164\\uFFA0]--[\\uFE00-\\uFE0F\\u{E0100}-\\u{E01EF}\\u180B-\\u180D\\u180F]]',
  'v',
);

/** Whether a grapheme holds a code point that must be shown as a marker. */
export function hasMarkedCodePoint(text: string): boolean {
  return MARKED_CODE_POINT.test(text);
}
