// `--once --format TEMPLATE`: one line for a status bar (tmux `#(...)`), from at most two calls:
// page 1 of the filters (the newest --page-size invocations) and, unless the filters already pick
// one status, page 1 of the same filters with InvokeStatus=Running (the active ones, up to 50).
// Counts are over the union of the two, by InvocationStatus; {total} is the API's TotalCount for
// the filters. No retries: the next refresh of the bar is the retry. An error prints a short
// marker on stdout (what the bar shows) and the full line on stderr.
import { ApiError, isAuthError, isThrottling } from '../api/errors.js';
import type { Invocation, InvocationsApi } from '../api/model.js';
import type { InvocationFilters } from '../config/args.js';
import { EXIT } from '../config/errors.js';
import { sanitizeInline, truncateToWidth } from '../text/index.js';
import { errorLine, exitCodeFor, type Output } from './io.js';
import { renderStatusTemplate, type StatusPlaceholder, type TemplatePart } from './statusTemplate.js';
import { newestFirst } from '../api/status.js';

export interface StatusLineOptions {
  filters: InvocationFilters;
  pageSize: number;
  template: readonly TemplatePart[];
}

/** A name longer than this is cut with '…': a status bar has little room. */
const NAME_WIDTH = 40;
/** The most a listing returns in one call. */
const MAX_PAGE = 50;

export interface StatusCounts {
  invocations: Invocation[];
  totalCount?: number;
  calls: number;
}

/** The invocations the line counts: page 1, plus the active ones when the filters leave room. */
export async function fetchStatusCounts(api: InvocationsApi, o: StatusLineOptions): Promise<StatusCounts> {
  const { localStatus, ...filters } = o.filters;
  const first = await api.describeInvocations({ ...filters, pageNumber: 1, pageSize: o.pageSize });
  const byId = new Map(first.invocations.map((i) => [i.invokeId, i]));
  let calls = 1;
  // With --status the first call already holds only that status: a Running listing adds nothing.
  const pageHoldsAll = first.totalCount !== undefined && first.totalCount <= first.invocations.length;
  if (filters.invokeStatus === undefined && !pageHoldsAll) {
    const active = await api.describeInvocations({ ...filters, invokeStatus: 'Running', pageNumber: 1, pageSize: MAX_PAGE });
    calls++;
    for (const inv of active.invocations) byId.set(inv.invokeId, inv);
  }
  const all = [...byId.values()];
  const invocations = (localStatus ? all.filter((i) => i.invocationStatus === localStatus) : all).sort(newestFirst);
  return { invocations, totalCount: first.totalCount, calls };
}

/** One safe line, short, and with `#` as '＃' so tmux takes no `#[style]` from a name. */
function barText(name: string): string {
  return truncateToWidth(sanitizeInline(name), NAME_WIDTH).replace(/#/g, '＃');
}

/**
 * The placeholders' values; `wanted` names those the template uses (default all): the name is
 * measured in cells only when asked for, since the first width measurement loads the width tables.
 */
export function statusValues(s: StatusCounts, region: string, wanted?: ReadonlySet<StatusPlaceholder>): Record<StatusPlaceholder, string> {
  const n = (...statuses: string[]) => String(s.invocations.filter((i) => statuses.includes(i.invocationStatus)).length);
  const latest = s.invocations[0];
  return {
    running: n('Running', 'Stopping'),
    pending: n('Pending', 'Scheduled'),
    failed: n('Failed'),
    partial: n('PartialFailed'),
    success: n('Success'),
    stopped: n('Stopped'),
    total: String(s.totalCount ?? s.invocations.length),
    region: sanitizeInline(region),
    'latest.name': latest && (wanted?.has('latest.name') ?? true) ? barText(latest.commandName ?? latest.invokeId) : '-',
    'latest.status': latest ? latest.invocationStatus : '-',
  };
}

/** What the bar shows on failure: `throttled`, `auth`, `unreachable`, `config` (no region...) or `error`. */
export function statusMarker(err: unknown): string {
  if (err instanceof ApiError) {
    if (isThrottling(err)) return 'throttled';
    if (isAuthError(err)) return 'auth';
    if (err.kind === 'network' || err.kind === 'timeout') return 'unreachable';
  }
  const exitCode = (err as { exitCode?: unknown } | null)?.exitCode;
  if (exitCode === EXIT.credentials) return 'auth';
  return exitCode === EXIT.usage ? 'config' : 'error';
}

/** Prints the marker on stdout and the reason on stderr; returns the exit code. */
export function failStatusLine(err: unknown, output: Output): number {
  output.out(`catop: ${statusMarker(err)}\n`);
  output.err(errorLine(err));
  return exitCodeFor(err);
}

export async function runStatusLine(api: InvocationsApi, o: StatusLineOptions, output: Output): Promise<number> {
  let counts: StatusCounts;
  try {
    counts = await fetchStatusCounts(api, o);
  } catch (err) {
    return failStatusLine(err, output);
  }
  const wanted = new Set(o.template.flatMap((p) => ('field' in p ? [p.field] : [])));
  output.out(`${renderStatusTemplate(o.template, statusValues(counts, api.regionId, wanted))}\n`);
  return EXIT.ok;
}
