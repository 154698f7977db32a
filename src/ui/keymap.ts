// Every key binding in one table. It drives input handling (`resolveAction`) and the help
// overlay (`helpRows`), so a key cannot work without being listed, or be listed without working.
import type { Key } from 'ink';

/** Where a binding applies: the three screens, the run grid, the invocation's groups view and its diff, and the overlays. */
export type KeyContext = 'invocations' | 'invocation' | 'groups' | 'diff' | 'output' | 'runs' | 'content' | 'help' | 'prompt' | 'confirm';

export type ActionId =
  | 'down'
  | 'up'
  | 'pageDown'
  | 'pageUp'
  | 'first'
  | 'last'
  | 'open'
  | 'back'
  | 'filter'
  | 'search'
  | 'statusFilter'
  | 'refresh'
  | 'follow'
  | 'wrap'
  | 'timestamps'
  | 'raw'
  | 'lineNumbers'
  | 'nextMatch'
  | 'prevMatch'
  | 'content'
  | 'stop'
  | 'agent'
  | 'save'
  | 'help'
  | 'quit'
  | 'confirm'
  | 'apply'
  | 'clear'
  | 'deleteChar'
  | 'runs'
  | 'older'
  | 'newer'
  | 'groups'
  | 'groupMode'
  | 'diff'
  | 'mark'
  | 'clearMarks'
  | 'sort'
  | 'nextInstance'
  | 'prevInstance'
  | 'rerun'
  | 'copyIds'
  | 'command'
  | 'watch'
  | 'complete'
  | 'historyUp'
  | 'historyDown'
  | 'focusPane'
  | 'splitLayout';

export interface Binding {
  action: ActionId;
  /** Key tokens as produced by `keyTokens`: a character, or a name such as `down`, `ctrl-f`, `enter`. */
  keys: readonly string[];
  description: string;
  contexts: readonly KeyContext[];
}

const SCREENS: readonly KeyContext[] = ['invocations', 'invocation', 'output'];
const LISTS: readonly KeyContext[] = ['invocations', 'invocation'];
/** The invocation screen's groups view and a group's diff. */
const GROUPS: readonly KeyContext[] = ['groups', 'diff'];
const MOVING: readonly KeyContext[] = [...SCREENS, 'runs', ...GROUPS, 'content', 'help'];

