import { findMath, type MathSegment } from '@examforge/core';
import katex from 'katex';
import MarkdownIt from 'markdown-it';

/**
 * Exam text → safe HTML: Markdown with `$…$` / `$$…$$` math.
 *
 * The math is cut out before Markdown runs (otherwise `$a_1 + b_1$` would turn into emphasis and `\\` into a line
 * break) and replaced by placeholders Markdown leaves alone; after rendering, each placeholder becomes KaTeX's HTML.
 * Safe because Markdown may not pass raw HTML through (`html: false`, and markdown-it refuses `javascript:` links)
 * and KaTeX runs with `trust: false` (no `\href`, `\includegraphics`, …) and `throwOnError: false`, so a mistake in
 * the TeX shows in red instead of breaking the page.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });

// Private-use characters: Markdown treats them as text, and exam text has no business containing them.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');
const PRIVATE_USE = new RegExp(`[${OPEN}${CLOSE}]`, 'g');

/**
 * Block Markdown (paragraphs, lists, code blocks, tables) with math.
 *
 * @example
 * renderMarkdown('Let $x_1$ be *small*.'); // '<p>Let <span class="katex">…</span> be <em>small</em>.</p>\n'
 */
export function renderMarkdown(source: string): string {
  return renderWith(source, (text) => markdown.render(text));
}

/** Inline Markdown only (no paragraph around it): for option texts and short labels. */
export function renderInlineMarkdown(source: string): string {
  return renderWith(source, (text) => markdown.renderInline(text));
}

/** One piece of TeX as HTML. */
export function renderMath(tex: string, displayMode: boolean): string {
  try {
    return katex.renderToString(tex, { displayMode, throwOnError: false, trust: false, strict: 'ignore' });
  } catch {
    // throwOnError covers parse errors only; anything else still must not break the page.
    return `<code class="math-error">${markdown.utils.escapeHtml(tex)}</code>`;
  }
}

function renderWith(source: string, renderText: (text: string) => string): string {
  const text = source.replace(PRIVATE_USE, '');
  const segments = findMath(text).segments;
  const html = renderText(withPlaceholders(text, segments));
  return html.replace(PLACEHOLDER, (_match, index: string) => {
    const segment = segments[Number(index)];
    return segment ? renderMath(segment.tex, segment.display) : '';
  });
}

/** The text with each math segment, delimiters included, replaced by its numbered placeholder. */
function withPlaceholders(text: string, segments: readonly MathSegment[]): string {
  let result = '';
  let position = 0;
  segments.forEach((segment, index) => {
    const delimiter = segment.display ? 2 : 1;
    result += text.slice(position, segment.offset - delimiter) + `${OPEN}${index}${CLOSE}`;
    position = segment.offset + segment.tex.length + delimiter;
  });
  return result + text.slice(position);
}
