import katex from 'katex';
import type { ExportNotes, ReadAsset } from '../export/export-context.js';
import { markdownToHtml, markdownToInlineHtml, texDelimited, type HtmlTarget } from '../export/markdown-html.js';
import { raw, type XmlNode } from '../export/xml-text.js';

/** The images of a package: each distinct exam path once, under `images/`, with the bytes to write. */
export class PackageImages {
  private readonly byPath = new Map<string, string>();
  readonly files = new Map<string, Uint8Array>();

  constructor(private readonly readAsset: ReadAsset) {}

  /** The package path of an image (`images/name.png`), or undefined when it cannot be read. */
  add(path: string): string | undefined {
    const known = this.byPath.get(path);
    if (known !== undefined) return known;
    const bytes = this.readAsset(path);
    if (!bytes) return undefined;
    const name =
      path
        .split(/[\\/]/)
        .filter((part) => part !== '' && part !== '.' && part !== '..')
        .pop() ?? 'image';
    let packagePath = `images/${safeFileName(name)}`;
    for (let index = 2; this.files.has(packagePath); index += 1) packagePath = `images/${index}-${safeFileName(name)}`;
    this.byPath.set(path, packagePath);
    this.files.set(packagePath, bytes);
    return packagePath;
  }
}

function safeFileName(name: string): string {
  return name.replace(/[^\w.-]/g, '_');
}

/** Where an item's text is rendered: its images go into the package and are listed as the item's files. */
export interface QtiTextContext {
  readonly images: PackageImages;
  readonly notes: ExportNotes;
  readonly questionId: string;
  /** The package paths of the images this item uses (filled while rendering). */
  readonly usedImages: Set<string>;
}

/**
 * Exam Markdown as QTI 3.0 XHTML: math as MathML (KaTeX's, with the TeX kept in an `application/x-tex` annotation so
 * nothing of it is lost), images as package files referred to from the item (`../images/…`).
 */
export function qtiHtml(markdown: string, context: QtiTextContext, inline = false): XmlNode {
  const target = qtiHtmlTarget(context);
  return raw(inline ? markdownToInlineHtml(markdown, target) : markdownToHtml(markdown, target));
}

function qtiHtmlTarget(context: QtiTextContext): HtmlTarget {
  return {
    math: (tex, display) => mathMl(tex, display, context),
    imageSource: (path) => {
      const packagePath = context.images.add(path);
      if (packagePath === undefined) {
        context.notes.add(
          context.questionId,
          'partial',
          `the image ${path} could not be read, so its description is written instead of it`,
        );
        return undefined;
      }
      context.usedImages.add(packagePath);
      return `../${packagePath}`;
    },
  };
}

function mathMl(tex: string, display: boolean, context: QtiTextContext): string {
  try {
    const html = katex.renderToString(tex, {
      output: 'mathml',
      displayMode: display,
      throwOnError: true,
      trust: false,
    });
    const math = /<math[\s\S]*<\/math>/.exec(html);
    if (math) return math[0];
  } catch {
    // TeX KaTeX cannot read is kept as text below.
  }
  context.notes.add(
    context.questionId,
    'partial',
    `the math ${display ? `$$${tex}$$` : `$${tex}$`} could not be turned into MathML; it is written as TeX text`,
  );
  return texDelimited(tex, display);
}
