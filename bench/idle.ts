import { NotReady, type Benchmark } from './harness.js';

export const idle: Benchmark = {
  id: '7',
  metric: 'idle bytes/s and CPU',
  target: '<= 100 B/s; <= 2%',
  async run() {
    throw new NotReady('not wired yet');
  },
};
