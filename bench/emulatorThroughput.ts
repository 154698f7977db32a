import { NotReady, type Benchmark } from './harness.js';

export const emulatorThroughput: Benchmark = {
  id: 'emu',
  metric: 'emulator throughput',
  target: 'not the bottleneck',
  async run() {
    throw new NotReady('not wired yet');
  },
};
