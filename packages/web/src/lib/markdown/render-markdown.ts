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

/** What a render passes to markdown-it's rules: where relative image paths are served from. */
interface RenderEnv {
  readonly imageBase?: string;
}

// An image written relative to the exam file (`images/fig.png`) is served by the exam's files route (its path as one
// segment, `images%2Ffig.png`), not relative to the page.
const renderImage = markdown.renderer.rules.image;
markdown.renderer.rules.image = (tokens, index, options, env: RenderEnv, self) => {
  const token = tokens[index];
  const src = token?.attrGet('src');
  if (token && src && env.imageBase && isRelative(src))
    token.attrSet('src', env.imageBase + encodeURIComponent(decoded(src)));
  return renderImage ? renderImage(tokens, index, options, env, self) : self.renderToken(tokens, index, options);
};

/** The path as written in the exam file: markdown-it percent-encodes what it must, the files route takes one segment. */
function decoded(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

function isRelative(src: string): boolean {
  return !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(src);
}

// Private-use characters: Markdown treats them as text, and exam text has no business containing them.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');
const PRIVATE_USE = new RegExp(`[${OPEN}${CLOSE}]`, 'g');

/**
 * Block Markdown (paragraphs, lists, code blocks, tables) with math; images written relative to the exam file are
 * served from `imageBase` when it is given.
 *
 * @example
 * renderMarkdown('Let $x_1$ be *small*.'); // '<p>Let <span class="katex">…</span> be <em>small</em>.</p>\n'
 */
export function renderMarkdown(source: string, imageBase?: string): string {
  const env: RenderEnv = imageBase === undefined ? {} : { imageBase };
  return renderWith(source, (text) => markdown.render(text, env));
}

/** Inline Markdown only (no paragraph around it): for option texts and short labels. */
export function renderInlineMarkdown(source: string, imageBase?: string): string {
  const env: RenderEnv = imageBase === undefined ? {} : { imageBase };
  return renderWith(source, (text) => markdown.renderInline(text, env));
}

/** One piece of TeX as HTML. */
export function renderMath(tex: string, displayMode: boolean): string {
  try {
    const html = katex.renderToString(tex, { displayMode, throwOnError: false, trust: false, strict: 'ignore' });
    // A display formula wider than a narrow screen scrolls in its own box; keyboard users must reach it to scroll it.
    return displayMode ? html.replace('<span class="katex-display"', '<span class="katex-display" tabindex="0"') : html;
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
