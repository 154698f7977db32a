// An error as the monitor words it: `Code: Message (RequestId ...)` and what to check (the
// AccessKey, the endpoint, the network), the same words `--once` prints.
import { ApiError } from '../api/errors.js';
import { describeApiError } from '../cli/io.js';
import { sanitizeInline, truncateToWidth, wrapToWidth } from '../text/index.js';

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return describeApiError(error);
  if (error && typeof error === 'object' && typeof (error as { oneLine?: unknown }).oneLine === 'function') {
    return sanitizeInline((error as { oneLine: () => string }).oneLine());
  }
  return sanitizeInline(error instanceof Error ? error.message : String(error));
}

/**
 * `text` wrapped to `width` in at most `maxLines` lines. Only text longer than all of them is
 * cut, at its end, so the head (the Code) and every line before stay whole.
 */
export function wrapLines(text: string, width: number, maxLines: number): string[] {
  const lines = wrapToWidth(sanitizeInline(text), Math.max(1, width));
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  kept[kept.length - 1] = truncateToWidth(kept[kept.length - 1] + ' …', width);
  return kept;
}
