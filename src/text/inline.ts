/** Untrusted single-line fields (CommandName, ErrorInfo, InstanceId, Parameters...) to one safe line. */
import { controlText } from './controls.js';
import { scanText } from './escapes.js';
import { forEachGlyph } from './glyphs.js';

/** Shown where a field holds a line break. */
export const INLINE_NEWLINE = '⏎';

/**
 * One safe line: escape sequences removed, line breaks (LF, CRLF, U+2028, U+2029, U+0085) shown
 * as '⏎', every other control in caret notation (a lone CR as ^M, tab as ^I), invisible and
 * bidi characters as `<U+XXXX>`.
 */
export function sanitizeInline(text: string | undefined | null): string {
  if (text === undefined || text === null || text === '') return '';
  const parts: string[] = [];
  let crPending = false;
  const flushCr = () => {
    if (crPending) parts.push('^M');
    crPending = false;
  };
  const put = (glyph: string) => {
    parts.push(glyph);
  };
  scanText(String(text), false, {
    text(run, ascii) {
      flushCr();
      if (ascii) parts.push(run);
      else forEachGlyph(run, false, put);
    },
    control(code) {
      flushCr();
      parts.push(controlText(code));
    },
    carriageReturn() {
      flushCr();
      crPending = true;
    },
    tab() {
      flushCr();
      parts.push('^I');
    },
    newline() {
      crPending = false; // CRLF is one line break
      parts.push(INLINE_NEWLINE);
    },
    sgr() {},
  });
  flushCr();
  return parts.join('');
}
