import { NotReady, type Benchmark } from './harness.js';

export const outputScreen: Benchmark = {
  id: '9',
  metric: 'output screen keys',
  target: '<= 50 ms each',
  async run() {
    throw new NotReady('not wired yet');
  },
};
