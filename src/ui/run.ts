// The live monitor's entry point for the CLI. React and Ink pick their development or
// production build when first imported, from NODE_ENV; the development build records a
// performance mark per component render (measured: most of the CPU of a keypress over a large
// list), so the UI is loaded only after NODE_ENV defaults to production.
import type { DescribeInvocationsParams, InvocationsApi } from '../api/model.js';
import type { Clock } from '../clock.js';

export interface LiveUiOptions {
  api: InvocationsApi;
  filters: DescribeInvocationsParams;
  intervalMs: number;
  pageSize: number;
  history: number;
  maxRps: number;
  readOnly: boolean;
  /** False with --no-color; NO_COLOR in the environment also turns colour off. */
  color: boolean;
  demo: boolean;
  header: { region: string; endpoint: string; profile?: string };
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
  /** Tests: a FakeClock; default the real one. */
  clock?: Clock;
  /** Tests: where signals and uncaught errors are heard; default the process. */
  processEvents?: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
  /** Where `e` saves output; default the current directory. */
  saveDir?: string;
}

/** Runs until the user quits (0), a signal (128+n) or a crash (1, printed after restore). */
export async function runLiveUi(opts: LiveUiOptions): Promise<number> {
  process.env['NODE_ENV'] ??= 'production';
  const { runLive } = await import('./live.js');
  return runLive(opts);
}
