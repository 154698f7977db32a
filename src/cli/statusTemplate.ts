// The `--format` template of `--once --format`: text with `{placeholder}`s, parsed once when the
// flags are read so an unknown placeholder is a usage error before any request is sent.

export const STATUS_PLACEHOLDERS = [
  'running',
  'failed',
  'partial',
  'success',
  'stopped',
  'pending',
  'total',
  'region',
  'latest.name',
  'latest.status',
] as const;
export type StatusPlaceholder = (typeof STATUS_PLACEHOLDERS)[number];

/** Literal text, or the name of a value to put in its place. */
export type TemplatePart = { text: string } | { field: StatusPlaceholder };

export type TemplateResult = { parts: TemplatePart[] } | { error: string };

const KNOWN: ReadonlySet<string> = new Set(STATUS_PLACEHOLDERS);

/** `{{` and `}}` stand for literal braces; any other brace must open or close a known placeholder. */
export function parseStatusTemplate(template: string): TemplateResult {
  const parts: TemplatePart[] = [];
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if ((c === '{' || c === '}') && template[i + 1] === c) {
      text += c;
      i++;
    } else if (c === '{') {
      const end = template.indexOf('}', i + 1);
      const name = end < 0 ? undefined : template.slice(i + 1, end);
      if (name === undefined || !KNOWN.has(name)) {
        const what = name === undefined ? 'an unclosed {' : `unknown placeholder {${name.length > 30 ? `${name.slice(0, 30)}...` : name}}`;
        return { error: `${what}; placeholders are ${STATUS_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')} ({{ and }} for braces)` };
      }
      if (text) parts.push({ text });
      text = '';
      parts.push({ field: name as StatusPlaceholder });
      i = end;
    } else if (c === '}') {
      return { error: 'a } without its {; write }} for a literal brace' };
    } else {
      text += c;
    }
  }
  if (text) parts.push({ text });
  return { parts };
}

/** The line: each placeholder replaced by its value (values are made safe by the caller). */
export function renderStatusTemplate(parts: readonly TemplatePart[], values: Record<StatusPlaceholder, string>): string {
  return parts.map((p) => ('text' in p ? p.text : values[p.field])).join('');
}
