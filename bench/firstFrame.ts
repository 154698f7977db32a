import { NotReady, type Benchmark } from './harness.js';

export const firstFrame: Benchmark = {
  id: '2',
  metric: 'start to first frame with data',
  target: '<= 1.0 s median',
  async run() {
    throw new NotReady('not wired yet');
  },
};
