import { deflateSync } from 'node:zlib';
import SVGtoPDF from 'svg-to-pdfkit';
import type { MathDrawing, MathGlyph } from './math-pdf.js';
import type { MathSvg } from './math-svg.js';

/** Where a formula goes on the page (PDFKit coordinates: points, y downwards). */
export interface MathBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface DocumentForms {
  readonly formulas: Map<MathDrawing, { name: string; ref: PDFKit.PDFKitReference }>;
  readonly glyphs: Map<string, PDFKit.PDFKitReference>;
}

/** Per document: each formula's and each glyph's form XObject, written once and referenced wherever it is shown. */
const forms = new WeakMap<PDFKit.PDFDocument, DocumentForms>();

/**
 * Per process: each form's compressed stream. PDFKit would deflate the same operators again in every PDF; the bytes are
 * the same as its own (zlib's defaults), only computed once.
 */
const deflated = new WeakMap<MathDrawing | MathGlyph, Buffer>();

function deflatedOperators(drawing: MathDrawing | MathGlyph): Buffer {
  let data = deflated.get(drawing);
  if (!data) deflated.set(drawing, (data = deflateSync(Buffer.from(`${drawing.operators}\n`, 'latin1'))));
  return data;
}

/**
 * Draws typeset math into exactly the box the line layout reserved for it. A formula is stored once per PDF as a form
 * XObject and each occurrence is one `Do`; formulas in turn paint shared glyph forms. A merged print job of 300
 * shuffled copies holds each formula, and each glyph, once.
 *
 * @example
 * drawMath(doc, typesetMath('x^2', false), { x: 72, y: 100, width: 12, height: 9 });
 */
export function drawMath(doc: PDFKit.PDFDocument, math: MathSvg, box: MathBox): void {
  if (!math.drawing) return drawWithSvgToPdf(doc, math.svg, box);
  const form = formFor(doc, math.drawing);
  const [bx, by, bw, bh] = math.drawing.box;
  const sx = box.width / bw;
  const sy = box.height / bh;
  (doc.page.xobjects as Record<string, PDFKit.PDFKitReference>)[form.name] ??= form.ref;
  doc.save();
  doc.transform(sx, 0, 0, sy, box.x - bx * sx, box.y - by * sy);
  doc.addContent(`/${form.name} Do`);
  doc.restore();
}

function formFor(doc: PDFKit.PDFDocument, drawing: MathDrawing): { name: string; ref: PDFKit.PDFKitReference } {
  let documentForms = forms.get(doc);
  if (!documentForms) forms.set(doc, (documentForms = { formulas: new Map(), glyphs: new Map() }));
  const existing = documentForms.formulas.get(drawing);
  if (existing) return existing;
  const glyphs: Record<string, PDFKit.PDFKitReference> = {};
  for (const [name, glyph] of drawing.glyphs) glyphs[name] = glyphForm(doc, documentForms.glyphs, name, glyph);
  const [x, y, width, height] = drawing.box;
  const ref = doc.ref({
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [x, y, x + width, y + height],
    Resources: { XObject: glyphs },
    Filter: 'FlateDecode',
  });
  ref.end(deflatedOperators(drawing));
  const form = { name: `Math${documentForms.formulas.size + 1}`, ref };
  documentForms.formulas.set(drawing, form);
  return form;
}

function glyphForm(
  doc: PDFKit.PDFDocument,
  glyphs: Map<string, PDFKit.PDFKitReference>,
  name: string,
  glyph: MathGlyph,
): PDFKit.PDFKitReference {
  const existing = glyphs.get(name);
  if (existing) return existing;
  const ref = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [...glyph.box], Filter: 'FlateDecode' });
  ref.end(deflatedOperators(glyph));
  glyphs.set(name, ref);
  return ref;
}

/**
 * svg-to-pdfkit would resolve MathJax's `ex` sizes with its own font size; the SVG is drawn into exactly the box the
 * line layout reserved for it instead.
 */
function drawWithSvgToPdf(doc: PDFKit.PDFDocument, svg: string, box: MathBox): void {
  // Without its own width and height, the SVG's viewBox is scaled to exactly the box it is given.
  const sized = svg
    .replace(/(<svg[^>]*?)\swidth="[^"]*"/, '$1')
    .replace(/(<svg[^>]*?)\sheight="[^"]*"/, '$1')
    .replace(/(<svg[^>]*?)\sstyle="[^"]*"/, '$1');
  SVGtoPDF(doc, sized, box.x, box.y, { width: box.width, height: box.height });
}
