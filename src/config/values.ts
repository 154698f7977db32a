// Parsers for flag values. Each returns the typed value or throws a UsageError whose one line
// names the flag, the allowed values and what was given.
import { COMMAND_TYPES, INVOCATION_STATUSES, INVOKE_STATUSES, type InvocationStatus, type InvokeStatus } from '../api/wire.js';
import { legacyInvokeStatus } from '../api/status.js';
import { UsageError } from './errors.js';

/** Quote a user value for an error line: bounded, and with controls made visible. */
export function shown(value: string): string {
  if (/^[\x21-\x7e]{1,60}$/.test(value) && !value.includes('"')) return value;
  const cut = value.length > 60 ? `${value.slice(0, 60)}...` : value;
  return JSON.stringify(cut).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function parseIntegerInRange(flag: string, raw: string, min: number, max: number): number {
  const text = raw.trim();
  const n = Number(text);
  if (!/^[+]?\d+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} must be an integer from ${min} to ${max} (got ${shown(raw)})`);
  }
  return n;
}

/** A positive decimal number such as `2` or `0.5`, at most `max`. */
export function parsePositiveNumber(flag: string, raw: string, unit: string, max: number): number {
  const text = raw.trim();
  const n = Number(text);
  if (!/^[+]?(\d+(\.\d*)?|\.\d+)$/.test(text) || !Number.isFinite(n) || n <= 0 || n > max) {
    throw new UsageError(`${flag} must be a number of ${unit} greater than 0 and at most ${max}, e.g. 2 or 0.5 (got ${shown(raw)})`);
  }
  return n;
}

function pickCaseInsensitive<T extends string>(flag: string, raw: string, allowed: readonly T[]): T {
  const wanted = raw.trim().toLowerCase();
  const hit = allowed.find((v) => v.toLowerCase() === wanted);
  if (!hit) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got ${shown(raw)})`);
  return hit;
}

/**
 * Every `--status` value: the API's `InvokeStatus` values, then the screen's other `InvocationStatus`
 * values. `Unknown` stands for values the API page does not list: nothing to ask the API for.
 */
export const STATUS_VALUES: readonly string[] = [
  ...new Set<string>([...INVOKE_STATUSES, ...INVOCATION_STATUSES.filter((s) => s !== 'Unknown')]),
];

export interface StatusChoice {
  /** Sent to DescribeInvocations: the InvokeStatus that covers what was asked. */
  invokeStatus: InvokeStatus;
  /** Kept only when the API value is wider than what was asked (e.g. Scheduled inside Running). */
  localStatus?: InvocationStatus;
}

/**
 * `--status`: a value the API filters by (Running, Finished, Failed, PartialFailed, Stopped, with
 * the API's meaning: Running is every invocation in progress) or one the list shows (Pending,
 * Scheduled, Stopping, Success), sent as the InvokeStatus that covers it and narrowed locally.
 */
export function parseStatusFilter(raw: string): StatusChoice {
  const hit = pickCaseInsensitive('--status', raw, STATUS_VALUES);
  const api = INVOKE_STATUSES.find((v) => v === hit);
  if (api) return { invokeStatus: api };
  const shown = hit as InvocationStatus;
  return { invokeStatus: legacyInvokeStatus(shown), localStatus: shown };
}

export function parseCommandType(raw: string): string {
  return pickCaseInsensitive('--command-type', raw, COMMAND_TYPES);
}

/** `--timed` alone means true; `--timed false` asks for one-time invocations only. */
export function parseBooleanFlag(flag: string, raw: string | boolean): boolean {
  if (typeof raw === 'boolean') return raw;
  const v = raw.trim().toLowerCase();
  if (v === 'true' || v === 'yes' || v === '1') return true;
  if (v === 'false' || v === 'no' || v === '0') return false;
  throw new UsageError(`${flag} takes true or false (got ${shown(raw)})`);
}

/** Ids and names sent as API filters: non-empty, printable, bounded. */
export function parseFilterText(flag: string, raw: string): string {
  const v = raw.trim();
  if (v === '' || v.length > 256 || /[\u0000-\u001f\u007f-\u009f]/.test(v)) {
    throw new UsageError(`${flag} needs a non-empty value of at most 256 printable characters (got ${shown(raw)})`);
  }
  return v;
}

/** Region ids are letters, digits and dashes (`cn-hangzhou`, `ap-southeast-1`). */
export function isValidRegionId(region: string): boolean {
  return /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/.test(region) && region.length <= 64;
}

export function parseRegionId(source: string, raw: string): string {
  const v = raw.trim();
  if (!isValidRegionId(v)) {
    throw new UsageError(`${source} must be a region id of letters, digits and dashes such as cn-hangzhou (got ${shown(raw)})`);
  }
  return v;
}

/** The most regions one copy watches (DescribeRegions lists about thirty). */
export const MAX_REGIONS = 32;

/**
 * `--region a,b` or `--region all`: the ids in order, each once ('all': the account's regions,
 * through DescribeRegions). One id alone is what `parseRegionId` returns.
 */
export function parseRegionList(source: string, raw: string): readonly string[] | 'all' {
  if (raw.trim().toLowerCase() === 'all') return 'all';
  if (!raw.includes(',')) return [parseRegionId(source, raw)];
  const ids = raw.split(',');
  if (ids.some((id) => id.trim() === '')) {
    throw new UsageError(`${source} takes region ids separated by commas, such as cn-hangzhou,cn-shanghai, or all (got ${shown(raw)})`);
  }
  const unique = [...new Set(ids.map((id) => parseRegionId(source, id)))];
  if (unique.length > MAX_REGIONS) throw new UsageError(`${source} takes at most ${MAX_REGIONS} regions (got ${unique.length})`);
  return unique;
}
