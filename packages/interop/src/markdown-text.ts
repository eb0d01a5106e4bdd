/**
 * Plain text from another system as Markdown text: its Markdown characters escaped, its TeX (`\( \)`, `\[ \]`,
 * `$$ $$`) turned into the exam format's `$…$` and `$$…$$`. Used on HTML text nodes and on plain-text formats
 * (Aiken, GIFT's plain answers) alike.
 */

/** Characters Markdown (or the exam format's math and attribute syntax) would read as syntax. */
const SPECIAL = /[\\`*_[\]<>$~|#]|&(?=#?\w+;)/g;

/**
 * Escapes Markdown's syntax characters so the text reads back as the same text.
 *
 * @example
 * escapeMarkdown('a_b * 2 <html> costs $5'); // 'a\\_b \\* 2 \\<html\\> costs \\$5'
 */
export function escapeMarkdown(text: string): string {
  return text.replace(SPECIAL, (char) => `\\${char}`);
}

/**
 * Escapes what would start a block at the start of a line (a list item, a numbered item, a heading underline), for
 * text already escaped by `escapeMarkdown`.
 *
 * @example
 * escapeLineStarts('- not a list\n1. nor this'); // '\\- not a list\n1\\. nor this'
 */
export function escapeLineStarts(text: string): string {
  return text
    .replace(/^(\s*)([-+=])(?=\s|$)/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, '$1\\$2')
    .replace(
      /^(\s*)(-{3,}|={3,})\s*$/gm,
      (_line, lead: string, rule: string) => `${lead}${rule.replace(/./g, '\\$&')}`,
    );
}

const TEX = /\\\(([\s\S]*?)\\\)|\\\[([\s\S]*?)\\\]|\$\$([\s\S]*?)\$\$/g;

/**
 * Escapes text and keeps its TeX as math. `checkTex` says why a piece of TeX would not render (or undefined when it
 * renders); TeX that would not is kept as code, `\(…\)` delimiters and all, so nothing is lost and nothing shows red.
 *
 * @example
 * texToMarkdown('Solve \\(x^2 = 1\\) for $x$', () => undefined); // 'Solve $x^2 = 1$ for \\$x\\$'
 */
export function texToMarkdown(
  text: string,
  checkTex: (tex: string, display: boolean) => string | undefined = () => undefined,
): string {
  let result = '';
  let position = 0;
  for (const match of text.matchAll(TEX)) {
    result += escapeMarkdown(text.slice(position, match.index));
    position = match.index + match[0].length;
    const display = match[1] === undefined;
    const raw = (match[1] ?? match[2] ?? match[3] ?? '').trim();
    const tex = display ? raw : raw.replace(/\s+/g, ' ');
    if (tex === '') continue;
    const unusable = tex.includes('$') || checkTex(tex, display) !== undefined;
    result += unusable ? codeSpan(match[0]) : display ? `$$${tex}$$` : `$${tex}$`;
  }
  return result + escapeMarkdown(text.slice(position));
}

function codeSpan(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((match) => match[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks} ${flat} ${ticks}`;
}
