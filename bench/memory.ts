import { NotReady, type Benchmark } from './harness.js';

export const memory: Benchmark = {
  id: '5',
  metric: 'RSS',
  target: '<= 250 MB',
  async run() {
    throw new NotReady('not wired yet');
  },
};
