// Ink 6.8's incremental renderer moves the cursor up one row too few before rewriting a frame
// that ends with a newline (every frame shorter than the terminal, which ours must be), so each
// update lands one row lower than the last: measured in tmux and in @xterm/headless, see
// test/ui/terminal-screen.test.tsx. Our frame always starts at the top row of the alternate
// screen, so "go up to the frame's first row" is exactly "cursor home"; this stream wrapper
// rewrites that one movement and passes everything else through untouched.
const FRAME_START = /^\u001b\[\d+A/;
const CURSOR_HOME = '\u001b[H';

export function anchorFramesToTop(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    const fixed = typeof chunk === 'string' && FRAME_START.test(chunk) ? chunk.replace(FRAME_START, CURSOR_HOME) : chunk;
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
