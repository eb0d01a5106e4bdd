import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import type { LiteElement } from 'mathjax-full/js/adaptors/lite/Element.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { AllPackages } from 'mathjax-full/js/input/tex/AllPackages.js';
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { SVG } from 'mathjax-full/js/output/svg.js';
import { compileMathSvg, type MathDrawing } from './math-pdf.js';

/** Typeset math as an SVG with its size in ex and how far it sits below the baseline. */
export interface MathSvg {
  readonly svg: string;
  readonly widthEx: number;
  readonly heightEx: number;
  /** Positive: the box extends this far below the baseline. */
  readonly depthEx: number;
  /** The same drawing as PDF operators, converted once; `undefined` when the SVG needs svg-to-pdfkit. */
  readonly drawing: MathDrawing | undefined;
}

const adaptor = liteAdaptor();
RegisterHTMLHandler(adaptor);
// One MathJax document per process: building it loads every TeX package once. fontCache 'none' inlines the glyph
// paths, which the PDF writer needs (it cannot follow <use> references).
const document = mathjax.document('', {
  InputJax: new TeX({ packages: AllPackages }),
  OutputJax: new SVG({ fontCache: 'none' }),
});
// Variants only reorder questions and options: each formula is typeset (and converted for PDF) once per process.
const cache = new Map<string, MathSvg>();

/**
 * TeX to SVG with MathJax, as on paper. Colours are fixed to black (printers have no `currentColor`).
 *
 * @example
 * typesetMath('\\frac{a}{b}', false).widthEx; // ≈ 1.7
 */
export function typesetMath(tex: string, display: boolean): MathSvg {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const cached = cache.get(key);
  if (cached) return cached;
  // MathJax types convert() loosely; with the lite adaptor it returns a LiteElement.
  const node = document.convert(tex, { display }) as LiteElement;
  const svg = adaptor.innerHTML(node).replace(/currentColor/g, '#000000');
  const width = /width="([\d.]+)ex"/.exec(svg)?.[1];
  const height = /height="([\d.]+)ex"/.exec(svg)?.[1];
  const align = /vertical-align:\s*(-?[\d.]+)ex/.exec(svg)?.[1];
  const result = {
    svg,
    widthEx: Number(width ?? 0),
    heightEx: Number(height ?? 0),
    depthEx: -Number(align ?? 0),
    drawing: compileMathSvg(svg),
  };
  cache.set(key, result);
  return result;
}
