import { describe, expect, it } from 'vitest';
import type { MarkKind } from './classify-mark.js';
import { doubtLoneResidue } from './lone-residue.js';
import type { BubbleReading } from './mark-rule.js';
import { readPage } from './read-page.js';
import { bundledExam } from './test-support/bundled-exam.js';
import { photocopy } from './test-support/copier.js';
import { bubbles, layout, markedSheet, oneMarkPerRow, printedSheet } from './test-support/survey.js';
import { addNoise } from './test-support/synthetic-marks.js';

/**
 * A photocopier whose toner ran short across a band of the page lays the fills there down lighter: the independent
 * test's photocopies read 6 such fills, alone in their rows and over half as dark as the student's others, as
 * confident erasure residue (an answer lost without a look). Drawn with the project's own pencil and copier: one fill
 * in every row, the copy laid down at three quarters of its density across 15 % of the page's height.
 */
const DPI = 200;

async function starvedBandCopy(seed: string) {
  const truth = oneMarkPerRow(`band-${seed}`);
  const image = markedSheet(await printedSheet(DPI), DPI, truth, `band-${seed}`, 'pencil');
  addNoise(image, 8, `noise-band-${seed}`);
  const [top, bottom] = [Math.round(image.height * 0.45), Math.round(image.height * 0.6)];
  const rows = (from: number, to: number) => ({
    width: image.width,
    height: to - from,
    pixels: image.pixels.subarray(from * image.width, to * image.width),
  });
  photocopy(rows(0, top), DPI);
  photocopy(rows(top, bottom), DPI, 0.75);
  photocopy(rows(bottom, image.height), DPI);
  const page = readPage(image, { exam: bundledExam, layoutFor: () => layout });
  if (page.kind !== 'read') throw new Error(`page not read: ${page.kind}`);
  return { truth, page };
}

describe('a mark alone in its row, read as residue, at least half as dark as the page’s fills', () => {
  it('goes to a person: a fill in a starved band of a copy is not lost as residue', async () => {
    const { truth, page } = await starvedBandCopy('d');
    const fillOf = (questionId: string) => {
      const index = bubbles.findIndex((bubble, at) => bubble.group === questionId && truth[at] === 'filled');
      return page.questions
        .find((question) => question.questionId === questionId)
        ?.bubbles.find((bubble) => bubble.option === bubbles[index]?.option);
    };
    const asResidue = page.questions.filter((question) => fillOf(question.questionId)?.reading.kind === 'erasure');
    expect(asResidue.length).toBeGreaterThanOrEqual(1);
    const hand = median(
      page.questions
        .flatMap((question) => question.bubbles)
        .filter(({ reading }) => reading.kind === 'filled' && reading.fillConfidence >= 0.5)
        .map(({ reading }) => reading.features.typical),
    );
    const strong = asResidue.filter(
      (question) => (fillOf(question.questionId)?.reading.features.typical ?? 0) >= hand / 2,
    );
    expect(strong.length).toBeGreaterThanOrEqual(1);
    expect(strong.filter((question) => question.review.length === 0).map((question) => question.questionId)).toEqual(
      [],
    );
  });

  it('fainter residue, residue beside a fill, and a page with few fills are left as read', async () => {
    const { page } = await starvedBandCopy('d');
    const rows = page.questions.map((question) => question.bubbles);
    const hand = median(
      rows
        .flat()
        .filter(({ reading }) => reading.kind === 'filled' && reading.fillConfidence >= 0.5)
        .map(({ reading }) => reading.features.typical),
    );
    // Row 0 rewritten: residue of the given darkness in its first bubble, a confident fill in its second or nothing.
    const withResidue = (typical: number, besideFill: boolean) =>
      rows.map<readonly BubbleReading[]>((row, index) =>
        index !== 0
          ? row
          : row.map((bubble, option) => {
              const kind: MarkKind = option === 0 ? 'erasure' : option === 1 && besideFill ? 'filled' : 'empty';
              const features = { ...bubble.reading.features, typical: option === 0 ? typical : hand };
              return { ...bubble, reading: { ...bubble.reading, kind, confidence: 1, fillConfidence: 1, features } };
            }),
      );
    const faint = withResidue(0.3 * hand, false);
    expect(doubtLoneResidue(faint)[0]?.[0]?.reading.fillConfidence).toBe(1);
    const strong = withResidue(0.6 * hand, false);
    expect(doubtLoneResidue(strong)[0]?.[0]?.reading.fillConfidence).toBeLessThan(0.5);
    const changedAnswer = withResidue(0.6 * hand, true);
    expect(doubtLoneResidue(changedAnswer)[0]?.[0]?.reading.fillConfidence).toBe(1);
    const fewFills = [strong[0] ?? []];
    expect(doubtLoneResidue(fewFills)).toBe(fewFills);
  });
});

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
