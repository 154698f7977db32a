// A headless terminal's visible grid as an SVG picture: every cell with its colours (16/256 palette
// and true colour), bold, dim, italic, underline and inverse; wide characters (CJK, emoji) take two
// cells. Text is placed cell by cell, so the picture lines up whatever the font's advance.
import type { IBufferCell, Terminal } from '@xterm/headless';

export interface SvgOptions {
  /** Shown in the window bar. */
  title?: string;
  fontSize?: number;
  /** The terminal's own colours: a dark (default) or a light window. */
  background?: 'dark' | 'light';
}

interface Palette {
  background: string;
  foreground: string;
  chrome: string;
  titleText: string;
  /** The 16 base colours. */
  base16: string[];
}

const PALETTES: Record<'dark' | 'light', Palette> = {
  // One Dark-like: reads well on the dark background.
  dark: {
    background: '#1b1d23',
    foreground: '#d7dae0',
    chrome: '#2a2d35',
    titleText: '#8b919c',
    base16: [
      '#3f4451', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#d7dae0',
      '#6b7280', '#ff7b86', '#b5e890', '#ffd68a', '#7cc5ff', '#de9bf2', '#6fd0dc', '#ffffff',
    ],
  },
  // One Light-like: a white window, as many terminals ship by default.
  light: {
    background: '#fafafa',
    foreground: '#383a42',
    chrome: '#e5e5e6',
    titleText: '#696c77',
    base16: [
      '#383a42', '#e45649', '#50a14f', '#c18401', '#4078f2', '#a626a4', '#0184bc', '#f0f0f0',
      '#a0a1a7', '#ca1243', '#3e953a', '#986801', '#2f5bd0', '#8b1f8a', '#0e6f9c', '#ffffff',
    ],
  },
};

// The palette of the picture being drawn (terminalToSvg sets it; everything below is synchronous).
let THEME: Palette = PALETTES.dark;

export const FONT_FAMILY =
  "'DejaVu Sans Mono', 'WenQuanYi Micro Hei Mono', 'Noto Sans Mono CJK SC', 'Sarasa Mono SC', Menlo, Consolas, 'Liberation Mono', 'Symbola', monospace";

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/** xterm's 256-colour palette: 16 base, a 6x6x6 cube, 24 greys. */
export function paletteColor(index: number): string {
  if (index < 16) return THEME.base16[index];
  if (index < 232) {
    const i = index - 16;
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    return `#${hex2(level(Math.floor(i / 36)))}${hex2(level(Math.floor(i / 6) % 6))}${hex2(level(i % 6))}`;
  }
  const grey = 8 + (index - 232) * 10;
  return `#${hex2(grey)}${hex2(grey)}${hex2(grey)}`;
}

function rgb(n: number): string {
  return `#${n.toString(16).padStart(6, '0')}`;
}

function fgOf(cell: IBufferCell): string | undefined {
  if (cell.isFgDefault()) return undefined;
  if (cell.isFgRGB()) return rgb(cell.getFgColor());
  return paletteColor(cell.getFgColor());
}

function bgOf(cell: IBufferCell): string | undefined {
  if (cell.isBgDefault()) return undefined;
  if (cell.isBgRGB()) return rgb(cell.getBgColor());
  return paletteColor(cell.getBgColor());
}

/** What a cell looks like, after inverse is applied. */
interface Style {
  fg: string;
  bg: string | undefined;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
}

function styleOf(cell: IBufferCell): Style {
  let fg = fgOf(cell);
  let bg = bgOf(cell);
  if (cell.isInverse()) {
    [fg, bg] = [bg ?? THEME.background, fg ?? THEME.foreground];
  }
  return {
    fg: fg ?? THEME.foreground,
    bg,
    bold: cell.isBold() !== 0,
    dim: cell.isDim() !== 0,
    italic: cell.isItalic() !== 0,
    underline: cell.isUnderline() !== 0,
    strike: cell.isStrikethrough() !== 0,
  };
}

