// Ink 6.8's incremental renderer moves the cursor up one row too few before rewriting a frame
// that ends with a newline (every frame shorter than the terminal, which ours must be), so each
// update lands one row lower than the last: measured in tmux and in @xterm/headless, guarded by
// test/ui/run.test.tsx. Our frame always starts at the top row of the alternate screen, so "go
// up to the frame's first row" is exactly "cursor home"; this stream wrapper rewrites that one
// movement. It also folds the renderer's one "next line" per unchanged row into a single
// "next line n times" (CSI n E, the same movement): an update that changes one row then costs
// that row's bytes, not three more per row on the screen (bench rows 6 and 7).
const FRAME_START = /^\u001b\[\d+A/;
const CURSOR_HOME = '\u001b[H';
const NEXT_LINE_RUN = /(?:\u001b\[E){2,}/g;
const NEXT_LINE = '\u001b[E';

/** One frame's write as it goes to the terminal. */
export function anchorFrame(chunk: string): string {
  if (!FRAME_START.test(chunk)) return chunk;
  return chunk.replace(FRAME_START, CURSOR_HOME).replace(NEXT_LINE_RUN, (run) => `\u001b[${run.length / NEXT_LINE.length}E`);
}

/**
 * Ink's clear before it redraws for a narrower terminal: each row of the last frame erased,
 * bottom up. That redraw comes at once, from the tree still laid out for the old width, and its
 * long lines would wrap in the narrower terminal and scroll the screen under every later frame
 * (the title row gone, a row of the old frame left on top, until quit). So the clear becomes
 * "clear the screen, autowrap off" and the frame after it turns autowrap back on: the terminal
 * cuts those lines, and the next frame, laid out anew, rewrites them. (Autowrap stays on
 * otherwise: with it off, a line as wide as the terminal would lose its last character to the
 * renderer's erase-to-end-of-line.)
 */
const CLEAR = /^(?:\u001b\[2K\u001b\[1A)*\u001b\[2K\u001b\[G$/;
const CLEAR_UNWRAPPED = '\u001b[H\u001b[2J\u001b[?7l';
const WRAP_ON = '\u001b[?7h';
/** The start of a synchronized update, which Ink writes alone before a frame. */
const BEGIN_UPDATE = '\u001b[?2026h';

/** Every write to the terminal: the frame anchored (`anchorFrame`), a resize's redraw unwrapped (`CLEAR`). */
export function frameWriter(): (chunk: string) => string {
  let unwrapped = false;
  return (chunk) => {
    if (CLEAR.test(chunk)) {
      unwrapped = true;
      return CLEAR_UNWRAPPED;
    }
    const anchored = anchorFrame(chunk);
    if (!unwrapped || chunk === BEGIN_UPDATE) return anchored;
    unwrapped = false;
    return anchored + WRAP_ON;
  };
}

/** `also` rewrites every written string after the anchoring (e.g. ASCII glyphs). */
export function anchorFramesToTop(stdout: NodeJS.WriteStream, also: (chunk: string) => string = (chunk) => chunk): NodeJS.WriteStream {
  const frame = frameWriter();
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    const fixed = typeof chunk === 'string' ? also(frame(chunk)) : chunk;
    return (stdout.write as (...args: unknown[]) => boolean)(fixed, ...rest);
  };
  return new Proxy(stdout, {
    get(target, prop) {
      if (prop === 'write') return write;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
