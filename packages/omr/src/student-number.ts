import type { DigitBubble, Rect } from '@examforge/core';
import { classifyMark } from './classify-mark.js';
import type { GreyImage } from './grey-image.js';
import { project, type Homography } from './homography.js';
import { REVIEW_BELOW } from './mark-rule.js';
import { circlesRect, localScale, projectRect } from './geometry.js';

export interface StudentNumberReading {
  /** The digits read, left to right; `?` where a column could not be read. Empty when the grid is blank. */
  readonly digits: string;
  /** True when a column has several fills, an invalid or unsure mark, or a gap before later digits. */
  readonly review: boolean;
  /** The grid on the upright page image, in pixels. */
  readonly area: Rect;
}

/**
 * Reads the student-number grid of a generic (unprinted) sheet: one complete fill per column. Trailing blank columns
 * end the number (numbers shorter than the grid); anything else that is not a single confident fill is a `?` and
 * goes to review, because a wrong student number gives one student another's marks.
 */
export function readStudentNumber(
  image: GreyImage,
  homography: Homography,
  bubbles: readonly DigitBubble[],
): StudentNumberReading {
  const columns = Math.max(...bubbles.map((bubble) => bubble.column)) + 1;
  const read: string[] = [];
  let review = false;
  for (let column = 0; column < columns; column += 1) {
    const filled: number[] = [];
    let unsure = false;
    for (const bubble of bubbles.filter((b) => b.column === column)) {
      const centre = project(homography, bubble);
      const reading = classifyMark(image, centre.x, centre.y, bubble.r * localScale(homography, bubble));
      const noise = reading.kind === 'empty' || reading.kind === 'dot' || reading.kind === 'erasure';
      if (reading.fillConfidence < REVIEW_BELOW || (reading.kind !== 'filled' && !noise)) unsure = true;
      else if (reading.kind === 'filled') filled.push(bubble.digit);
    }
    const single = filled.length === 1 && !unsure ? filled[0] : undefined;
    read.push(single === undefined ? (filled.length === 0 && !unsure ? ' ' : '?') : String(single));
  }
  const digits = read.join('').trimEnd();
  if (digits.includes(' ') || digits.includes('?')) review = true;
  return {
    digits: digits.replace(/ /g, '?'),
    review,
    area: projectRect(homography, circlesRect(bubbles, 1.5)),
  };
}
