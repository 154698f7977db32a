import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Terminal end-to-end tests spawn the built CLI; two cores, so keep the pool small.
    pool: 'forks',
    // Ink reads CI once, when it is imported, and draws no live frames when it is set; CI runs
    // `npm test` with CI=true. In-process UI tests need live frames (the CI warning test stubs
    // CI itself); terminal tests spawn children without CI in any case.
    env: { CI: 'false' },
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
