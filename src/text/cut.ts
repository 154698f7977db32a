/**
 * The service keeps the first 24 KB of an instance's output and counts the rest as Dropped: the
 * marker goes after the last line kept, where the text was cut, in every mode that shows output.
 */
export const SERVICE_OUTPUT_LIMIT = '24 KB';

/** `… 15,467 bytes dropped by the service (24 KB limit)`; empty when nothing was dropped. */
export function droppedMarker(dropped: number): string {
  if (!(dropped > 0)) return '';
  return `… ${dropped.toLocaleString('en-US')} bytes dropped by the service (${SERVICE_OUTPUT_LIMIT} limit)`;
}
