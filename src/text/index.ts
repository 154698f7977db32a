/**
 * Every string from the network goes through this module before it reaches Ink: Ink passes OSC
 * 52 (clipboard), OSC 0/2 (title) and OSC 8 (links) straight through, and \r, \b, tab and SO
 * break its layout. Pure functions, no React, no Ink.
 */
export type { DisplayLine, DisplayOptions, StyledSpan } from './types.js';
export { toDisplayLines, OVERWRITTEN_MARK } from './lines.js';
export { sanitizeInline } from './inline.js';
export { jsonLine } from './json.js';
export { displayWidth, truncateToWidth, fitToWidth, wrapToWidth } from './width.js';
export { decodeBase64Utf8 } from './base64.js';
export { droppedMarker, SERVICE_OUTPUT_LIMIT } from './cut.js';
