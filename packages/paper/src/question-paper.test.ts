import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeVariant, parseExam, type Exam } from '@examforge/core';
import { describe, expect, it } from 'vitest';
import { renderQuestionPaper } from './question-paper.js';
import { FIRST_PAGE, rasterise } from './test-support/rasterise.js';

const parsed = parseExam(
  readFileSync(fileURLToPath(new URL('../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url)), 'utf8'),
);
if (!parsed.ok) throw new Error('bundled exam does not parse');
const exam: Exam = parsed.exam;

/** The text of each page, as pdftotext (poppler) extracts it. */
function pageTexts(pdf: Buffer): string[] {
  const directory = mkdtempSync(join(tmpdir(), 'examforge-paper-'));
  writeFileSync(join(directory, 'paper.pdf'), pdf);
  return execFileSync('pdftotext', ['-layout', join(directory, 'paper.pdf'), '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((page) => page.trim() !== '');
}

describe('the question paper', () => {
  const variant = makeVariant(exam, 'sitting:s001', { shuffleQuestions: true, shuffleOptions: true });

  it('prints the title block, sections with marks, every question with labelled options, and the variant on every page', async () => {
    const pages = pageTexts(await renderQuestionPaper(exam, variant, { pageSize: 'A4', variantCode: 'S001' }));
    const all = pages.join('\n');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(all).toContain('End-Semester Exam');
    expect(all).toContain('20 marks · 120 minutes');
    expect(all).toContain('Beginner — 0.5 marks each, −0.5 for a wrong answer');
    expect(all).toContain('☐ must be filled completely (■)');
    expect(all).not.toContain('paper-only');
    expect(all).toContain('Advanced — 3 marks each');
    for (const n of [1, 13, 26, 27, 29]) expect(all).toMatch(new RegExp(`\\b${n}\\.`));
    for (const label of ['(a)', '(b)', '(c)', '(d)']) expect(all).toContain(label);
    pages.forEach((page, index) => expect(page).toContain(`variant S001 · page ${index + 1} of ${pages.length}`));
  });

  it('typesets the math instead of printing TeX', async () => {
    const all = pageTexts(await renderQuestionPaper(exam, variant, { pageSize: 'A4', variantCode: 'S001' })).join('\n');
    expect(all).not.toMatch(/\\frac|\\begin\{bmatrix\}|\\mathcal|\$/);
  });

  it('prints each option where this variant puts it', async () => {
    const plain = makeVariant(exam, 'plain', { shuffleQuestions: false, shuffleOptions: false });
    const all = pageTexts(await renderQuestionPaper(exam, plain, { pageSize: 'Letter', variantCode: 'P' })).join('\n');
    expect(all).toMatch(/\(a\)\s+Laplace\s+\(b\)\s+Gaussian\s+\(c\)\s+Cauchy\s+\(d\)\s+Dirichlet/);
  });

  it('fits A4 and Letter pages', async () => {
    for (const pageSize of ['A4', 'Letter'] as const) {
      const [first] = rasterise(
        await renderQuestionPaper(exam, variant, { pageSize, variantCode: 'V' }),
        36,
        FIRST_PAGE,
      );
      expect(first?.width).toBe(pageSize === 'A4' ? 298 : 306);
    }
  });
});
