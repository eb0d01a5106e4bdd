import type { Element, Node } from '@xmldom/xmldom';
import { mathmlToTex } from './mathml-to-tex.js';
import { qtiAttr, qtiName } from './qti-names.js';
import { CDATA_SECTION_NODE, TEXT_NODE, descendants, isElement, textOf } from './xml-document.js';

/** What rendering needs from the converter: where images go, what to do with interactions and losses. */
export interface RenderContext {
  /** The `src` to write for an image the item refers to (e.g. `images/sign.png`), or undefined to drop it. */
  readonly image: (src: string, element: Element) => string | undefined;
  /** HTML for an interaction, or undefined to leave it out. */
  readonly interaction: (element: Element) => string | undefined;
  /** Something in the content could not be rendered exactly (MathML with no simple TeX form). */
  readonly loss: (element: Element, reason: string) => void;
}

/** Elements whose content students do not see while answering (feedback, scoring-only parts). */
const HIDDEN = new Set([
  'feedbackBlock',
  'feedbackInline',
  'modalFeedback',
  'templateDeclaration',
  'stylesheet',
  'companionMaterialsInfo',
]);

/**
 * Renders QTI item content (XHTML mixed with QTI elements and MathML) as an HTML string for the HTML→Markdown
 * converter: MathML becomes `\( … \)` TeX, images get their new paths, interactions are rendered by the caller,
 * feedback is left out, and every QTI element that only wraps content keeps its content.
 *
 * @example
 * renderBodyHtml(childNodes(item.body), context); // '<p>Look at the text.</p><p><img src="images/sign.png" …></p>'
 */
export function renderBodyHtml(nodes: readonly Node[], context: RenderContext): string {
  return nodes.map((node) => renderNode(node, context)).join('');
}

export function childNodes(element: Element): Node[] {
  const nodes: Node[] = [];
  for (let child = element.firstChild; child; child = child.nextSibling) nodes.push(child);
  return nodes;
}

function renderNode(node: Node, context: RenderContext): string {
  if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) return escapeHtml(textOf(node));
  if (!isElement(node)) return '';
  const name = qtiName(node);
  if (name === 'math') return renderMath(node, context);
  if (name.endsWith('Interaction')) return context.interaction(node) ?? '';
  // Adaptive items put their later parts in feedback blocks: a block that holds an interaction is part of the question.
  const holdsInteraction = descendants(node, (e) => qtiName(e).endsWith('Interaction')).length > 0;
  if (
    (HIDDEN.has(name) && !holdsInteraction) ||
    (name === 'rubricBlock' && !/candidate/.test(qtiAttr(node, 'view') ?? 'candidate'))
  )
    return '';
  if (name === 'gap') return ' _____ ';
  if (name === 'printedVariable') return `[${escapeHtml(qtiAttr(node, 'identifier') ?? '')}]`;
  if (name === 'img' || (name === 'object' && /^image\//.test(node.getAttribute('type') ?? '')))
    return renderImage(node, context);
  if (name === 'br' || name === 'hr') return `<${name}>`;
  const inner = renderBodyHtml(childNodes(node), context);
  if (node.localName?.startsWith('qti-') || !HTML_ELEMENTS.has(name)) return inner;
  return `<${name}>${inner}</${name}>`;
}

function renderMath(math: Element, context: RenderContext): string {
  const reading = mathmlToTex(math);
  if (reading.ok) return reading.tex === '' ? '' : escapeHtml(`\\(${reading.tex}\\)`);
  const text = textOf(math).replace(/\s+/g, ' ').trim();
  context.loss(math, `MathML with \`${reading.unsupported}\` has no simple TeX form; its text "${text}" was kept`);
  return escapeHtml(text);
}

function renderImage(element: Element, context: RenderContext): string {
  const src = element.getAttribute('src') ?? element.getAttribute('data') ?? '';
  const written = context.image(src, element);
  if (written === undefined) return '';
  const alt = element.getAttribute('alt') ?? '';
  return `<img src="${escapeHtml(written)}" alt="${escapeHtml(alt)}">`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The XHTML elements QTI allows in content that carry meaning for Markdown; others keep only their content. */
const HTML_ELEMENTS = new Set([
  'p',
  'div',
  'span',
  'b',
  'strong',
  'i',
  'em',
  'u',
  'sub',
  'sup',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'caption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dl',
  'dt',
  'dd',
  'a',
  'small',
  'big',
  'abbr',
  'cite',
  'q',
  'kbd',
  'samp',
  'var',
  'tt',
  'col',
  'colgroup',
  'tfoot',
  'address',
  'label',
]);

/** The rendered text of an element's content with no markup, for accepted answers and choice lists in notes. */
export function plainText(element: Element): string {
  return textOf(element).replace(/\s+/g, ' ').trim();
}
