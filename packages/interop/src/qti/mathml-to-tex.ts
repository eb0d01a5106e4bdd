import type { Element } from '@xmldom/xmldom';
import { childElements, descendants, textOf } from './xml-document.js';

/** A MathML formula as TeX, or undefined (with the element that has no simple TeX form) when it cannot be. */
export type TexReading =
  { readonly ok: true; readonly tex: string } | { readonly ok: false; readonly unsupported: string };

const OPERATORS: Readonly<Record<string, string>> = {
  '×': '\\times ',
  '·': '\\cdot ',
  '÷': '\\div ',
  '−': '-',
  '±': '\\pm ',
  '≤': '\\le ',
  '≥': '\\ge ',
  '≠': '\\ne ',
  '≈': '\\approx ',
  '→': '\\to ',
  '∞': '\\infty ',
  '∑': '\\sum ',
  '∫': '\\int ',
  '∏': '\\prod ',
  '⋅': '\\cdot ',
  '∈': '\\in ',
  '√': '\\surd ',
  '%': '\\%',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '#': '\\#',
  $: '\\$',
};

const GREEK: Readonly<Record<string, string>> = {
  α: '\\alpha',
  β: '\\beta',
  γ: '\\gamma',
  δ: '\\delta',
  ε: '\\varepsilon',
  θ: '\\theta',
  λ: '\\lambda',
  μ: '\\mu',
  π: '\\pi',
  ρ: '\\rho',
  σ: '\\sigma',
  τ: '\\tau',
  φ: '\\phi',
  ω: '\\omega',
  Δ: '\\Delta',
  Σ: '\\Sigma',
  Ω: '\\Omega',
};

/**
 * Converts simple MathML (`mi`, `mn`, `mo`, `mtext`, `mrow`, `mfrac`, `msup`, `msub`, `msubsup`, `msqrt`, `mroot`,
 * `mfenced`) to TeX. Anything else (tables, `mover`, template variables written as `mi` are fine) is reported so the
 * caller can keep the formula's text and say so.
 *
 * @example
 * mathmlToTex(mathElement); // { ok: true, tex: 'E=mc^{2}' }
 */
export function mathmlToTex(math: Element): TexReading {
  // An exporter that knew the TeX (Examforge's own QTI export, MathType) writes it as an annotation: the exact source.
  const annotation = descendants(
    math,
    (e) => e.localName === 'annotation' && /x-tex|latex/i.test(e.getAttribute('encoding') ?? ''),
  )[0];
  const annotated = annotation ? stripDelimiters(textOf(annotation)) : '';
  if (annotated !== '') return { ok: true, tex: annotated };
  try {
    return { ok: true, tex: row(childElements(math)).trim() };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, unsupported: error.element };
    throw error;
  }
}

class Unsupported extends Error {
  constructor(readonly element: string) {
    super(element);
  }
}

function row(elements: readonly Element[]): string {
  return elements.map(convert).join('');
}

function convert(element: Element): string {
  const name = element.localName ?? element.nodeName;
  const parts = childElements(element);
  switch (name) {
    case 'mi':
      return identifier(textOf(element).trim());
    case 'mn':
      return textOf(element).trim();
    case 'mo':
      return operator(textOf(element).trim());
    case 'mtext':
      return `\\text{${escapeText(textOf(element))}}`;
    case 'mspace':
      return '\\ ';
    case 'mrow':
    case 'mstyle':
      return row(parts);
    case 'semantics':
      return row(parts.slice(0, 1));
    case 'mfenced':
      return `${fence(element.getAttribute('open') ?? '(')}${parts.map(convert).join(',')}${fence(element.getAttribute('close') ?? ')')}`;
    case 'mfrac':
      return `\\frac{${convert(argument(parts, 0, name))}}{${convert(argument(parts, 1, name))}}`;
    case 'msup':
      return `${group(argument(parts, 0, name))}^{${convert(argument(parts, 1, name))}}`;
    case 'msub':
      return `${group(argument(parts, 0, name))}_{${convert(argument(parts, 1, name))}}`;
    case 'msubsup':
      return `${group(argument(parts, 0, name))}_{${convert(argument(parts, 1, name))}}^{${convert(argument(parts, 2, name))}}`;
    case 'msqrt':
      return `\\sqrt{${row(parts)}}`;
    case 'mroot':
      return `\\sqrt[${convert(argument(parts, 1, name))}]{${convert(argument(parts, 0, name))}}`;
    default:
      throw new Unsupported(name);
  }
}

function argument(parts: readonly Element[], index: number, name: string): Element {
  const part = parts[index];
  if (!part) throw new Unsupported(`${name} with a missing argument`);
  return part;
}

/** A base of a script: one token stays as is, anything longer is braced. */
function group(element: Element): string {
  const tex = convert(element);
  return /^[A-Za-z0-9]$|^\\[A-Za-z]+$/.test(tex) ? tex : `{${tex}}`;
}

function identifier(text: string): string {
  if (GREEK[text]) return `${GREEK[text]} `;
  if (text.length > 1 && /^[A-Za-z]+$/.test(text))
    return /^(sin|cos|tan|log|ln|exp|min|max|lim)$/.test(text) ? `\\${text} ` : `\\mathrm{${text}}`;
  return text.replace(/./gu, (character) => OPERATORS[character] ?? character);
}

function operator(text: string): string {
  return OPERATORS[text] ?? text.replace(/./gu, (character) => OPERATORS[character] ?? GREEK[character] ?? character);
}

function fence(text: string): string {
  return text === '{' ? '\\{' : text === '}' ? '\\}' : text;
}

function escapeText(text: string): string {
  return text.replace(/[\\{}$&#%_^~]/g, (character) => `\\${character}`);
}

/** An annotation may carry its own delimiters (`\\[ … \\]`, `$ … $`); the caller adds its own. */
function stripDelimiters(tex: string): string {
  return tex
    .trim()
    .replace(
      /^\\\[([\s\S]*)\\\]$|^\\\(([\s\S]*)\\\)$|^\$\$?([\s\S]*?)\$?\$$/,
      (_, a?: string, b?: string, c?: string) => a ?? b ?? c ?? '',
    )
    .trim();
}
