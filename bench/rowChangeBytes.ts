import { NotReady, type Benchmark } from './harness.js';

export const rowChangeBytes: Benchmark = {
  id: '6',
  metric: 'bytes for one row change',
  target: '<= 1 KB; >= 5x fewer',
  async run() {
    throw new NotReady('not wired yet');
  },
};
