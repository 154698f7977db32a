// Imported first by run.ts, before anything loads React or Ink:
// - Ink decides at import time whether it runs under CI (`is-in-ci`), and under CI it prints no
//   live frames, which would make every byte and frame figure meaningless.
// - The CLI runs React's production build (NODE_ENV defaults to production in src/cli.tsx);
//   vite-node sets `development`, so the in-process benchmarks set it back to measure the same
//   build a user runs. BENCH_NODE_ENV=development measures the development build instead.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
process.env.NODE_ENV = process.env.BENCH_NODE_ENV ?? 'production';

export {};
