import { layoutAnswerSheet, makeVariant, parseExam } from '@examforge/core';
import { renderAnswerSheet } from '@examforge/paper';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIRST_PAGE, rasterise } from '../../paper/src/test-support/rasterise.js';
import { confirmRegistration } from './confirm-registration.js';
import type { Homography } from './homography.js';
import { identifyPage, type PageReading } from './page-identity.js';
import { cornerRegion, PageDamage } from './test-support/page-damage.js';

const parsed = parseExam(
  readFileSync(fileURLToPath(new URL('../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url)), 'utf8'),
);
if (!parsed.ok) throw new Error('bundled exam does not parse');
const exam = parsed.exam;
const variant = makeVariant(exam, 'sitting:s007', { shuffleQuestions: true, shuffleOptions: true });
const layout = layoutAnswerSheet(exam, variant, { pageSize: 'A4', studentNumberDigits: 8 });
const DPI = 150;

/** Page 1 with its top-right corner cut off, identified through the other three discs (a provisional fit). */
async function provisionalReading(): Promise<PageReading> {
  const identity = { examId: exam.id, version: 1, variant: variant.seed, studentNumber: '' };
  const [printed] = rasterise(await renderAnswerSheet(layout, { title: exam.title, identity }), DPI, FIRST_PAGE);
  const page = layout.pages[0]!;
  const damaged = new PageDamage(printed!, DPI / 72).whiteOut(
    cornerRegion(page.cornerMarks[1]!, layout.width, layout.height),
  ).image;
  const reading = identifyPage(damaged);
  if ('reason' in reading) throw new Error(reading.reason);
  return reading;
}

/** The homography moved on the sheet: what it maps a point to, it now maps the point `(dx, dy)` points away to. */
function shifted(h: Homography, dx: number, dy: number): Homography {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, k = 0] = h;
  return [a, b, c + a * dx + b * dy, d, e, f + d * dx + e * dy, g, k];
}

describe('confirming a registration made from fewer than four discs', () => {
  it('confirms the fit of three discs by the printed rings, refined to within a pixel', async () => {
    const reading = await provisionalReading();
    expect(reading.registration).toBe('provisional');
    const confirmed = confirmRegistration(reading.image, reading, layout.pages[0]!);
    expect(confirmed).toBeDefined();
    const [a = 0, , c = 0, , e = 0, f = 0] = confirmed!;
    // pdftoppm puts sheet point p at pixel p·scale − ½.
    expect(a).toBeCloseTo(DPI / 72, 3);
    expect(e).toBeCloseTo(DPI / 72, 3);
    expect(Math.abs(c + 0.5)).toBeLessThan(1);
    expect(Math.abs(f + 0.5)).toBeLessThan(1);
  });

  it.each([
    ['8 pt down', 0, 8],
    ['one row pitch down', 0, 21],
    ['one bubble pitch across', 22, 0],
  ])('refuses a fit that is off by %s (the rings or the discs are not where it puts them)', async (_, dx, dy) => {
    const reading = await provisionalReading();
    const wrong = { ...reading, homography: shifted(reading.homography, dx, dy), alternatives: [] };
    expect(confirmRegistration(reading.image, wrong, layout.pages[0]!)).toBeUndefined();
  });

  it('refuses a fit stretched by 2 % down the page', async () => {
    const reading = await provisionalReading();
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = reading.homography;
    const stretched: Homography = [a, b * 1.02, c, d, e * 1.02, f, 0, 0];
    const wrong = { ...reading, homography: stretched, alternatives: [] };
    expect(confirmRegistration(reading.image, wrong, layout.pages[0]!)).toBeUndefined();
  });
});
