/** Cloud Assistant returns Output and CommandContent as Base64 of whatever bytes the command wrote. */

const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * Decodes Base64 as UTF-8: invalid or truncated byte sequences become U+FFFD (output is cut at a
 * byte limit, often in the middle of a character); whitespace and missing padding are tolerated.
 */
export function decodeBase64Utf8(b64: string): string {
  if (typeof b64 !== 'string' || b64 === '') return '';
  const compact = b64.replace(/\s+/g, '');
  return utf8.decode(Buffer.from(compact, 'base64'));
}
