import { describe, expect, it } from 'vitest';
import { doubtRowsOfFaintPage } from './faint-page.js';
import { readPage } from './read-page.js';
import { bundledExam } from './test-support/bundled-exam.js';
import { photocopy } from './test-support/copier.js';
import { bubbles, layout, markedSheet, oneMarkPerRow, printedSheet } from './test-support/survey.js';
import { addNoise } from './test-support/synthetic-marks.js';

/**
 * A light pencil sheet photocopied at the copier's "lighter" setting: its complete fills come out as faint as the
 * residue of an erased fill (the independent test's photocopies read 13 fills of one light page as residue, with
 * confidence). Drawn with the project's own generator and copier model: one fill in every question row.
 */

describe('a page whose fills a light copy turned into residue', () => {
  it('no row is read as blank with confidence: the rows with faint ink go to a person', async () => {
    const dpi = 150;
    const truth = oneMarkPerRow('faint-copy');
    const image = markedSheet(await printedSheet(dpi), dpi, truth, 'faint-copy', 'pencil');
    addNoise(image, 8, 'noise-faint-copy');
    photocopy(image, dpi, 0.35);
    const page = readPage(image, { exam: bundledExam, layoutFor: () => layout });
    if (page.kind !== 'read') throw new Error(`page not read: ${page.kind}`);
    const residueRows = page.questions.filter((question) =>
      question.bubbles.some((bubble) => bubble.reading.kind === 'erasure'),
    );
    expect(residueRows.length).toBeGreaterThan(page.questions.length / 4);
    const blank = page.questions.filter(
      (question) => question.review.length === 0 && question.response.kind === 'blank',
    );
    expect(blank.map((question) => question.questionId)).toEqual([]);
    // The bare bubbles of the rows sent to a person are read as the blanks they are; only the inked ones are doubted.
    const doubtedRows = page.questions.filter((question) => question.review.length > 0);
    const bare = doubtedRows.flatMap((question) => question.bubbles.filter((b) => b.reading.kind === 'empty'));
    expect(bare.length).toBeGreaterThan(doubtedRows.length);
    expect(bare.filter((bubble) => bubble.reading.confidence < 0.5)).toEqual([]);
  });

  it('a fill the copy left only a trace of, read as bare, goes to a person with the rest', async () => {
    // A copier whose tone curve whitens every grey up to 0.4: a few of the light pencil's fills keep only a trace.
    const dpi = 150;
    const truth = oneMarkPerRow('faint-copy');
    const image = markedSheet(await printedSheet(dpi), dpi, truth, 'faint-copy', 'pencil');
    addNoise(image, 8, 'noise-faint-copy');
    photocopy(image, dpi, 0.8, 0.4);
    const page = readPage(image, { exam: bundledExam, layoutFor: () => layout });
    if (page.kind !== 'read') throw new Error(`page not read: ${page.kind}`);
    const filledAt = new Map(
      bubbles.flatMap((bubble, index) => (truth[index] === 'filled' ? [[bubble.group, bubble.option]] : [])),
    );
    const fillOf = (question: (typeof page.questions)[number]) =>
      question.bubbles.find((bubble) => bubble.option === filledAt.get(question.questionId))!;
    const traces = page.questions.filter((question) => fillOf(question).reading.kind === 'empty');
    expect(traces.length).toBeGreaterThanOrEqual(2);
    expect(traces.filter((question) => question.review.length === 0).map((question) => question.questionId)).toEqual(
      [],
    );
    // Only the trace is doubted: the row's bare bubbles keep their confidence.
    for (const question of traces)
      for (const bubble of question.bubbles) expect(bubble.reading.confidence < 0.5).toBe(bubble === fillOf(question));
  });

  it('a page answered only by partial fills (a copier broke them into patches, or a half-filling student) goes to a person', async () => {
    const dpi = 200;
    const image = markedSheet(
      await printedSheet(dpi),
      dpi,
      oneMarkPerRow('half-filled', 'partial'),
      'half-filled',
      'pen',
    );
    addNoise(image, 8, 'noise-half-filled');
    const page = readPage(image, { exam: bundledExam, layoutFor: () => layout });
    if (page.kind !== 'read') throw new Error(`page not read: ${page.kind}`);
    const partialRows = page.questions.filter((question) =>
      question.bubbles.some((bubble) => bubble.reading.kind === 'partial'),
    );
    expect(partialRows.length).toBeGreaterThan(page.questions.length / 2);
    // Without the page rule each such row is a confident "no answer, an invalid mark": scored 0 without a look.
    expect(
      partialRows.filter((question) => question.review.length === 0).map((question) => question.questionId),
    ).toEqual([]);
  });

  it('a hand that ticks most of its answers keeps its ticks as read: only its partial fills go to a person', async () => {
    // The independent test's light soft-pencil hand that ticks instead of filling: 16 confident ticks and crosses sent
    // to review with the page's few partial fills, as if they were a faint hand's fills.
    const dpi = 200;
    const ticks = oneMarkPerRow('ticking-hand', 'tick');
    const partials = oneMarkPerRow('ticking-hand', 'partial');
    const rowOf = (index: number) => [...new Set(bubbles.map((b) => b.group))].indexOf(bubbles[index]?.group ?? '');
    const truth = ticks.map((mark, index) => (rowOf(index) % 3 === 0 ? partials[index] : mark) ?? 'empty');
    const image = markedSheet(await printedSheet(dpi), dpi, truth, 'ticking-hand', 'pen');
    addNoise(image, 8, 'noise-ticking-hand');
    const page = readPage(image, { exam: bundledExam, layoutFor: () => layout });
    if (page.kind !== 'read') throw new Error(`page not read: ${page.kind}`);
    const markOf = (question: (typeof page.questions)[number]) =>
      question.bubbles.find((bubble) => bubble.reading.kind !== 'empty')?.reading.kind;
    const tickRows = page.questions.filter((question) => markOf(question) === 'tick');
    const partialRows = page.questions.filter((question) => markOf(question) === 'partial');
    // The page is one the faint-page rule looks at: no fills, a quarter or more of rows holding partial fills.
    expect(tickRows.length).toBeGreaterThan(page.questions.length / 2);
    expect(partialRows.length).toBeGreaterThanOrEqual(page.questions.length / 4);
    expect(tickRows.filter((question) => question.review.length > 0).map((q) => q.questionId)).toEqual([]);
    expect(partialRows.filter((question) => question.review.length === 0).map((q) => q.questionId)).toEqual([]);
  });

  it('a page with most rows answered, or with residue on only a few rows, is left as read', async () => {
    const dpi = 150;
    const image = markedSheet(await printedSheet(dpi), dpi, oneMarkPerRow('dark-copy'), 'dark-copy', 'pen');
    photocopy(image, dpi);
    const page = readPage(image, { exam: bundledExam, layoutFor: () => layout });
    if (page.kind !== 'read') throw new Error(`page not read: ${page.kind}`);
    const rows = page.questions.map((question) => question.bubbles);
    expect(doubtRowsOfFaintPage(rows)).toBe(rows);
    const fewResidue = rows.map((row, index) =>
      row.map((bubble) => ({
        ...bubble,
        reading: {
          ...bubble.reading,
          kind: index < 3 && bubble.reading.kind === 'filled' ? ('erasure' as const) : ('empty' as const),
        },
      })),
    );
    expect(doubtRowsOfFaintPage(fewResidue)).toBe(fewResidue);
  });
});
