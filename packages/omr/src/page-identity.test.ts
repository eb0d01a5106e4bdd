import { layoutAnswerSheet, makeVariant, parseExam } from '@examforge/core';
import { renderAnswerSheet } from '@examforge/paper';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rasterise } from '../../paper/src/test-support/rasterise.js';
import { readPageIdentity } from './page-identity.js';

const parsed = parseExam(
  readFileSync(fileURLToPath(new URL('../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url)), 'utf8'),
);
if (!parsed.ok) throw new Error('bundled exam does not parse');
const exam = parsed.exam;

describe('reading which page a scan is', () => {
  it.each([
    ['A4', 150],
    ['A4', 300],
    ['Letter', 200],
  ] as const)('reads exam, version, variant, student and page from the QR code (%s, %i dpi)', async (pageSize, dpi) => {
    const variant = makeVariant(exam, 'sitting:s042', { shuffleQuestions: true, shuffleOptions: true });
    const layout = layoutAnswerSheet(exam, variant, { pageSize, studentNumberDigits: 8 });
    const identity = { examId: exam.id, version: 3, variant: variant.seed, studentNumber: 's042' };
    const pages = rasterise(await renderAnswerSheet(layout, { title: exam.title, identity }), dpi);
    expect(pages.map((page) => readPageIdentity(page)?.identity)).toEqual(
      layout.pages.map((page) => ({ ...identity, page: page.number })),
    );
  });

  it('says nothing about a blank page', () => {
    const width = 1240;
    const height = 1754;
    expect(readPageIdentity({ width, height, pixels: new Uint8Array(width * height).fill(255) })).toBeUndefined();
  });
});