export const KEYMAP: readonly Binding[] = [
  { action: 'down', keys: ['j', 'down'], description: 'move down', contexts: MOVING },
  { action: 'up', keys: ['k', 'up'], description: 'move up', contexts: MOVING },
  { action: 'pageDown', keys: ['pagedown', 'ctrl-f'], description: 'page down', contexts: MOVING },
  { action: 'pageUp', keys: ['pageup', 'ctrl-b'], description: 'page up', contexts: MOVING },
  { action: 'first', keys: ['g', 'home'], description: 'first / top', contexts: MOVING },
  { action: 'last', keys: ['G', 'end'], description: 'last / bottom', contexts: MOVING },
  { action: 'open', keys: ['enter', 'l', 'right'], description: 'open the selected row', contexts: [...LISTS, 'groups'] },
  // The run grid: left and right move along runs, so only Enter opens and Esc goes back there.
  { action: 'older', keys: ['h', 'left'], description: 'runs: an older run (scrolls into the past)', contexts: ['runs'] },
  { action: 'newer', keys: ['l', 'right'], description: 'runs: a newer run', contexts: ['runs'] },
  { action: 'open', keys: ['enter'], description: "runs: that run's output", contexts: ['runs'] },
  { action: 'back', keys: ['esc', 'backspace'], description: 'runs: back', contexts: ['runs'] },
  { action: 'runs', keys: ['H'], description: 'run history grid (Period and EveryReboot invocations)', contexts: ['invocation'] },
  {
    action: 'back',
    keys: ['esc', 'h', 'left', 'backspace'],
    description: 'back (on a filtered list: clear the filter first)',
    contexts: [...SCREENS, ...GROUPS, 'content', 'help'],
  },
  { action: 'filter', keys: ['/'], description: 'filter the current list (text; Esc clears)', contexts: LISTS },
  { action: 'search', keys: ['/'], description: 'search the output (Esc clears)', contexts: ['output', 'content'] },
  {
    action: 'statusFilter',
    keys: ['s'],
    description: 'cycle status filter: all, active, failed, succeeded, stopped',
    contexts: LISTS,
  },
  { action: 'refresh', keys: ['r'], description: 'refresh now (and retry after an error)', contexts: [...SCREENS, 'runs', 'groups'] },
  { action: 'follow', keys: ['f'], description: 'output: follow on/off (G keeps it as it is)', contexts: ['output'] },
  { action: 'wrap', keys: ['w'], description: 'output: wrap long lines', contexts: ['output', 'content'] },
  { action: 'timestamps', keys: ['t'], description: 'timestamps absolute / relative', contexts: [...SCREENS, 'runs', 'groups'] },
  {
    action: 'raw',
    keys: ['v'],
    description: 'output: raw view (every control character in caret notation)',
    contexts: ['output', 'content'],
  },
  { action: 'lineNumbers', keys: ['#'], description: 'output: line numbers on / off', contexts: ['output', 'content'] },
  { action: 'nextMatch', keys: ['n'], description: 'next search match', contexts: ['output', 'content'] },
  { action: 'prevMatch', keys: ['N'], description: 'previous search match', contexts: ['output', 'content'] },
  { action: 'content', keys: ['c'], description: "show the invocation's command content (decoded)", contexts: SCREENS },
  { action: 'stop', keys: ['x'], description: 'stop the invocation (confirm with y; not in --read-only)', contexts: [...SCREENS, 'groups'] },
  { action: 'agent', keys: ['a'], description: "the selected instance's agent state (Cloud Assistant)", contexts: ['invocation'] },
  { action: 'save', keys: ['e'], description: 'save the shown output to a file', contexts: ['output'] },
  {
    action: 'groups',
    keys: ['b'],
    description: 'instances as groups by result (as clush -b) / as rows',
    contexts: ['invocation', 'groups'],
  },
  { action: 'groupMode', keys: ['m'], description: 'groups: outputs compared masked / loose / strict', contexts: ['groups'] },
  { action: 'diff', keys: ['d'], description: "groups: diff the sample against the reference group's", contexts: ['groups'] },
  { action: 'mark', keys: [' '], description: 'mark the instance (and move down) / every one of the group', contexts: ['invocation', 'groups'] },
  { action: 'clearMarks', keys: ['u'], description: 'clear the marks (x then stops the marked only)', contexts: ['invocation', 'groups'] },
  { action: 'sort', keys: ['o'], description: 'sort: status, exit, started, duration, id, each reversed', contexts: ['invocation'] },
  { action: 'help', keys: ['?'], description: 'help (this list)', contexts: [...SCREENS, 'runs', ...GROUPS, 'content', 'help'] },
  { action: 'quit', keys: ['q', 'ctrl-c'], description: 'quit', contexts: [...SCREENS, 'runs', ...GROUPS, 'content', 'help'] },
  // In a prompt `q` is text and in a confirm it cancels; ctrl-c still quits.
  { action: 'quit', keys: ['ctrl-c'], description: 'quit', contexts: ['prompt', 'confirm'] },
  { action: 'confirm', keys: ['y'], description: 'confirm (any other key cancels)', contexts: ['confirm'] },
  { action: 'apply', keys: ['enter'], description: 'apply the filter or search', contexts: ['prompt'] },
  { action: 'clear', keys: ['esc'], description: 'clear the filter or search and close', contexts: ['prompt'] },
  { action: 'deleteChar', keys: ['backspace'], description: 'delete the last character', contexts: ['prompt'] },
  { action: 'nextInstance', keys: ['J'], description: "output: next instance in the list's order, filter and group", contexts: ['output'] },
  { action: 'prevInstance', keys: ['K'], description: 'output: previous instance in that order', contexts: ['output'] },
  {
    action: 'rerun',
    keys: ['R'],
    description: 're-run: the marked, else the failed (groups: the group)',
    contexts: ['invocation', 'groups'],
  },
  {
    action: 'copyIds',
    keys: ['y'],
    description: "copy ids to a file: the marked, else the group's or list's",
    contexts: ['invocation', 'groups'],
  },
  { action: 'command', keys: [':'], description: 'command line: API filters (:status Failed, :clear...)', contexts: SCREENS },
  { action: 'watch', keys: ['W'], description: 'watch: an alert when it ends (--notify); again: unwatch', contexts: LISTS },
  { action: 'complete', keys: ['tab'], description: 'command line: complete the command or value', contexts: ['prompt'] },
  { action: 'historyUp', keys: ['up'], description: 'command line: the earlier command', contexts: ['prompt'] },
  { action: 'historyDown', keys: ['down'], description: 'command line: the later command', contexts: ['prompt'] },
  // The output pane of the split takes the output screen's keys, so these are bound there too.
  { action: 'focusPane', keys: ['tab'], description: 'split: the keys to the other pane (list / output)', contexts: ['invocation', 'groups', 'output'] },
  { action: 'splitLayout', keys: ['p'], description: 'split: auto / side by side / stacked / off', contexts: ['invocation', 'groups', 'output'] },
];

/** Actions that change the fleet: hidden from help and footer, and refused, in --read-only. */
export const WRITE_ACTIONS: ReadonlySet<ActionId> = new Set<ActionId>(['stop', 'rerun']);

const INDEX = new Map<string, ActionId>();
for (const binding of KEYMAP) {
  for (const context of binding.contexts) {
    for (const key of binding.keys) {
      const slot = `${context}\u0000${key}`;
      // The first binding wins; two actions on one key in one context would be a table bug.
      if (!INDEX.has(slot)) INDEX.set(slot, binding.action);
    }
  }
}

export function resolveAction(context: KeyContext, token: string): ActionId | undefined {
  return INDEX.get(`${context}\u0000${token}`);
}

