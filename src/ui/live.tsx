// The live monitor: a store and an intents object drawn by Ink on the alternate screen, with the
// terminal restored on every way out (see terminal.ts). Loaded by src/cli/liveUi.ts once the
// React build is chosen; the store and the poller behind the intents are made there.
import React from 'react';
import { render } from 'ink';
import type { Clock } from '../clock.js';
import type { Store } from '../store/index.js';
import { App } from './App.js';
import { saveOutput } from './saveOutput.js';
import { copyIds, type CopyIdsOptions } from './copyIds.js';
import type { HeaderInfo } from './widgets/Header.js';
import { anchorFramesToTop } from './frameAnchor.js';
import type { UiPoller } from './intents.js';
import { CI_WARNING, enterFullScreen, fatalLine, liveRenderingOff } from './terminal.js';
import type { ThemeChoice } from './background.js';
import { colourWanted, type Background } from './theme.js';
import { asciiGlyphs, utf8Locale } from '../text/glyphs.js';

/** How the screen looks and where it draws. */
export interface LiveOptions {
  readOnly: boolean;
  /** False with --no-color; NO_COLOR in the environment also turns colour off. */
  color: boolean;
  /** --theme (default auto). */
  theme?: ThemeChoice;
  /** --ascii: ASCII glyphs even in a UTF-8 locale. */
  ascii?: boolean;
  demo: boolean;
  header: HeaderInfo;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
  /** Tests: where signals and uncaught errors are heard; default the process. */
  processEvents?: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
  /** Where `e` saves output and `y` ids; default the current directory. */
  saveDir?: string;
  /** `--clipboard`: `y` also sends the ids to the clipboard by OSC 52. */
  clipboard?: boolean;
}

/** What the screen reads (the store) and asks (the intents); `stop` ends polling on the way out. */
export interface LiveParts {
  store: Store;
  intents: UiPoller & { stop(): void };
  clock: Clock;
  /** The palette's background, resolved from --theme while the UI loaded. */
  background: Background;
}

/** With --clipboard: OSC 52 straight to the terminal (it moves no cursor, so Ink's frames stay put), wrapped inside tmux. */
function clipboardWriter(on: boolean | undefined, stdout: NodeJS.WriteStream): CopyIdsOptions['clipboard'] {
  return on ? { tmux: Boolean(process.env['TMUX']), write: (bytes) => void stdout.write(bytes) } : undefined;
}

export async function runLive(opts: LiveOptions, { store, intents: poller, clock, background }: LiveParts): Promise<number> {
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
        saveOutput={(invokeId, instanceId, text) => saveOutput(opts.saveDir ?? process.cwd(), invokeId, instanceId, text)}
        copyIds={(invokeId, ids) => copyIds({ dir: opts.saveDir ?? process.cwd(), clipboard: clipboardWriter(opts.clipboard, stdout) }, invokeId, ids)}
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
