// The one routine that makes untrusted or secret-bearing text fit to print on one line: error
// fields from the network, library messages that may quote a request or a credentials file, a
// fatal error's line. Escape sequences go whole (through text/, as command output does), then URLs,
// signed-request fragments and known secret values, then the result is cut to a bound.
import { sanitizeInline } from '../text/inline.js';
import { MAX_ERROR_TEXT_CHARS, cutEnd } from './bounds.js';

/** Values that must never be printed (the credentials in use). */
export type Secrets = readonly (string | undefined)[];

export interface RedactOptions {
  /** Characters kept (default 300); longer text ends in '…'. */
  max?: number;
  /** What stands for a removed value (default `<redacted>`). */
  mask?: string;
}

const URL_RE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi;
// Signed-request and credential fragments, plain or URL-encoded, with whatever value follows.
const SECRET_FIELD_RE =
  /\b(AccessKeyId|AccessKeySecret|SecurityToken|Signature|SignatureNonce|secretAccessKey|secret|token|password)(["']?\s*(?:=|%3D|:)\s*["']?)(?:(?!%26)[^\s&"',;])+/gi;

function cutOut(text: string, secrets: Secrets, mask: string): string {
  let out = text;
  for (const s of secrets) {
    // Short values could match ordinary words; real keys and tokens are long.
    if (!s || s.length < 6) continue;
    if (out.includes(s)) out = out.split(s).join(mask);
    const enc = encodeURIComponent(s);
    if (enc !== s && out.includes(enc)) out = out.split(enc).join(mask);
  }
  return out;
}

/**
 * `text` as one printable line: escape sequences removed whole, other controls shown (caret
 * notation), the given secret values, URLs and `Name=value` credential fragments replaced by
 * `mask`, white space collapsed, at most `max` characters. Linear in the length of `text`.
 */
export function redact(text: string, secrets: Secrets = [], opts: RedactOptions = {}): string {
  const mask = opts.mask ?? '<redacted>';
  const max = opts.max ?? MAX_ERROR_TEXT_CHARS;
  // Sanitised first: an escape sequence inside a token or a URL must not save it.
  const clean = sanitizeInline(String(text)).replace(URL_RE, '<url>').replace(SECRET_FIELD_RE, `$1$2${mask}`);
  const out = cutOut(clean, secrets, mask).replace(/\s+/g, ' ').trim();
  return out.length > max ? `${out.slice(0, cutEnd(out, max - 1))}…` : out;
}
