// Wire responses (untrusted JSON parsed by json-bigint: null-prototype objects, BigNumber for long
// numbers) -> the typed model. Anything structurally wrong raises MalformedResponse rather than
// crashing or returning a silently empty list; small oddities (lower-case statuses, a single object
// where a list belongs, numbers as strings) are tolerated.
// Every string in the result is an own copy (none is a slice that keeps the response body alive),
// and values that repeat across rows (command, instance, user, error texts) are one shared copy
// from `responseStrings`: the store holds 100,000 invocations of a few dozen distinct commands.
// Every string is cut to its bound (./bounds.ts) before anything else looks at it.
import { decodeBase64Utf8 } from '../text/base64.js';
import { sanitizeInline } from '../text/inline.js';
import { MAX_CONTENT_CHARS, MAX_ID_CHARS, MAX_OUTPUT_CHARS, MAX_TOKEN_CHARS, cutId, cutText } from './bounds.js';
import { ApiError } from './errors.js';
import { ownString, responseStrings } from './intern.js';
import { canonicalInstanceStatus, canonicalMap, newestFirst, overallStatus } from './status.js';
import { INVOCATION_STATUSES, INVOKE_STATUSES } from './wire.js';
import type { InstanceStatus, InvocationStatus } from './wire.js';
import type { InstanceResult, Invocation, InvocationPage, InvocationResultPage } from './model.js';

export interface NormalizeOptions {
  /** Encoding of CommandContent and Output in this response (the request's; API default Base64). */
  encoding: 'PlainText' | 'Base64';
  /** Whether the request asked for output: only then is `output` set (possibly to ""). */
  withOutput: boolean;
}

type Obj = Record<string, unknown>;

export function malformed(what: string): ApiError {
  return new ApiError({
    code: 'MalformedResponse',
    kind: 'malformed',
    retryable: true,
    message: `Unexpected response from the API: ${what}`,
  });
}

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isBigNumber(v);
}

/** json-bigint's BigNumber (numbers over 15 digits): has `toFixed`/`toString`, `s`, `e`, `c`. */
function isBigNumber(v: unknown): v is { toString(): string } {
  return typeof v === 'object' && v !== null && typeof (v as { toFixed?: unknown }).toFixed === 'function' && 'c' in v && 'e' in v;
}

/** A non-empty string; numbers and BigNumbers are accepted as their decimal text. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (isBigNumber(v)) return v.toString();
  return undefined;
}

/** `text` cut to a name's or text's bound, as the shared copy of a value that repeats across rows. */
export function shared(v: unknown): string | undefined {
  const s = text(v);
  return s === undefined ? undefined : responseStrings.intern(cutText(s));
}

/** `shared` for ids and codes: cut to an id's bound, distinct ids staying distinct. */
export function sharedId(v: unknown): string | undefined {
  const s = text(v);
  return s === undefined ? undefined : responseStrings.intern(cutId(s));
}

/** `text` as an own copy of an id unique to its row (RequestId). */
export function ownedId(v: unknown): string | undefined {
  const s = text(v);
  return s === undefined ? undefined : ownString(cutId(s));
}

