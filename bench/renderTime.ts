import { NotReady, type Benchmark } from './harness.js';

export const renderTime: Benchmark = {
  id: '4',
  metric: 'render time per frame',
  target: '<= 25 ms; flat in size',
  async run() {
    throw new NotReady('not wired yet');
  },
};