const NAMED: Record<string, string> = {
  down: '↓',
  up: '↑',
  left: '←',
  right: '→',
  pagedown: 'PgDn',
  pageup: 'PgUp',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  esc: 'Esc',
  backspace: 'Backspace',
  tab: 'Tab',
  ' ': 'Space',
};

/** How a key token is written in the help and the footer. */
export function keyLabel(token: string): string {
  return NAMED[token] ?? token;
}

/**
 * The key that does `action` in `context`, as written on screen (`r`, `Esc`). Every hint, prompt
 * and message names keys through this, so rebinding one in KEYMAP rewords the screen with it.
 */
export function keyFor(action: ActionId, context: KeyContext): string {
  const binding = KEYMAP.find((b) => b.action === action && b.contexts.includes(context));
  return binding ? keyLabel(binding.keys[0]) : '?';
}

/** Every key that does `action` in `context`, joined with `or` (`Esc or ?`). */
export function keysFor(actions: readonly ActionId[], context: KeyContext): string {
  return actions.map((a) => keyFor(a, context)).join(' or ');
}

export interface HelpRow {
  keys: string;
  description: string;
  where: string;
}

const CONTEXT_NAMES: Record<KeyContext, string> = {
  invocations: 'list',
  invocation: 'invocation',
  groups: 'groups',
  diff: 'diff',
  output: 'output',
  runs: 'runs',
  content: 'content',
  help: 'help',
  prompt: 'filter/search prompt',
  confirm: 'confirm',
};

/** The help overlay's rows, one per binding, in table order; without `x` and `R` in read-only mode. */
export function helpRows(opts: { readOnly?: boolean } = {}): HelpRow[] {
  return KEYMAP.filter((b) => !(opts.readOnly && WRITE_ACTIONS.has(b.action))).map((b) => ({
    keys: b.keys.map(keyLabel).join(', '),
    description: b.description,
    where: SCREENS.every((c) => b.contexts.includes(c))
      ? 'everywhere'
      : b.contexts.map((c) => CONTEXT_NAMES[c]).join(', '),
  }));
}

/** Short hints for the footer: the first key of each listed action in this context. */
export function footerHints(context: KeyContext, actions: readonly ActionId[]): string[] {
  const parts: string[] = [];
  for (const action of actions) {
    const binding = KEYMAP.find((b) => b.action === action && b.contexts.includes(context));
    if (!binding) continue;
    parts.push(`${keyLabel(binding.keys[0])} ${FOOTER_WORDS[action] ?? action}`);
  }
  return parts;
}

const FOOTER_WORDS: Partial<Record<ActionId, string>> = {
  nextInstance: 'next',
  prevInstance: 'prev',
  down: 'down',
  up: 'up',
  open: 'open',
  back: 'back',
  filter: 'filter',
  search: 'search',
  statusFilter: 'status',
  refresh: 'refresh',
  follow: 'follow',
  wrap: 'wrap',
  timestamps: 'time',
  raw: 'raw',
  nextMatch: 'next',
  content: 'content',
  stop: 'stop',
  save: 'save',
  help: 'help',
  quit: 'quit',
  runs: 'runs',
  older: 'older',
  newer: 'newer',
  groups: 'groups',
  groupMode: 'mode',
  diff: 'diff',
  rerun: 're-run',
  copyIds: 'copy ids',
  command: 'command',
  watch: 'watch',
};

const CONTROL_NAMES: Record<string, string> = {
  '\r': 'enter',
  '\n': 'enter',
  '\t': 'tab',
  '\u007f': 'backspace',
  '\b': 'backspace',
  '\u001b': 'esc',
};

/**
 * Key tokens of one `useInput` call. Keys typed fast, pasted or sent over SSH arrive as one
 * string (`"jj"`, `"j\r"`): each character is its own token, in order.
 */
export function keyTokens(input: string, key: Key): string[] {
  if (key.upArrow) return ['up'];
  if (key.downArrow) return ['down'];
  if (key.leftArrow) return ['left'];
  if (key.rightArrow) return ['right'];
  if (key.pageUp) return ['pageup'];
  if (key.pageDown) return ['pagedown'];
  if (key.home) return ['home'];
  if (key.end) return ['end'];
  if (key.return) return ['enter'];
  if (key.escape) return ['esc'];
  if (key.tab) return ['tab'];
  // Ink reports the DEL byte most terminals send for Backspace as `delete`.
  if (key.backspace || key.delete) return ['backspace'];
  if (key.ctrl && input.length === 1) return [`ctrl-${input.toLowerCase()}`];
  const tokens: string[] = [];
  // ESC followed by a key too fast arrives as meta+key: the Esc was meant.
  if (key.meta && input.length > 0) tokens.push('esc');
  for (const ch of input) {
    const named = CONTROL_NAMES[ch];
    if (named) {
      tokens.push(named);
      continue;
    }
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20) tokens.push(`ctrl-${String.fromCharCode(code + 0x60)}`);
    else tokens.push(ch);
  }
  return tokens;
}