function sameText(a: Style, b: Style): boolean {
  return a.fg === b.fg && a.bold === b.bold && a.dim === b.dim && a.italic === b.italic && a.underline === b.underline && a.strike === b.strike;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One cell of the grid as read from the terminal. */
export interface GridCell {
  chars: string;
  width: number;
  style: Style;
}

/** The visible grid, row by row; the second half of a wide character is left out. */
export function readGrid(term: Terminal): GridCell[][] {
  const buf = term.buffer.active;
  const rows: GridCell[][] = [];
  const cell = buf.getNullCell();
  for (let y = 0; y < term.rows; y++) {
    const line = buf.getLine(buf.viewportY + y);
    const row: GridCell[] = [];
    for (let x = 0; x < term.cols; x++) {
      const c = line?.getCell(x, cell);
      if (!c) {
        row.push({ chars: ' ', width: 1, style: { fg: THEME.foreground, bg: undefined, bold: false, dim: false, italic: false, underline: false, strike: false } });
        continue;
      }
      const width = c.getWidth();
      if (width === 0) continue; // right half of a wide character
      row.push({ chars: c.isInvisible() ? ' ' : c.getChars() || ' ', width, style: styleOf(c) });
    }
    rows.push(row);
  }
  return rows;
}

/** Render the terminal's visible grid as a standalone SVG document. */
export function terminalToSvg(term: Terminal, opts: SvgOptions = {}): string {
  THEME = PALETTES[opts.background ?? 'dark'];
  const fontSize = opts.fontSize ?? 14;
  const cw = Math.round(fontSize * 0.6 * 100) / 100; // DejaVu Sans Mono advance is 0.602 em
  const lh = Math.round(fontSize * 1.3);
  const pad = 14;
  const bar = 30;
  const width = Math.ceil(term.cols * cw + pad * 2);
  const height = Math.ceil(term.rows * lh + pad * 2 + bar);
  const ox = pad;
  const oy = bar + pad;
  const grid = readGrid(term);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(opts.title ?? 'terminal')}">`,
    `<rect width="${width}" height="${height}" rx="8" fill="${THEME.background}"/>`,
    `<path d="M0 8a8 8 0 0 1 8-8h${width - 16}a8 8 0 0 1 8 8v${bar - 8}h-${width}z" fill="${THEME.chrome}"/>`,
    `<circle cx="18" cy="15" r="6" fill="#ff5f57"/><circle cx="38" cy="15" r="6" fill="#febc2e"/><circle cx="58" cy="15" r="6" fill="#28c840"/>`,
  );
  if (opts.title) {
    out.push(
      `<text x="${width / 2}" y="20" fill="${THEME.titleText}" font-family="${escapeXml(FONT_FAMILY)}" font-size="12" text-anchor="middle">${escapeXml(opts.title)}</text>`,
    );
  }

  // Backgrounds: runs of one colour per row.
  grid.forEach((row, y) => {
    let x = 0;
    let i = 0;
    while (i < row.length) {
      const bg = row[i].style.bg;
      let w = 0;
      let j = i;
      while (j < row.length && row[j].style.bg === bg) {
        w += row[j].width;
        j++;
      }
      if (bg) out.push(`<rect x="${r2(ox + x * cw)}" y="${oy + y * lh}" width="${r2(w * cw)}" height="${lh}" fill="${bg}"/>`);
      x += w;
      i = j;
    }
  });

  // Text: runs of one style per row, each glyph at its cell's x. A cell of more than one UTF-16
  // unit (emoji, combining marks) gets an element of its own so its parts stay together.
  out.push(`<g font-family="${escapeXml(FONT_FAMILY)}" font-size="${fontSize}" xml:space="preserve">`);
  const textEl = (xs: string[], baseline: number, style: Style, text: string) => {
    const attrs = [`x="${xs.join(' ')}"`, `y="${baseline}"`, `fill="${style.fg}"`];
    if (style.bold) attrs.push('font-weight="bold"');
    if (style.italic) attrs.push('font-style="italic"');
    if (style.dim) attrs.push('opacity="0.6"');
    const deco = [style.underline ? 'underline' : '', style.strike ? 'line-through' : ''].filter(Boolean).join(' ');
    if (deco) attrs.push(`text-decoration="${deco}"`);
    out.push(`<text ${attrs.join(' ')}>${escapeXml(text)}</text>`);
  };
  grid.forEach((row, y) => {
    const baseline = oy + y * lh + Math.round(lh * 0.76);
    let x = 0;
    let i = 0;
    while (i < row.length) {
      const style = row[i].style;
      // Spaces stay inside a run (the text reads and copies as it does on screen) but a run
      // neither starts nor ends with them.
      let xs: string[] = [];
      let text = '';
      let pendingSpaces: string[] = [];
      const flush = () => {
        if (text) textEl(xs, baseline, style, text);
        xs = [];
        text = '';
        pendingSpaces = [];
      };
      let j = i;
      while (j < row.length && sameText(row[j].style, style)) {
        const c = row[j];
        const cx = r2(ox + x * cw);
        if (c.chars === ' ') {
          if (text) pendingSpaces.push(cx);
        } else if (c.chars.length > 1) {
          flush();
          textEl([cx], baseline, style, c.chars);
        } else {
          for (const sx of pendingSpaces) {
            xs.push(sx);
            text += ' ';
          }
          pendingSpaces = [];
          xs.push(cx);
          text += c.chars;
        }
        x += c.width;
        j++;
      }
      flush();
      i = j;
    }
  });
  out.push('</g>', '</svg>', '');
  return out.join('\n');
}

function r2(n: number): string {
  return String(Math.round(n * 100) / 100);
}
