// `R`: refused in read-only mode; otherwise a confirm naming the command (name, type, its first
// lines, decoded and sanitised) and the instance count, then the poller's re-run. The first new
// invocation opens once the service lists it (asked for by id through a fresh invocation demand),
// if the screen that asked is still on top; the answer is flashed either way.
import { useCallback, useEffect, useState } from 'react';
import { selectInvocation } from '../../store/selectors.js';
import { readNow, watchStore } from '../../store/useStore.js';
import { sanitizeInline, toDisplayLines } from '../../text/index.js';
import type { Route } from '../context.js';
import { errorText } from '../errorText.js';
import { keyFor } from '../keymap.js';
import { routeKey } from '../routes.js';
import type { RerunOutcome } from '../../poller/rerun.js';
import type { StopFlowDeps } from './useStopFlow.js';

/** What the stop flow needs, and where to open the new invocation. */
export interface RerunFlowDeps extends StopFlowDeps {
  open: (route: Route) => void;
}

/** Lines of the command shown in the confirm: enough to recognise it. */
const CONTENT_LINES = 3;
/** Content looked at for those lines (a script is at most a few KB; a hostile one is cut first). */
const CONTENT_CHARS = 4096;
/** Instances one call takes (InvokeCommand and RunCommand). */
const IDS_PER_CALL = 100;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function contentLines(content: string | undefined): string[] {
  if (!content) return ['  (content not known)'];
  const lines = toDisplayLines(content.slice(0, CONTENT_CHARS)).map((l) => l.text);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const shown = lines.slice(0, CONTENT_LINES).map((l) => `  ${l}`);
  if (lines.length > CONTENT_LINES || content.length > CONTENT_CHARS) shown.push('  …');
  return shown;
}

/** What to do about the errors a re-run meets most. */
function hint(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /Instance/i.test(code)) {
    return ` (leave out stopped or released instances: ${keyFor('clearMarks', 'invocation')} clears the marks, ${keyFor('mark', 'invocation')} marks)`;
  }
  return '';
}

function startedText(out: RerunOutcome): string {
  const more = out.invokeIds.length > 1 ? ` (+${out.invokeIds.length - 1} more: ${out.invokeIds.slice(1).join(', ')})` : '';
  return `re-run started as ${sanitizeInline(out.invokeIds[0])}${sanitizeInline(more)} by ${out.via} on ${plural(out.started, 'instance')}`;
}

export function useRerunFlow({ store, poller, readOnly, flash, confirm, topKey, open }: RerunFlowDeps) {
  // The new invocation to open once the store has it, and the screen that asked for it.
  const [awaiting, setAwaiting] = useState<{ invokeId: string; owner: string; text: string } | undefined>();

  useEffect(() => {
    if (!awaiting) return;
    const { invokeId, owner, text } = awaiting;
    const release = poller.demand({ kind: 'invocation', invokeId, fresh: true });
    const stopWatching = watchStore(store, (s) => selectInvocation(s, invokeId) !== undefined, (listed) => {
      if (!listed) return;
      setAwaiting(undefined);
      if (topKey.current !== owner) return;
      const route: Route = { screen: 'invocation', invokeId };
      open(route);
      flash(text, 'info', false, routeKey(route));
    });
    return () => {
      stopWatching();
      release();
    };
  }, [awaiting, poller, store, topKey, open, flash]);

  return useCallback(
    (invokeId: string, instanceIds: readonly string[]) => {
      if (readOnly) {
        flash('read-only mode: re-running commands is disabled (started with --read-only)', 'error');
        return;
      }
      const inv = readNow(store, (s) => selectInvocation(s, invokeId));
      if (!poller.rerun || !inv) {
        flash(inv ? 're-running is not available here' : `${invokeId} is not loaded: nothing to re-run`, 'error');
        return;
      }
      const ids = [...new Set(instanceIds)];
      if (ids.length === 0) {
        flash(`nothing to re-run: no instance failed; mark some with ${keyFor('mark', 'invocation')}, then ${keyFor('rerun', 'invocation')}`);
        return;
      }
      const name = sanitizeInline(inv.commandName ?? '') || '(unnamed)';
      const how = inv.commandId
        ? `InvokeCommand ${sanitizeInline(inv.commandId)} (RunCommand if it is gone)`
        : 'RunCommand with this content';
      const calls = Math.ceil(ids.length / IDS_PER_CALL);
      const target = ids.length > 2 ? `on ${plural(ids.length, 'instance')} (${sanitizeInline(ids[0])}, …)` : `on ${ids.map(sanitizeInline).join(', ')}`;
      confirm({
        kind: 'confirm',
        title: `Re-run ${name} on ${plural(ids.length, 'instance')}?`,
        lines: [
          `${sanitizeInline(inv.commandType ?? '') || 'type unknown'} · ${how}`,
          ...contentLines(inv.commandContent),
          `${target} · one run${calls > 1 ? ` · ${calls} calls, ${calls} new invocations` : ''}`,
        ],
        onYes: () => {
          const owner = topKey.current;
          flash(`re-running ${name} on ${plural(ids.length, 'instance')}…`);
          poller.rerun!(invokeId, ids).then(
            (out) => {
              const text = startedText(out);
              if (out.error) {
                flash(`${text}; the rest (${out.asked - out.started}) failed: ${errorText(out.error)}${hint(out.error)}`, 'error', false, owner);
                return;
              }
              flash(`${text}; opening it when it is listed…`, 'info', false, owner);
              setAwaiting({ invokeId: out.invokeIds[0], owner, text });
            },
            (err: unknown) => flash(`re-run failed: ${errorText(err)}${hint(err)}`, 'error', false, owner),
          );
        },
        onNo: () => flash('not re-run'),
      });
    },
    [store, poller, readOnly, flash, confirm, topKey],
  );
}
