import { describe, expect, it } from 'vitest';
import type { GreyImage } from './grey-image.js';
import { paperRegion } from './paper-region.js';
import { readPage } from './read-page.js';
import { bundledExam } from './test-support/bundled-exam.js';
import { photographPage, randomPhonePhoto, type PhonePhoto } from './test-support/phone-photo.js';
import { bubbles, layout, markedSheet, oneMarkPerRow, printedSheet, questionBubbles } from './test-support/survey.js';

/**
 * A phone held further away, or to one side, leaves table round the page: the corner discs then lie far from the
 * photo's corners, where the disc search looks for them as on a scan. Such a page is read through the paper's region
 * of the photo. (An independent draw's photos framed so were mostly not identified.)
 */

const DPI = 200;
const SEED = 'far-photo';

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

/** The response read for each question row, by question id. */
function responses(image: GreyImage): Map<string, string> {
  const page = readPage(image, { exam: bundledExam, layoutFor: () => layout });
  if (page.kind !== 'read') throw new Error(`page not read: ${JSON.stringify(page)}`);
  return new Map(
    page.questions.map((question) => [
      question.questionId,
      question.bubbles
        .filter((bubble) => bubble.reading.kind === 'filled' && bubble.reading.confidence >= 0.5)
        .map((bubble) => bubble.option)
        .join(','),
    ]),
  );
}

describe('a page photographed with table round it', () => {
  it.each(FRAMINGS)('%s: identified, and every answer read', async (_, framing) => {
    const truth = oneMarkPerRow(SEED);
    const marked = markedSheet(await printedSheet(DPI), DPI, truth, SEED, 'pen');
    const photo: PhonePhoto = { ...randomPhonePhoto(SEED), tiltX: -5, tiltY: 0, turn: 2, ...framing };
    const { image } = await photographPage(marked, DPI, layout, photo, SEED);
    const expected = new Map(
      questionBubbles
        .filter((bubble) => truth[bubbles.indexOf(bubble)] === 'filled')
        .map((bubble) => [bubble.group, bubble.option]),
    );
    expect(expected.size).toBe(26);
    expect(responses(image)).toEqual(expected);
  });

  it('a scan that fills its frame has no paper region to crop to', async () => {
    expect(paperRegion(await printedSheet(DPI))).toBeUndefined();
  });
});
