/** Markup that is already safe (built by `html`, or an SVG drawn by the chart library). */
export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Value = string | number | Markup | readonly Markup[] | undefined | false;

/**
 * A tagged template that escapes every interpolated value unless it is `Markup`, so text from the exam (titles,
 * reasons) can never become markup in the report.
 *
 * @example
 * html`<td>${'<b>'}</td>`.text; // '<td>&lt;b&gt;</td>'
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let text = strings[0] ?? '';
  values.forEach((value, index) => {
    text += valueText(value) + (strings[index + 1] ?? '');
  });
  return new Markup(text);
}

function valueText(value: Value): string {
  if (value === undefined || value === false) return '';
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map((item: Markup) => item.text).join('');
  return escapeHtml(String(value));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
