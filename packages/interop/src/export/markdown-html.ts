import { findMath, type MathSegment } from '@examforge/core';
import MarkdownIt from 'markdown-it';
import { escapeXmlAttribute, escapeXmlText } from './xml-text.js';

/** How a target writes what Markdown cannot say by itself: math, and where an image's bytes go. */
export interface HtmlTarget {
  /** The markup for one piece of TeX (`\( x \)` text for Moodle, MathML for QTI). */
  readonly math: (tex: string, display: boolean) => string;
  /** The `src` to write for an image the exam refers to by `path`; undefined when the image cannot be written. */
  readonly imageSource: (path: string, alt: string) => string | undefined;
}

/**
 * Exam text (Markdown with `$…$` math) → HTML that is also well-formed XML (XHTML), for Moodle and QTI alike.
 * Raw HTML in the exam is not passed through (`html: false`), as in the web app's renderer; strikethrough is off
 * because QTI's XHTML subset has no element for it. The math is cut out before Markdown runs, as in the web app.
 */
const markdown = new MarkdownIt({ html: false, xhtmlOut: true, linkify: false, typographer: false, breaks: false });
markdown.disable('strikethrough');

interface RenderEnvironment {
  readonly target: HtmlTarget;
}

markdown.renderer.rules.image = (tokens, index, _options, env: RenderEnvironment) => {
  const token = tokens[index];
  const path = decodePath(token?.attrGet('src') ?? '');
  const alt = token?.children?.map((child) => child.content).join('') ?? token?.content ?? '';
  const source = env.target.imageSource(path, alt);
  // An image that cannot be written keeps its description, so the stem still says what was there.
  if (source === undefined) return escapeXmlText(alt === '' ? `[image: ${path}]` : `[image: ${alt}]`);
  return `<img src="${escapeXmlAttribute(source)}" alt="${escapeXmlAttribute(alt)}"/>`;
};

/** markdown-it percent-encodes link targets (a space becomes %20); the exam's asset has the path as written. */
function decodePath(source: string): string {
  try {
    return decodeURI(source);
  } catch {
    return source;
  }
}

// Private-use characters: Markdown treats them as text, and exam text has no business containing them.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');
const PRIVATE_USE = new RegExp(`[${OPEN}${CLOSE}]`, 'g');

/**
 * Block Markdown as XHTML.
 *
 * @example
 * markdownToHtml('Let $x$ be *small*.', moodleTarget); // '<p>Let \\(x\\) be <em>small</em>.</p>'
 */
export function markdownToHtml(source: string, target: HtmlTarget): string {
  return renderWith(source, target, (text, env) => markdown.render(text, env)).trim();
}

/** Inline Markdown (no paragraph around it): option texts. */
export function markdownToInlineHtml(source: string, target: HtmlTarget): string {
  return renderWith(source, target, (text, env) => markdown.renderInline(text, env)).trim();
}

function renderWith(
  source: string,
  target: HtmlTarget,
  render: (text: string, env: RenderEnvironment) => string,
): string {
  const text = source.replace(PRIVATE_USE, '');
  const segments = findMath(text).segments;
  const html = render(withPlaceholders(text, segments), { target });
  return html.replace(PLACEHOLDER, (_match, index: string) => {
    const segment = segments[Number(index)];
    return segment ? target.math(segment.tex, segment.display) : '';
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

/** TeX as Moodle's MathJax filter reads it: `\( … \)` inline, `\[ … \]` display, escaped as HTML text. */
export function texDelimited(tex: string, display: boolean): string {
  return escapeXmlText(display ? `\\[${tex}\\]` : `\\(${tex}\\)`);
}
