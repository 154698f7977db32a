/** One run of a display line with the style plain numeric SGR gave it (never raw escape bytes). */
export interface StyledSpan {
  text: string;
  /** 0-255 palette index. */
  fg?: number;
  bg?: number;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

/** A span's style without its text. */
export type TextStyle = Omit<StyledSpan, 'text'>;

export interface DisplayLine {
  /** Printable only: no code point in 0x00-0x1f or 0x7f-0x9f, no ESC; safe to hand to Ink. */
  text: string;
  /** Terminal cells, equal to displayWidth(text). */
  width: number;
  /** A carriage return let later text overwrite earlier text on this line: the UI shows a marker. */
  overwritten: boolean;
  /** Only with { keepSgr: true }: `text` split into styled spans. */
  spans?: StyledSpan[];
}

export interface DisplayOptions {
  /** Show every control in caret notation, no carriage-return collapse, no tab expansion. */
  raw?: boolean;
  /** Keep plain numeric SGR colours and attributes as spans. */
  keepSgr?: boolean;
  /** Tab stops every this many cells (default 8). */
  tabWidth?: number;
  /** Start an overwritten line's text with OVERWRITTEN_MARK (default true). */
  markOverwritten?: boolean;
  /** Cut lines longer than this many cells with a visible '… [N more]' marker (default 10 000). */
  maxLineLength?: number;
}
