// Imported first by run.ts: Ink decides at import time whether it runs under CI (`is-in-ci`), and under
// CI it prints no live frames, which would make every byte and frame figure meaningless.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;

export {};
