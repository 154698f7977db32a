// Telling a store's listeners of a change: every one hears of it even if one throws; the first
// error surfaces after all have run (src/store/index.ts and the merged view, src/store/merged.ts).
import type { Listener } from './types.js';

export function notifyListeners(listeners: ReadonlySet<Listener>): void {
  let failure: { error: unknown } | undefined;
  for (const l of [...listeners]) {
    try {
      l();
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}
