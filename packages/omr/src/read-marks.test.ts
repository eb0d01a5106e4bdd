import { layoutAnswerSheet, makeVariant, parseExam, seededRandom } from '@examforge/core';
import { renderAnswerSheet } from '@examforge/paper';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rasterise } from '../../paper/src/test-support/rasterise.js';
import { classifyMark, type MarkKind } from './classify-mark.js';
import { findCornerMarks } from './corner-marks.js';
import { otsuThreshold } from './grey-image.js';
import { fitHomography, project } from './homography.js';
import { addNoise, painter } from './test-support/synthetic-marks.js';

const parsed = parseExam(
  readFileSync(fileURLToPath(new URL('../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url)), 'utf8'),
);
if (!parsed.ok) throw new Error('bundled exam does not parse');
const exam = parsed.exam;
const variant = makeVariant(exam, 'omr', { shuffleQuestions: false, shuffleOptions: false });
const layout = layoutAnswerSheet(exam, variant, { pageSize: 'A4', studentNumberDigits: 8 });
const KINDS: readonly MarkKind[] = ['filled', 'partial', 'tick', 'cross', 'empty'];
/** Below this confidence a reading goes to the review queue instead of being used. */
const REVIEW_BELOW = 0.5;

const SHEETS_PER_DPI = 5;

describe.each([150, 200, 300])('reading marks printed and scanned at %i dpi', (dpi) => {
  it(`reads every kind of mark on ${SHEETS_PER_DPI} sheets: no partial fill, tick or cross taken as an answer; nothing confidently wrong`, async () => {
    const [page] = rasterise(
      await renderAnswerSheet(layout, {
        title: exam.title,
        identity: { examId: exam.id, version: 1, variant: 'omr', studentNumber: '' },
      }),
      dpi,
    );
    if (!page) throw new Error('no page');
    const scale = dpi / 72;
    const bubbles = layout.pages[0]!.bubbles;
    const outcome = {
      correct: 0,
      review: 0,
      total: 0,
      confidentlyWrong: [] as string[],
      acceptedInvalid: [] as string[],
    };
    for (let sheet = 0; sheet < SHEETS_PER_DPI; sheet += 1) {
      const image = { ...page, pixels: new Uint8Array(page.pixels) };
      const random = seededRandom(`kinds-${dpi}-${sheet}`);
      const truth = bubbles.map(() => KINDS[Math.floor(random() * KINDS.length)]!);
      const paint = painter(image, `marks-${dpi}-${sheet}`);
      bubbles.forEach((bubble, index) =>
        paint.mark(truth[index]!, bubble.x * scale, bubble.y * scale, bubble.r * scale),
      );
      addNoise(image, 10, `noise-${dpi}-${sheet}`);
      const corners = findCornerMarks(image, layout.pages[0]!.cornerMarks, layout.width, otsuThreshold(image));
      expect(corners, 'corner marks found').toBeDefined();
      const homography = fitHomography(layout.pages[0]!.cornerMarks, corners!);
      bubbles.forEach((bubble, index) => {
        const centre = project(homography, bubble);
        const reading = classifyMark(image, centre.x, centre.y, bubble.r * scale);
        const expected = truth[index]!;
        const label = `sheet ${sheet} ${bubble.questionId}/${bubble.option}: ${expected} read as ${reading.kind} (${reading.confidence.toFixed(2)}) ${JSON.stringify(reading.features)}`;
        outcome.total += 1;
        if (reading.kind === 'filled' && expected !== 'filled') outcome.acceptedInvalid.push(label);
        if (reading.confidence < REVIEW_BELOW) outcome.review += 1;
        else if (reading.kind === expected) outcome.correct += 1;
        else outcome.confidentlyWrong.push(label);
      });
    }
    expect(outcome.acceptedInvalid).toEqual([]);
    expect(outcome.confidentlyWrong).toEqual([]);
    expect(outcome.correct / outcome.total).toBeGreaterThan(0.95);
  });
});
