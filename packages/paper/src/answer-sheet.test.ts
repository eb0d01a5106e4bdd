import {
  decodeSheetIdentity,
  encodeSheetIdentity,
  layoutAnswerSheet,
  makeVariant,
  parseExam,
  type Exam,
} from '@examforge/core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderAnswerSheet } from './answer-sheet.js';
import { darkness, rasterise } from './test-support/rasterise.js';

const source = readFileSync(
  fileURLToPath(new URL('../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url)),
  'utf8',
);
const parsed = parseExam(source);
if (!parsed.ok) throw new Error('bundled exam does not parse');
const exam: Exam = parsed.exam;
const DPI = 144;
const SCALE = DPI / 72;

describe('printed answer sheets, read back by an independent rasteriser (pdftoppm)', () => {
  const variant = makeVariant(exam, 'sitting:s001', { shuffleQuestions: true, shuffleOptions: true });
  const layout = layoutAnswerSheet(exam, variant, { pageSize: 'A4', studentNumberDigits: 8 });
  const identity = { examId: exam.id, version: 1, variant: variant.seed, studentNumber: 's001' };

  it('puts ink exactly where the layout says: solid corner marks, both codes, empty bubble outlines with clean centres', async () => {
    const pages = rasterise(
      await renderAnswerSheet(layout, { title: exam.title, identity, studentName: 'Asha Rao' }),
      DPI,
    );
    expect(pages).toHaveLength(layout.pages.length);
    layout.pages.forEach((page, index) => {
      const image = pages[index]!;
      expect(image.width).toBe(Math.round(layout.width * SCALE));
      for (const mark of page.cornerMarks)
        expect(darkness(image, mark.x, mark.y, mark.r * 0.8, SCALE)).toBeGreaterThan(0.95);
      for (const bubble of [...page.bubbles, ...page.digitBubbles]) {
        // The inner disc of an empty bubble is paper; its rim is ink.
        expect(
          darkness(image, bubble.x, bubble.y, bubble.r * 0.6, SCALE),
          `${JSON.stringify(bubble)} inside`,
        ).toBeLessThan(0.02);
        expect(
          darkness(image, bubble.x, bubble.y, bubble.r + 0.6, SCALE),
          `${JSON.stringify(bubble)} rim`,
        ).toBeGreaterThan(0.08);
      }
      for (const code of [page.qr, page.backupQr!]) {
        const ink = darkness(image, code.x + code.width / 2, code.y + code.height / 2, code.width / 2.5, SCALE);
        expect(ink).toBeGreaterThan(0.3);
        expect(ink).toBeLessThan(0.7);
      }
    });
  });

  it('fits the 26 choice questions on the first A4 page, with one page per free-response question', () => {
    expect(layout.pages.map((page) => page.kind)).toEqual([
      'choices',
      'free-response',
      'free-response',
      'free-response',
    ]);
  });

  it('encodes the page identity so that a single scanned page can be placed', () => {
    const text = encodeSheetIdentity({ ...identity, page: 3 });
    expect(decodeSheetIdentity(text)).toEqual({ ...identity, page: 3 });
    expect(decodeSheetIdentity(encodeSheetIdentity({ ...identity, variant: 'a|b\\c', page: 1 }))?.variant).toBe(
      'a|b\\c',
    );
    expect(decodeSheetIdentity('hello')).toBeUndefined();
  });
});
