import { describe, expect, it } from 'vitest';
import { readPage } from './read-page.js';
import { bundledExam } from './test-support/bundled-exam.js';
import type { PhonePhoto } from './test-support/phone-photo.js';
import { answersRead, photographedSheet } from './test-support/photographed-sheets.js';
import { layout } from './test-support/survey.js';

/**
 * A photo framed loosely (table round the page, the page to one side), or whose page is turned further than a scan's
 * (up to 40°), leaves its corner discs far from where the search near the image's corners looks. The reader then finds
 * the solid discs anywhere, takes the larger, outermost ones for corner discs and registers the page through them,
 * confirmed by the printed bubbles as every provisional registration is. (An independent draw's harsh photos framed
 * so were mostly not identified.)
 */

/**
 * Each fails without the search for discs anywhere (no corner disc found near the image's corners). Negative
 * `cropped` shares widen the frame: table to the left, above, right and below the page.
 */
const FRAMINGS: readonly [string, Partial<PhonePhoto>][] = [
  [
    'the page in the lower right, half the frame table',
    { cropped: { left: -0.7, top: -0.45, right: -0.05, bottom: -0.1 } },
  ],
  ['the page small in the upper left of the frame', { cropped: { left: -0.1, top: -0.08, right: -0.8, bottom: -0.7 } }],
  [
    'the page to the left, tilted 10°, its left edge cut by the frame',
    { tiltX: -10, cropped: { left: 0.06, top: -0.3, right: -0.6, bottom: -0.2 } },
  ],
  ['turned 35°', { turn: 35 }],
  ['turned −35°, table round it', { turn: -35, cropped: { left: -0.2, top: -0.1, right: -0.2, bottom: -0.1 } }],
  [
    'turned −30° and tilted 12°, table round it',
    { turn: -30, tiltX: 12, cropped: { left: -0.2, top: -0.1, right: -0.2, bottom: -0.1 } },
  ],
  ['upside down, turned 35° more', { turn: 215 }],
];

describe('a photographed page framed loosely or turned past what the corner search allows', () => {
  it.each(FRAMINGS)('%s: identified, and every answer read', async (_, framing) => {
    const { image, answers } = await photographedSheet('turned-photo', framing);
    expect(answersRead(image)).toEqual(answers);
  });

  it('a photo with every corner disc cut off is never read through other discs: unknown, or read exactly', async () => {
    const { image, answers } = await photographedSheet('turned-photo', {
      turn: 4,
      cropped: { left: 0.12, top: 0.1, right: 0.12, bottom: 0.1 },
    });
    const result = readPage(image, { exam: bundledExam, layoutFor: () => layout });
    if (result.kind === 'read') expect(answersRead(image)).toEqual(answers);
    else expect(result).toEqual({ kind: 'unknown', reason: 'no-corner-marks' });
  });
});
