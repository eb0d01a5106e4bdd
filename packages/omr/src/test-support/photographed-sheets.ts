import type { GreyImage } from '../grey-image.js';
import { readPage } from '../read-page.js';
import { bundledExam } from './bundled-exam.js';
import { photographPage, randomPhonePhoto, type PhonePhoto } from './phone-photo.js';
import { bubbles, layout, markedSheet, oneMarkPerRow, printedSheet, questionBubbles } from './survey.js';

const DPI = 200;

/**
 * The survey sheet with one pen fill in every question row, photographed as `framing` says (over a seeded everyday
 * phone photo, tilted 5° and turned 2° unless said), and the option filled in each row.
 */
export async function photographedSheet(
  seed: string,
  framing: Partial<PhonePhoto>,
): Promise<{ image: GreyImage; answers: Map<string, string> }> {
  const truth = oneMarkPerRow(seed);
  const marked = markedSheet(await printedSheet(DPI), DPI, truth, seed, 'pen');
  const photo: PhonePhoto = { ...randomPhonePhoto(seed), tiltX: -5, tiltY: 0, turn: 2, ...framing };
  const { image } = await photographPage(marked, DPI, layout, photo, seed);
  const answers = new Map(
    questionBubbles
      .filter((bubble) => truth[bubbles.indexOf(bubble)] === 'filled')
      .map((bubble) => [bubble.group, bubble.option]),
  );
  return { image, answers };
}

/** The option read as filled with confidence in each question row of the page (comma-separated), by question id. */
export function answersRead(image: GreyImage): Map<string, string> {
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
