// The live monitor: store + poller + Ink on the alternate screen, with the terminal restored on
// every way out (see terminal.ts). Loaded by run.ts once the React build is chosen.
import React from 'react';
import { render } from 'ink';
import type { Clock } from '../clock.js';
import type { Poller } from '../poller/index.js';
import type { Store } from '../store/index.js';
import { App } from './App.js';
import { anchorFramesToTop } from './frameAnchor.js';
import { CI_WARNING, enterFullScreen, fatalLine, liveRenderingOff } from './terminal.js';
import type { LiveUiOptions } from './run.js';
import { colourWanted, type Background } from './theme.js';
import { asciiGlyphs, utf8Locale } from '../text/glyphs.js';

/** The store and the poller, created (and the poller started) by run.ts while this module loaded. */
export interface LiveParts {
  store: Store;
  poller: Poller;
  clock: Clock;
  /** The palette's background, resolved from --theme while the UI loaded. */
  background: Background;
}

export async function runLive(opts: LiveUiOptions, { store, poller, clock, background }: LiveParts): Promise<number> {
  const stdout = opts.stdout ?? process.stdout;
  const stdin = opts.stdin ?? process.stdin;
  const stderr = opts.stderr ?? process.stderr;

  const ciMode = liveRenderingOff();
  if (ciMode) stderr.write(CI_WARNING + '\n');

  let settle!: (outcome: { code: number; error?: unknown }) => void;
  const outcome = new Promise<{ code: number; error?: unknown }>((resolve) => {
    settle = resolve;
  });
  let done = false;
  const finish = (code: number, error?: unknown) => {
    if (done) return;
    done = true;
    settle({ code, error });
  };

  const guard = enterFullScreen({ stdout, stdin, onExit: finish, events: opts.processEvents, altScreen: !ciMode });
  let ink: ReturnType<typeof render> | undefined;
  try {
    ink = render(
      <App
        store={store}
        poller={poller}
        clock={clock}
        header={opts.header}
        demo={opts.demo}
        readOnly={opts.readOnly}
        color={colourWanted(opts.color)}
        background={background}
        onExit={(code) => finish(code)}
        onFatal={(error) => finish(1, error)}
        saveDir={opts.saveDir}
      />,
      {
        // --ascii or a locale without UTF-8: every frame in ASCII of the same widths.
        stdout: anchorFramesToTop(stdout, opts.ascii || !utf8Locale() ? asciiGlyphs : undefined),
        stdin,
        stderr,
        incrementalRendering: true,
        patchConsole: false,
        exitOnCtrlC: false,
      },
    );
    ink.waitUntilExit().then(
      () => finish(0),
      (error: unknown) => finish(1, error),
    );
  } catch (error) {
    finish(1, error);
  }

  const { code, error } = await outcome;
  poller.stop();
  try {
    ink?.unmount();
  } catch {
    // Unmounting after a render crash may throw again; the terminal is restored below anyway.
  }
  guard.restore();
  guard.dispose();
  if (error !== undefined) stderr.write(`catop: ${fatalLine(error)}\n`);
  return code;
}
