// `y`: instance ids, one per line, to a new file ./catop-<invokeId>-ids.txt (the safe naming and
// writing of ./saveOutput.ts), and with --clipboard the same text by OSC 52 (src/notify/clipboard.ts).
import { clipboardIdsBytes, idLines } from '../notify/clipboard.js';
import { sanitizeInline } from '../text/index.js';
import { formatCount } from './format.js';
import { safeFileName, writeNewFile } from './saveOutput.js';

export interface CopyIdsOptions {
  /** Where the file goes. */
  dir: string;
  /** `--clipboard`: how to write the OSC 52 bytes, and whether inside tmux. */
  clipboard?: { tmux: boolean; write(bytes: string): void };
}

export interface CopiedIds {
  count: number;
  path: string;
  /** With --clipboard: sent, or why not. */
  clipboard?: { sent: true } | { sent: false; reason: string };
}

export function idsFileName(invokeId: string, attempt = 0): string {
  return safeFileName([invokeId, 'ids'], 'txt', attempt);
}

/** Writes the file (and the clipboard); throws the fs error. */
export function copyIds(opts: CopyIdsOptions, invokeId: string, ids: readonly string[]): CopiedIds {
  // A file is not a terminal, but one id a line must stay one line: no controls, no escapes.
  const lines = ids.map((id) => sanitizeInline(id));
  const path = writeNewFile(opts.dir, (attempt) => idsFileName(invokeId, attempt), idLines(lines));
  const copied: CopiedIds = { count: ids.length, path };
  if (opts.clipboard) {
    try {
      opts.clipboard.write(clipboardIdsBytes(ids, { tmux: opts.clipboard.tmux }));
      copied.clipboard = { sent: true };
    } catch (err) {
      copied.clipboard = { sent: false, reason: (err as Error).message };
    }
  }
  return copied;
}

/** The flash: how many, where, and whether the clipboard got them. */
export function copiedText(c: CopiedIds): string {
  const ids = `${formatCount(c.count)} instance id${c.count === 1 ? '' : 's'}`;
  const clip = !c.clipboard ? '' : c.clipboard.sent ? ' and sent them to the clipboard (OSC 52)' : `; not sent to the clipboard: ${c.clipboard.reason}`;
  return `wrote ${ids} to ${sanitizeInline(c.path)}${clip}`;
}
