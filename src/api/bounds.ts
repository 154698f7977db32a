// Every bound catop puts on what an endpoint sends, in one place. Real values are far below each
// bound; the bounds exist so a broken or hostile endpoint cannot make one field, one response or
// one error line cost more than a screenful. Cut text ends with a visible marker.
import { createHash } from 'node:crypto';

/** Ids, codes, statuses, RequestIds: real ones are under 64 characters. */
export const MAX_ID_CHARS = 256;
/** Names and texts (CommandName, Frequency, Username, Parameters, ErrorInfo, WorkingDir, tags). */
export const MAX_TEXT_CHARS = 4096;
/** Decoded CommandContent: the API takes at most 18 KB of Base64 (about 13.5 KB of script). */
export const MAX_CONTENT_CHARS = 64 * 1024;
/** Decoded Output: the service keeps at most 24 KB of it; one character per byte at worst. */
export const MAX_OUTPUT_CHARS = 32 * 1024;
/** NextToken is sent back as it came, so it is refused when longer rather than cut. */
export const MAX_TOKEN_CHARS = 4096;
/** Each field of an error line (Message, Recommend) after redaction. */
export const MAX_ERROR_TEXT_CHARS = 300;

/**
 * Bytes of one response as received (headers, framing and a compressed body included), and of its
 * body once decompressed. The largest real page is one invocation on 100 instances with 24 KB of
 * output each, Base64: about 3.3 MB.
 */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
export const MAX_DECODED_BYTES = 8 * 1024 * 1024;

/** Characters a cut read so far (the whole input for an id, which is hashed): a work meter for tests. */
let charsRead = 0;
export function cutWork(): number {
  return charsRead;
}

/** The end of a cut at `end` that does not split a surrogate pair. */
export function cutEnd(text: string, end: number): number {
  const c = text.charCodeAt(end - 1);
  return c >= 0xd800 && c <= 0xdbff ? end - 1 : end;
}

/** `text` cut to at most `max` characters plus a `… [N more]` marker. */
export function cutText(text: string, max = MAX_TEXT_CHARS): string {
  if (text.length <= max) return text;
  const end = cutEnd(text, max);
  charsRead += end;
  return `${text.slice(0, end)}… [${text.length - end} more]`;
}

const ID_HASH_CHARS = 12;

/**
 * An id cut to at most `MAX_ID_CHARS`: a prefix, `…#` and a hash of the whole id, so ids that
 * differ only after the cut stay distinct in the store.
 */
export function cutId(id: string, max = MAX_ID_CHARS): string {
  if (id.length <= max) return id;
  charsRead += id.length;
  const hash = createHash('sha256').update(id).digest('hex').slice(0, ID_HASH_CHARS);
  const end = cutEnd(id, max - ID_HASH_CHARS - 2);
  return `${id.slice(0, end)}…#${hash}`;
}
