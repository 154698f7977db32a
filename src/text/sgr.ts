import type { TextStyle } from './types.js';

/** The style a line starts with: SGR state is reset at each line end. */
export const PLAIN_STYLE: TextStyle = Object.freeze({});

// Only digits and ';': private (`?`, `>`), colon sub-parameter and intermediate forms are dropped.
const PLAIN_NUMERIC = /^[0-9;]*$/;
// A longer parameter list is no colour anyone means; drop it rather than parse it.
const MAX_PARAMS_LENGTH = 256;

/**
 * Applies the parameters of one `CSI ... m` to a style and returns the new style (the same object
 * when nothing changed). Conceal (8) and blink (5, 6) are never honoured; unknown codes are ignored.
 */
export function applySgr(style: TextStyle, params: string): TextStyle {
  if (params.length > MAX_PARAMS_LENGTH || !PLAIN_NUMERIC.test(params)) return style;
  // Output repeats the same few colour changes thousands of times: remember the results
  // (bounded, so a hostile stream of distinct colours cannot grow it).
  const key = `${style.fg},${style.bg},${style.bold ? 1 : 0}${style.dim ? 1 : 0}${style.italic ? 1 : 0}${style.underline ? 1 : 0}${style.inverse ? 1 : 0}|${params}`;
  let next = transitions.get(key);
  if (next === undefined) {
    next = computeSgr(style, params);
    if (transitions.size >= MAX_TRANSITIONS) transitions.clear();
    transitions.set(key, next);
  }
  return sameStyle(style, next) ? style : next;
}

const transitions = new Map<string, TextStyle>();
const MAX_TRANSITIONS = 1024;

function computeSgr(style: TextStyle, params: string): TextStyle {
  const codes = params.split(';').map((p) => (p === '' ? 0 : Number(p)));
  const next: TextStyle = { ...style };
  for (let k = 0; k < codes.length; k++) {
    const code = codes[k];
    if (code === 0) {
      for (const key of Object.keys(next) as (keyof TextStyle)[]) delete next[key];
    } else if (code === 1) next.bold = true;
    else if (code === 2) next.dim = true;
    else if (code === 3) next.italic = true;
    else if (code === 4) next.underline = true;
    else if (code === 7) next.inverse = true;
    else if (code === 22) {
      delete next.bold;
      delete next.dim;
    } else if (code === 23) delete next.italic;
    else if (code === 24) delete next.underline;
    else if (code === 27) delete next.inverse;
    else if (code >= 30 && code <= 37) next.fg = code - 30;
    else if (code >= 90 && code <= 97) next.fg = code - 90 + 8;
    else if (code >= 40 && code <= 47) next.bg = code - 40;
    else if (code >= 100 && code <= 107) next.bg = code - 100 + 8;
    else if (code === 39) delete next.fg;
    else if (code === 49) delete next.bg;
    else if (code === 38 || code === 48) {
      const color = extendedColor(codes, k);
      if (color === undefined) break; // malformed: the rest cannot be trusted to line up
      if (color.index !== undefined) {
        if (code === 38) next.fg = color.index;
        else next.bg = color.index;
      }
      k += color.consumed;
    }
  }
  return sameStyle(style, next) ? style : next;
}

/** `38;5;n` or `38;2;r;g;b` starting at codes[at]. */
function extendedColor(codes: number[], at: number): { index?: number; consumed: number } | undefined {
  const mode = codes[at + 1];
  if (mode === 5) {
    const n = codes[at + 2];
    if (n === undefined) return undefined;
    return { index: n <= 255 ? n : undefined, consumed: 2 };
  }
  if (mode === 2) {
    const [r, g, b] = [codes[at + 2], codes[at + 3], codes[at + 4]];
    if (r === undefined || g === undefined || b === undefined) return undefined;
    const ok = r <= 255 && g <= 255 && b <= 255;
    return { index: ok ? rgbTo256(r, g, b) : undefined, consumed: 4 };
  }
  return undefined;
}

const CUBE_LEVELS = [0, 95, 135, 175, 215, 255];

function cubeIndex(v: number): number {
  return v < 48 ? 0 : v < 115 ? 1 : Math.floor((v - 35) / 40);
}

/** Nearest xterm 256-colour index (6x6x6 cube or the 24-step grey ramp) for a 24-bit colour. */
export function rgbTo256(r: number, g: number, b: number): number {
  const [ri, gi, bi] = [cubeIndex(r), cubeIndex(g), cubeIndex(b)];
  const [cr, cg, cb] = [CUBE_LEVELS[ri], CUBE_LEVELS[gi], CUBE_LEVELS[bi]];
  const average = (r + g + b) / 3;
  const greyIndex = average > 238 ? 23 : Math.max(0, Math.round((average - 8) / 10));
  const grey = 8 + 10 * greyIndex;
  const distance = (x: number, y: number, z: number) => (x - r) ** 2 + (y - g) ** 2 + (z - b) ** 2;
  return distance(grey, grey, grey) < distance(cr, cg, cb) ? 232 + greyIndex : 16 + 36 * ri + 6 * gi + bi;
}

const STYLE_KEYS: (keyof TextStyle)[] = ['fg', 'bg', 'bold', 'dim', 'italic', 'underline', 'inverse'];

export function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return STYLE_KEYS.every((key) => a[key] === b[key]);
}
