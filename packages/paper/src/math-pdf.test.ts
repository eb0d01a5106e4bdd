import { describe, expect, it } from 'vitest';
import SVGtoPDF from 'svg-to-pdfkit';
import { drawMath } from './draw-math.js';
import { compileMathSvg, pathOperators } from './math-pdf.js';
import { typesetMath } from './math-svg.js';
import { openDocument } from './pdf-document.js';
import { rasterise } from './test-support/rasterise.js';

const FORMULAS: [string, boolean][] = [
  ['\\frac{\\partial \\mathcal{L}}{\\partial w_{ij}} = \\sum_k \\sqrt{x_k^2 + \\epsilon}', false],
  ['\\begin{bmatrix} 1 & 0 & -1 \\\\ 1 & 0 & -1 \\end{bmatrix} \\ast \\left( \\frac{a}{b} \\right)', true],
  ['\\overline{abc} + \\hat{x} \\xrightarrow{f} \\boxed{y}', false],
];

/** One page with the formula drawn in a 400 × 120 pt box at (20, 20). */
async function pageWith(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const { doc, bytes } = openDocument('math');
  doc.addPage({ size: [440, 160], margin: 0 });
  draw(doc);
  doc.end();
  return bytes;
}

describe('MathJax SVG converted to PDF operators once', () => {
  it.each(FORMULAS)('prints %s with the same ink as svg-to-pdfkit', async (tex, display) => {
    const math = typesetMath(tex, display);
    expect(math.drawing).toBeDefined();
    const height = Math.min(120, (400 * math.heightEx) / math.widthEx);
    const box = { x: 20, y: 20, width: (height * math.widthEx) / math.heightEx, height };
    const ours = rasterise(await pageWith((doc) => drawMath(doc, math, box)), 144)[0]!;
    // The way this package drew math before: the outer <svg> loses its own size and is scaled into the box.
    const sized = math.svg
      .replace(/(<svg[^>]*?)\swidth="[^"]*"/, '$1')
      .replace(/(<svg[^>]*?)\sheight="[^"]*"/, '$1')
      .replace(/(<svg[^>]*?)\sstyle="[^"]*"/, '$1');
    const reference = rasterise(
      await pageWith((doc) => SVGtoPDF(doc, sized, box.x, box.y, { width: box.width, height: box.height })),
      144,
    )[0]!;
    let ink = 0;
    let differ = 0;
    ours.pixels.forEach((value, index) => {
      const other = reference.pixels[index] ?? 255;
      if (value < 128 || other < 128) ink += 1;
      if (Math.abs(value - other) > 96) differ += 1;
    });
    expect(ink).toBeGreaterThan(500);
    // Anti-aliasing at glyph edges may differ by a pixel; the shapes must not.
    expect(differ / ink).toBeLessThan(0.03);
  });

  it('leaves what it cannot draw (text outside the math fonts, arcs) to svg-to-pdfkit', () => {
    expect(typesetMath('\\text{你}', false).drawing).toBeUndefined();
    expect(pathOperators('M0 0 A 5 5 0 0 1 10 10')).toBeUndefined();
    expect(compileMathSvg('<svg viewBox="0 0 10 10"><g fill="red"><path d="M0 0L1 1Z"></path></g></svg>')).toBe(
      undefined,
    );
  });

  it('turns quadratic curves into cubic ones and keeps a box around every point', () => {
    expect(pathOperators('M0 0Q30 60 60 0T120 0Z')).toEqual({
      operators: '0 0 m 20 40 40 40 60 0 c 80 -40 100 -40 120 0 c h',
      box: [0, -40, 120, 40],
    });
  });
});
