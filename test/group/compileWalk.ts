// Compiles src/group/walk.wat, with src/group/walkRules.wat's fields added to its module (wabt, a
// dev dependency), into the module src/group/walkBytes.ts holds, so that the CLI needs no
// compiler. `npm run wasm` writes it; walk.test.ts checks it is current. Before compiling, calls
// to the small pure helpers (a function of its parameters, one expression, no locals) are replaced
// by their bodies: V8 does not inline WebAssembly calls by default, and a call costs more than the
// few instructions such a helper holds.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabt from 'wabt';

const WAT = fileURLToPath(new URL('../../src/group/walk.wat', import.meta.url));
const RULES_WAT = fileURLToPath(new URL('../../src/group/walkRules.wat', import.meta.url));
export const BYTES_FILE = fileURLToPath(new URL('../../src/group/walkBytes.ts', import.meta.url));

type Node = string | Node[];

/** The text's S-expressions (comments dropped; no string holds a parenthesis here). */
export function parse(text: string): Node[] {
  const tokens = text.replace(/\(;[\s\S]*?;\)/g, ' ').replace(/;;.*$/gm, ' ').match(/\(|\)|"(?:[^"\\]|\\.)*"|[^\s()]+/g) ?? [];
  const root: Node[] = [];
  const open: Node[][] = [root];
  for (const t of tokens) {
    if (t === '(') {
      const list: Node[] = [];
      open[open.length - 1].push(list);
      open.push(list);
    } else if (t === ')') {
      if (open.length === 1) throw new Error('walk.wat: unbalanced )');
      open.pop();
    } else open[open.length - 1].push(t);
  }
  if (open.length !== 1) throw new Error('walk.wat: unbalanced (');
  return root;
}

export function print(node: Node): string {
  return typeof node === 'string' ? node : `(${node.map(print).join(' ')})`;
}

interface Helper {
  params: string[];
  body: Node;
}

/** A function of its parameters alone: `(func $f (param $a t)... (result t) expression)`. */
function helperOf(func: Node[]): Helper | undefined {
  const [, name, ...rest] = func;
  if (typeof name !== 'string' || !name.startsWith('$')) return undefined;
  const params: string[] = [];
  let k = 0;
  for (; k < rest.length; k++) {
    const part = rest[k];
    if (!Array.isArray(part) || (part[0] !== 'param' && part[0] !== 'result')) break;
    if (part[0] === 'param') {
      if (part.length !== 3 || typeof part[1] !== 'string') return undefined;
      params.push(part[1]);
    }
  }
  const body = rest.slice(k);
  if (body.length !== 1 || !Array.isArray(body[0]) || params.length === 0) return undefined;
  return { params, body: body[0] };
}

function expand(node: Node, helpers: ReadonlyMap<string, Helper>, bound: ReadonlyMap<string, Node> = new Map()): Node {
  if (typeof node === 'string') return node;
  if (node[0] === 'local.get' && typeof node[1] === 'string' && bound.has(node[1])) return bound.get(node[1])!;
  const args = node.map((n) => expand(n, helpers, bound));
  const helper = args[0] === 'call' && typeof args[1] === 'string' ? helpers.get(args[1]) : undefined;
  if (!helper) return args;
  if (args.length - 2 !== helper.params.length) throw new Error(`walk.wat: ${String(args[1])} takes ${helper.params.length} arguments`);
  return expand(helper.body, helpers, new Map(helper.params.map((p, k) => [p, args[k + 2]])));
}

function moduleOf(text: string): Node[] {
  const [mod, ...extra] = parse(text);
  if (!Array.isArray(mod) || mod[0] !== 'module' || extra.length) throw new Error('walk.wat: one module expected');
  return mod;
}

/** The module of `text` with the fields of `more`'s added, its helpers' calls inlined and the helpers left out. */
export function inlined(text: string, more = '(module)'): string {
  const mod = [...moduleOf(text), ...moduleOf(more).slice(1)];
  const helpers = new Map<string, Helper>();
  for (const field of mod) {
    if (!Array.isArray(field) || field[0] !== 'func') continue;
    const h = helperOf(field);
    if (h) helpers.set(field[1] as string, h);
  }
  const kept = mod.filter((f) => !(Array.isArray(f) && f[0] === 'func' && helpers.has(f[1] as string)));
  return print(expand(kept, helpers));
}

export async function compileWalk(): Promise<Uint8Array> {
  const tools = await wabt();
  const mod = tools.parseWat('walk.wat', inlined(readFileSync(WAT, 'utf8'), readFileSync(RULES_WAT, 'utf8')));
  try {
    mod.validate();
    return mod.toBinary({}).buffer;
  } finally {
    mod.destroy();
  }
}

/** The source of src/group/walkBytes.ts for these bytes. */
export function bytesModule(bytes: Uint8Array): string {
  const base64 = Buffer.from(bytes).toString('base64');
  const lines = base64.match(/.{1,96}/g) ?? [];
  return [
    '// Generated from walk.wat by `npm run wasm` (test/group/compileWalk.ts); test/group/walk.test.ts checks it is current.',
    'export const WALK_WASM =',
    ...lines.map((l, k) => `  '${l}'${k === lines.length - 1 ? ';' : ' +'}`),
    '',
  ].join('\n');
}

if (process.argv.includes('--write')) writeFileSync(BYTES_FILE, bytesModule(await compileWalk()));
