// Imported first by run.ts, before anything loads React or Ink: Ink decides at import time whether
// it runs under CI (`is-in-ci`), and under CI it prints no live frames, which would make every
// byte and frame figure meaningless.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;

/**
 * The React build to measure: the CLI runs the production build (src/cli/liveUi.ts defaults NODE_ENV
 * to production); BENCH_NODE_ENV=development measures the development build instead. vite-node
 * fixes its JSX transform (jsx or jsxDEV) from NODE_ENV when it starts, so run.ts restarts itself
 * under the wanted NODE_ENV rather than changing it here.
 */
export const WANTED_NODE_ENV = process.env.BENCH_NODE_ENV ?? 'production';