/** A finite number from a number, numeric string or BigNumber. */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  if (isBigNumber(v)) {
    const n = Number(v.toString());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** ISO-8601 text -> epoch ms; invalid or empty -> undefined. */
export function epochMs(v: unknown): number | undefined {
  const s = text(v);
  if (s === undefined) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

function bool(v: unknown): boolean {
  return v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
}

/** A list field: an array, a single object (XML-to-JSON quirk), or absent (-> undefined). */
export function list(v: unknown, what: string): unknown[] | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (Array.isArray(v)) return v;
  if (isObj(v)) return [v];
  throw malformed(`${what} is not a list`);
}

/** Decoded text; plain text may still be a slice of the response body (callers copy or share it). */
function decode(v: unknown, encoding: NormalizeOptions['encoding']): string | undefined {
  const s = text(v);
  if (s === undefined) return undefined;
  return encoding === 'Base64' ? decodeBase64Utf8(s) : s;
}

/** Output: unique per instance and up to 24 KB, so copied rather than shared. */
function decodeOutput(v: unknown, encoding: NormalizeOptions['encoding']): string {
  const s = decode(v, encoding);
  if (s === undefined) return '';
  const cut = cutText(s, MAX_OUTPUT_CHARS);
  // Base64 decodes into a new string already.
  return encoding === 'Base64' && cut === s ? s : ownString(cut);
}

/** Looked up by network text: a Map, so `constructor` or `__proto__` find nothing. */
const LEGACY_TO_INSTANCE = new Map<string, InstanceStatus>([
  ['running', 'Running'],
  ['finished', 'Success'],
  ['success', 'Success'],
  ['failed', 'Failed'],
  ['partialfailed', 'Failed'],
  ['stopped', 'Stopped'],
  ['stopping', 'Stopping'],
  ['pending', 'Pending'],
]);

const CANONICAL_OVERALL = canonicalMap(INVOCATION_STATUSES);
const CANONICAL_LEGACY = canonicalMap(INVOKE_STATUSES);

function canonicalLegacy(v: unknown): string | undefined {
  const s = text(v);
  if (s === undefined) return undefined;
  return CANONICAL_LEGACY.get(s.trim().toLowerCase()) ?? responseStrings.intern(cutId(s));
}

/** A status value catop does not know, safe to show: bounded, escapes removed, controls visible. */
function statusValue(v: unknown): string | undefined {
  const s = text(v);
  return s === undefined ? undefined : responseStrings.intern(sanitizeInline(cutText(s, MAX_ID_CHARS)));
}

interface Status<S> {
  status: S;
  value?: string;
}

/**
 * Per-instance progress; falls back to the legacy status when the field is missing or unknown.
 * A status known to neither is kept as Unknown with its value: one odd row must not hide the page.
 */
function instanceStatus(progress: unknown, legacy: unknown): Status<InstanceStatus> {
  const direct = canonicalInstanceStatus(text(progress));
  if (direct) return { status: direct };
  const l = text(legacy);
  const fallback = l === undefined ? undefined : LEGACY_TO_INSTANCE.get(l.trim().toLowerCase());
  if (fallback) return { status: fallback };
  return { status: 'Unknown', value: statusValue(progress) ?? statusValue(legacy) };
}

function exitCode(v: unknown): number | null {
  const n = num(v);
  return n === undefined ? null : n;
}

/** A required id, as an own copy (`share`: the shared copy, for ids that repeat across rows). */
export function requireId(v: unknown, field: string, where: string, share = false): string {
  const s = text(v);
  if (s === undefined) throw malformed(`${where} has no ${field}`);
  const id = cutId(s);
  return share ? responseStrings.intern(id) : ownString(id);
}

function common(o: Obj, opts: NormalizeOptions) {
  return {
    exitCode: exitCode(o.ExitCode),
    errorCode: sharedId(o.ErrorCode),
    errorInfo: shared(o.ErrorInfo),
    output: opts.withOutput ? decodeOutput(o.Output, opts.encoding) : undefined,
    dropped: num(o.Dropped) ?? 0,
    repeats: num(o.Repeats) ?? 0,
    startTime: epochMs(o.StartTime),
    finishTime: epochMs(o.FinishTime) ?? epochMs(o.FinishedTime),
    stopTime: epochMs(o.StopTime),
    containerId: sharedId(o.ContainerId),
    containerName: shared(o.ContainerName),
  };
}

/** A copy without undefined fields (absent stays absent; `delete` would slow the objects down). */
export function dropUndefined<T extends object>(o: T): T {
  const out = {} as Record<string, unknown>;
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out as T;
}

function invokeInstance(raw: unknown, invokeId: string, opts: NormalizeOptions, where: string): InstanceResult {
  if (!isObj(raw)) throw malformed(`${where} is not an object`);
  const instanceId = requireId(raw.InstanceId, 'InstanceId', where, true);
  const st = instanceStatus(raw.InvocationStatus, raw.InstanceInvokeStatus);
  return dropUndefined<InstanceResult>({
    invokeId,
    instanceId,
    invocationStatus: st.status,
    statusValue: st.value,
    instanceInvokeStatus: canonicalLegacy(raw.InstanceInvokeStatus),
    ...common(raw, opts),
    creationTime: epochMs(raw.CreationTime),
    updateTime: epochMs(raw.UpdateTime),
  });
}

export function tags(v: unknown): Record<string, string> | undefined {
  if (!isObj(v)) return undefined;
  const items = list(v.Tag, 'Tags.Tag');
  if (!items) return undefined;
  const out: Record<string, string> = Object.create(null);
  for (const t of items) {
    if (!isObj(t)) continue;
    const k = shared(t.TagKey);
    if (k !== undefined) out[k] = shared(t.TagValue) ?? '';
  }
  return out;
}

export function normalizeInvocation(raw: unknown, opts: NormalizeOptions, index = 0): Invocation {
  const where = `Invocation[${index}]`;
  if (!isObj(raw)) throw malformed(`${where} is not an object`);
  const invokeId = requireId(raw.InvokeId, 'InvokeId', where);
  let instancesRaw: unknown[] = [];
  if (raw.InvokeInstances !== undefined && raw.InvokeInstances !== null && raw.InvokeInstances !== '') {
    if (!isObj(raw.InvokeInstances)) throw malformed(`${where}.InvokeInstances is not an object`);
    instancesRaw = list(raw.InvokeInstances.InvokeInstance, `${where}.InvokeInstances.InvokeInstance`) ?? [];
  }
  const instances = instancesRaw.map((r, i) => invokeInstance(r, invokeId, opts, `${where}.InvokeInstance[${i}]`));
  const legacy = canonicalLegacy(raw.InvokeStatus);
  const overall = deriveOverall(raw.InvocationStatus, instances, legacy);
  return dropUndefined<Invocation>({
    invokeId,
    commandId: sharedId(raw.CommandId),
    commandName: shared(raw.CommandName),
    commandType: sharedId(raw.CommandType),
    commandContent: content(raw.CommandContent, opts.encoding),
    creationTime: epochMs(raw.CreationTime),
    frequency: shared(raw.Frequency),
    timed: bool(raw.Timed),
    invocationStatus: overall.status,
    statusValue: overall.value,
    invokeStatus: legacy,
    parameters: parametersText(raw.Parameters),
    instances,
    username: shared(raw.Username),
    workingDir: shared(raw.WorkingDir),
    timeout: num(raw.Timeout),
    repeatMode: sharedId(raw.RepeatMode),
    launcher: sharedId(raw.Launcher),
    terminationMode: sharedId(raw.TerminationMode),
    containerId: sharedId(raw.ContainerId),
    containerName: shared(raw.ContainerName),
    tags: tags(raw.Tags),
  });
}

/** Decoded CommandContent, cut to its bound; shared, as few distinct commands run many times. */
function content(v: unknown, encoding: NormalizeOptions['encoding']): string | undefined {
  const s = decode(v, encoding);
  return s === undefined ? undefined : responseStrings.intern(cutText(s, MAX_CONTENT_CHARS));
}

/** Parameters is documented as a JSON string; some responses carry the object itself. */
function parametersText(v: unknown): string | undefined {
  if (!isObj(v)) return shared(v);
  let json: string;
  try {
    json = JSON.stringify(v);
  } catch {
    throw malformed('Parameters is nested too deeply');
  }
  return shared(json);
}

/**
 * The overall status as sent; when missing, derived by the API page's rule; when not one the
 * page lists, Unknown with its value.
 */
function deriveOverall(v: unknown, instances: InstanceResult[], legacy: string | undefined): Status<InvocationStatus> {
  const sent = text(v);
  if (sent !== undefined) {
    const direct = CANONICAL_OVERALL.get(sent.trim().toLowerCase());
    return direct ? { status: direct } : { status: 'Unknown', value: statusValue(sent) };
  }
  if (instances.length > 0) return { status: overallStatus(instances.map((i) => i.invocationStatus)) };
  switch (legacy) {
    case 'Finished':
      return { status: 'Success' };
    case 'Failed':
    case 'PartialFailed':
    case 'Stopped':
    case 'Running':
      return { status: legacy };
    default:
      return { status: 'Pending' };
  }
}

function pageFields(o: Obj) {
  return {
    totalCount: num(o.TotalCount),
    pageNumber: num(o.PageNumber),
    pageSize: num(o.PageSize),
    nextToken: nextToken(o.NextToken),
  };
}

/** NextToken goes back to the API as it came: a longer one than any real token is refused, not cut. */
function nextToken(v: unknown): string | undefined {
  const s = text(v);
  if (s === undefined) return undefined;
  if (s.length > MAX_TOKEN_CHARS) throw malformed(`NextToken is ${s.length} characters long`);
  return ownString(s);
}

/**
 * A page's fields and its rows, `container[outer][inner]`. An empty list may come without its
 * inner key (XML-to-JSON), but only when nothing matched.
 */
function pagedRows(container: Record<string, unknown>, outer: string, inner: string, action: string) {
  const page = pageFields(container);
  const wrap = container[outer];
  if (!isObj(wrap)) throw malformed(`no ${outer} in the ${action} response`);
  const items = list(wrap[inner], `${outer}.${inner}`);
  if (items === undefined && page.totalCount !== 0) throw malformed(`no ${outer}.${inner} list`);
  return { page, items: items ?? [] };
}

export function normalizeInvocationsResponse(raw: unknown, opts: NormalizeOptions): InvocationPage {
  if (!isObj(raw)) throw malformed('the body is not a JSON object');
  const { page, items } = pagedRows(raw, 'Invocations', 'Invocation', 'DescribeInvocations');
  const invocations = items.map((r, i) => normalizeInvocation(r, opts, i));
  invocations.sort(newestFirst);
  return dropUndefined<InvocationPage>({ invocations, ...page, requestId: ownedId(raw.RequestId) ?? '' });
}

function resultStatus(st: Status<InstanceStatus>) {
  return { invocationStatus: st.status, statusValue: st.value };
}

export function normalizeInvocationResult(raw: unknown, opts: NormalizeOptions, index = 0): InstanceResult {
  const where = `InvocationResult[${index}]`;
  if (!isObj(raw)) throw malformed(`${where} is not an object`);
  return dropUndefined<InstanceResult>({
    invokeId: requireId(raw.InvokeId, 'InvokeId', where, true),
    instanceId: requireId(raw.InstanceId, 'InstanceId', where, true),
    ...resultStatus(instanceStatus(raw.InvocationStatus, raw.InvokeRecordStatus)),
    instanceInvokeStatus: canonicalLegacy(raw.InvokeRecordStatus),
    ...common(raw, opts),
    creationTime: epochMs(raw.CreationTime),
    updateTime: epochMs(raw.UpdateTime),
  });
}

export function normalizeInvocationResultsResponse(raw: unknown, opts: NormalizeOptions): InvocationResultPage {
  if (!isObj(raw)) throw malformed('the body is not a JSON object');
  const inv = raw.Invocation;
  if (!isObj(inv)) throw malformed('no Invocation in the DescribeInvocationResults response');
  const { page, items } = pagedRows(inv, 'InvocationResults', 'InvocationResult', 'DescribeInvocationResults');
  const results = items.map((r, i) => normalizeInvocationResult(r, opts, i));
  return dropUndefined<InvocationResultPage>({ results, ...page, requestId: ownedId(raw.RequestId) ?? '' });
}

export function normalizeStopResponse(raw: unknown): { requestId: string } {
  if (!isObj(raw)) throw malformed('the body is not a JSON object');
  return { requestId: ownedId(raw.RequestId) ?? '' };
}
