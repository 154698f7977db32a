// JSON lines for scripts: one document per line, escaped so that printing it to a terminal
// applies and hides nothing. Shared by the CLI's modes and the grouping formats.
import { isoTime } from '../clock.js';
import { MARKED_CODE_POINT } from './controls.js';

/** Fields of the model that hold epoch ms; JSON gives them as ISO 8601 UTC, as the API does. */
const TIME_FIELDS = new Set(['creationTime', 'startTime', 'finishTime', 'stopTime', 'updateTime']);

function isoForJson(key: string, value: unknown): unknown {
  if (!TIME_FIELDS.has(key) || typeof value !== 'number' || !Number.isFinite(value)) return value;
  // Milliseconds only when there are any: the API's own times are whole seconds.
  return isoTime(value, true) ?? value;
}

// DEL, C1, U+2028/U+2029, and every invisible or reordering code point (bidi overrides and
// isolates, zero-width characters, BOM, tag characters: the set src/text marks on screen).
const JSON_ESCAPED = new RegExp(`[\\u007f-\\u009f\\u2028\\u2029]|${MARKED_CODE_POINT.source}`, 'gv');

function escapeUnits(c: string): string {
  let out = '';
  for (let k = 0; k < c.length; k++) out += `\\u${c.charCodeAt(k).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * One JSON document per line, times as ISO 8601 UTC strings. JSON.stringify escapes C0 controls
 * already; the rest of what could act on or hide in a terminal is escaped as \uXXXX too (the same
 * JSON value), so printing the line, `cat`-ing the file or `jq` output applies and hides nothing.
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value, isoForJson).replace(JSON_ESCAPED, escapeUnits) + '\n';
}
