import { DomUtils, parseDocument } from 'htmlparser2';
import type { ImageResolution } from './image-assets.js';

export interface Qti12HtmlContext {
  readonly resolveImage: (src: string) => ImageResolution;
  /** Something in the HTML was not kept as it was (a missing image, a remote one). */
  readonly loss: (reason: string) => void;
}

/**
 * Prepares the HTML of a QTI 1.2 `mattext` for the HTML→Markdown converter: Canvas's equation images
 * (`<img class="equation_image" data-equation-content="E=mc^2">`) become their TeX, `\(E=mc^2\)`; other images get
 * the path of the asset written beside the exam (LMS placeholders such as `$IMS-CC-FILEBASE$` resolved), are kept as
 * links when remote, and dropped with a loss when the package does not hold them.
 *
 * @example
 * prepareQti12Html('<img class="equation_image" data-equation-content="x^2">', context); // '\\(x^2\\)'
 */
export function prepareQti12Html(html: string, context: Qti12HtmlContext): string {
  const document = parseDocument(html, { decodeEntities: true, withStartIndices: true, withEndIndices: true });
  const images = DomUtils.findAll((element) => element.name === 'img', document.children);
  // Each image tag is replaced in the source text (last first, so earlier offsets stay valid): nothing else changes.
  let result = html;
  for (const image of [...images].reverse()) {
    const start = image.startIndex ?? 0;
    const end = (image.endIndex ?? start) + 1;
    result = `${result.slice(0, start)}${replacementFor(image.attribs, context)}${result.slice(end)}`;
  }
  return result;
}

/** The HTML that takes the image tag's place: TeX for an equation, the tag with its new source, or nothing. */
function replacementFor(attributes: Record<string, string>, context: Qti12HtmlContext): string {
  const tex = equationTex(attributes);
  if (tex !== undefined) return escapeText(`\\(${tex}\\)`);
  const src = attributes.src ?? '';
  const found = context.resolveImage(src);
  const alt = escapeText(attributes.alt ?? '').replace(/"/g, '&quot;');
  if (found.kind === 'asset') return `<img src="${escapeText(found.path)}" alt="${alt}">`;
  if (found.kind === 'remote') {
    context.loss(`the image ${found.url} is on the web, not in the package; it was kept as a link`);
    return `<img src="${escapeText(found.url).replace(/"/g, '&quot;')}" alt="${alt}">`;
  }
  context.loss(`the image ${found.reference} is not in the package; it was left out`);
  return '';
}

/** Canvas keeps an equation's TeX in `data-equation-content`, else in `alt` after `LaTeX: `, else in `title`. */
function equationTex(attributes: Record<string, string>): string | undefined {
  const isEquation =
    /\bequation_image\b/.test(attributes.class ?? '') || /\/equation_images\//.test(attributes.src ?? '');
  if (!isEquation) return undefined;
  const tex = attributes['data-equation-content'] ?? attributes.alt?.replace(/^LaTeX:\s*/, '') ?? attributes.title;
  return tex?.trim() || undefined;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
