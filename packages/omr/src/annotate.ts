import type { ReadPage } from './read-page.js';
import { REVIEW_BELOW } from './mark-rule.js';

export interface AnnotationOptions {
  /** Canonical letters of the right options by question id: ringed in blue (for sheets returned to students). */
  readonly key?: Readonly<Record<string, readonly string[]>>;
  /** Text to print after each question's row, e.g. its points (`+0.5`, `−0.5`). */
  readonly rowNotes?: Readonly<Record<string, string>>;
}

const COLOURS = {
  answer: '#0a7d32',
  invalid: '#c62828',
  review: '#ef6c00',
  key: '#1565c0',
  noise: '#757575',
} as const;

/**
 * An SVG overlay, the size of the upright page image, showing what was read: a green ring round each fill taken as
 * an answer, red round each mark that is not an answer (labelled partial, tick or cross), a thin grey ring round
 * noise (labelled dot or erasure: recorded, never a mark), orange with a `?` round
 * each bubble a person must review, a blue ring round the right options when a key is given, and a note per row.
 * Pure text; the edge composites it onto the scan.
 *
 * @example
 * const svg = annotationSvg(page, { width: image.width, height: image.height }, { key: { q1: ['b'] } });
 */
export function annotationSvg(
  page: ReadPage,
  size: { readonly width: number; readonly height: number },
  options: AnnotationOptions = {},
): string {
  const parts: string[] = [];
  for (const question of page.questions) {
    const right = new Set(options.key?.[question.questionId] ?? []);
    for (const bubble of question.bubbles) {
      const { kind, fillConfidence } = bubble.reading;
      const stroke = Math.max(2, bubble.r * 0.18);
      if (right.has(bubble.option)) parts.push(circle(bubble.x, bubble.y, bubble.r * 1.55, COLOURS.key, stroke));
      if (fillConfidence < REVIEW_BELOW) {
        parts.push(circle(bubble.x, bubble.y, bubble.r * 1.25, COLOURS.review, stroke));
        parts.push(text(bubble.x + bubble.r * 1.3, bubble.y - bubble.r * 0.9, '?', COLOURS.review, bubble.r * 1.1));
      } else if (kind === 'filled') parts.push(circle(bubble.x, bubble.y, bubble.r * 1.25, COLOURS.answer, stroke));
      else if (kind === 'dot' || kind === 'erasure') {
        parts.push(circle(bubble.x, bubble.y, bubble.r * 1.25, COLOURS.noise, stroke / 2));
        parts.push(text(bubble.x - bubble.r, bubble.y + bubble.r * 2.3, kind, COLOURS.noise, bubble.r * 0.7));
      } else if (kind !== 'empty') {
        parts.push(circle(bubble.x, bubble.y, bubble.r * 1.25, COLOURS.invalid, stroke));
        parts.push(text(bubble.x - bubble.r, bubble.y + bubble.r * 2.3, kind, COLOURS.invalid, bubble.r * 0.8));
      }
    }
    const note = options.rowNotes?.[question.questionId];
    if (note !== undefined) {
      const last = question.bubbles[question.bubbles.length - 1];
      if (last) parts.push(text(last.x + last.r * 2, last.y + last.r * 0.5, note, COLOURS.key, last.r * 1.3));
    }
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}">`,
    ...parts,
    '</svg>',
  ].join('\n');
}

function circle(x: number, y: number, r: number, colour: string, width: number): string {
  return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="none" stroke="${colour}" stroke-width="${width.toFixed(1)}"/>`;
}

function text(x: number, y: number, content: string, colour: string, size: number): string {
  const escaped = content.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" fill="${colour}" font-family="DejaVu Sans, sans-serif" font-size="${size.toFixed(1)}" font-weight="bold">${escaped}</text>`;
}
