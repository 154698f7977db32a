import { NotReady, type Benchmark } from './harness.js';

export const apiCalls: Benchmark = {
  id: '1',
  metric: 'API calls per steady-state tick',
  target: '<= 1+ceil(active/50)+finished; >= 500x fewer',
  async run() {
    throw new NotReady('not wired yet');
  },
};
