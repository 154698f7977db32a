// Just enough reading of a RunCommand script to end it as a shell would: statements split on
// newlines and `;` outside quotes, comments dropped, and the first bare `exit N` ends the script
// with N (the last exit it runs; nothing after it runs). Conditional exits (`|| exit 1`,
// `then exit 2`) cannot be decided here and are not taken.

/** The top-level statements of a script, trimmed, without comments or empty ones. */
export function statements(content: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: '"' | "'" | null = null;
  let comment = false;
  const flush = () => {
    const s = cur.trim();
    if (s !== '') out.push(s);
    cur = '';
  };
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (comment) {
      if (ch === '\n') {
        comment = false;
        flush();
      }
      continue;
    }
    if (quote) {
      cur += ch;
      if (ch === '\\' && quote === '"' && i + 1 < content.length) cur += content[++i];
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '\\' && i + 1 < content.length) {
      cur += ch + content[++i];
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      cur += ch;
    } else if (ch === '#' && (cur === '' || /\s$/.test(cur))) {
      comment = true;
    } else if (ch === '\n' || ch === '\r' || ch === ';') {
      flush();
    } else cur += ch;
  }
  flush();
  return out;
}

const EXIT = /^exit(?:\s+\/b)?(?:\s+(-?\d+))?$/i;

/** The exit code of a script: its first bare `exit N` (`exit` alone: 0; `exit /b N` in Bat), else 0. */
export function scriptExit(content: string): number {
  for (const s of statements(content)) {
    const m = EXIT.exec(s);
    if (m) return m[1] === undefined ? 0 : ((Number(m[1]) % 256) + 256) % 256;
  }
  return 0;
}
