import { describe, expect, it } from 'vitest';
import { paperRegion } from './paper-region.js';
import type { PhonePhoto } from './test-support/phone-photo.js';
import { answersRead, photographedSheet } from './test-support/photographed-sheets.js';
import { printedSheet } from './test-support/survey.js';

/**
 * A phone held further away, or to one side, leaves table round the page: the corner discs then lie far from the
 * photo's corners, where the disc search looks for them as on a scan. Such a page is read through the paper's region
 * of the photo. (An independent draw's photos framed so were mostly not identified.)
 */

/** Negative `cropped` shares widen the frame: table to the left, above, right and below the page. */
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
];

describe('a page photographed with table round it', () => {
  it.each(FRAMINGS)('%s: identified, and every answer read', async (_, framing) => {
    const { image, answers } = await photographedSheet('far-photo', framing);
    expect(answers.size).toBe(26);
    expect(answersRead(image)).toEqual(answers);
  });

  it('a scan that fills its frame has no paper region to crop to', async () => {
    expect(paperRegion(await printedSheet(200))).toBeUndefined();
  });
});
