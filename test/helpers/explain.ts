// Waits in tests take no clock of their own: the test's timeout is the only one. What a wait
// still pending was waiting for is printed when the test fails, so a timeout explains itself.
// Outside a test (a script such as media/render.ts) the script's own deadline reads pendingWaits().
import { getCurrentTest } from 'vitest/suite';

const outsideTests = new Set<() => string>();

/** Registers `explain` for the running test; returns the function that ends the wait. */
export function explainOnFailure(explain: () => string): () => void {
  let pending = true;
  const test = getCurrentTest();
  if (test) {
    test.context.onTestFailed(() => {
      if (pending) console.error(explain());
    });
  } else {
    outsideTests.add(explain);
  }
  return () => {
    // Ended by the clean-up after a failure (a timeout): it was pending when the test failed.
    if (test?.result?.state === 'fail') return;
    pending = false;
    outsideTests.delete(explain);
  };
}

/** What the waits still pending outside a test are waiting for. */
export function pendingWaits(): string[] {
  return [...outsideTests].map((explain) => explain());
}
