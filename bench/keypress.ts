import { NotReady, type Benchmark } from './harness.js';

export const keypress: Benchmark = {
  id: '3',
  metric: 'keypress to frame, p95',
  target: '<= 50 ms; <= 1.5x baseline',
  async run() {
    throw new NotReady('not wired yet');
  },
};
