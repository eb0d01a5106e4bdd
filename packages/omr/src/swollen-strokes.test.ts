import { describe, expect, it } from 'vitest';
import { doubtSwollenStrokes } from './swollen-strokes.js';
import { readPage } from './read-page.js';
import { bundledExam } from './test-support/bundled-exam.js';
import { sendByFax } from './test-support/fax.js';
import { bubbles, layout, markedSheet, oneMarkPerRow, printedSheet } from './test-support/survey.js';

/**
 * A felt tip through a fax's dark threshold: its strokes swell by the sender's blur, so a cross or a partial fill
 * covers most of the bubble and only a bare patch between the strokes is left. The independent test's faxes read 9
 * such felt-tip crosses and partial fills as complete fills with confidence (an invalid mark counted as an answer).
 * Drawn with the project's own felt tip (narrower than the independent test's, whose ink also wicks along the paper,
 * so a darker threshold swells it as far): a fill in two rows of three, a cross or a partial fill alone in the third.
 * Without the rule, each of these sheets has a cross (d) or a partial fill (b, f, h) read as a confident fill. Not held:
 * a cross swollen until one bare arc is left (sheet a: a region of 0.084) reads as a fill with a gap, as a pen's fill
 * through a light threshold does (`lost-to-threshold.test.ts`), and stays a confident fill.
 */
const DPI = 200;
const rowIndex = new Map([...new Set(bubbles.map((bubble) => bubble.group))].map((group, index) => [group, index]));

async function faxedFeltSheet(seed: string) {
  const fills = oneMarkPerRow(seed);
  const crosses = oneMarkPerRow(seed, 'cross');
  const partials = oneMarkPerRow(seed, 'partial');
  const truth = bubbles.map((bubble, index) => {
    const row = rowIndex.get(bubble.group) ?? 0;
    return (row % 3 !== 2 ? fills : row % 6 === 2 ? crosses : partials)[index] ?? 'empty';
  });
  const sheet = markedSheet(await printedSheet(DPI), DPI, truth, seed, 'felt');
  const faxed = await sendByFax(sheet, DPI, { tone: { kind: 'threshold', level: 225 }, skew: 0.3, blurMm: 0.2 });
  return { truth, page: readPage(faxed, { exam: bundledExam, layoutFor: () => layout }) };
}

describe('a felt-tip cross or partial fill a fax threshold swelled to a blob', () => {
  it.each(['b', 'd', 'f', 'h'])('is never counted as an answer with confidence (sheet %s)', async (seed) => {
    const { truth, page } = await faxedFeltSheet(seed);
    if (page.kind !== 'read') throw new Error(`page not read: ${page.kind}`);
    const readingOf = (group: string, option: string) =>
      page.questions.find((q) => q.questionId === group)?.bubbles.find((b) => b.option === option)?.reading;
    const marks = bubbles.flatMap((bubble, index) => {
      const kind = truth[index];
      return kind === 'cross' || kind === 'partial' ? [{ kind, reading: readingOf(bubble.group, bubble.option) }] : [];
    });
    expect(marks.length).toBeGreaterThanOrEqual(8);
    const counted = marks.filter(({ reading }) => reading?.kind === 'filled' && reading.fillConfidence >= 0.5);
    expect(counted.map(({ kind, reading }) => ({ kind, bare: reading?.features.bareArea }))).toEqual([]);
    // The fills stay answers: at most one in ten goes to a person.
    const fills = bubbles.flatMap((bubble, index) =>
      truth[index] === 'filled' ? [readingOf(bubble.group, bubble.option)] : [],
    );
    const confident = fills.filter((reading) => reading?.kind === 'filled' && reading.fillConfidence >= 0.5);
    expect(confident.length).toBeGreaterThanOrEqual(0.9 * fills.length);
  });

  it('a grey capture, or a page of gappy pencil fills, is returned as read', async () => {
    const { page } = await faxedFeltSheet('b');
    if (page.kind !== 'read') throw new Error(`page not read: ${page.kind}`);
    const rows = page.questions.map((question) => question.bubbles);
    expect(doubtSwollenStrokes(rows, false)).toBe(rows);
    const gappy = rows.map((row) =>
      row.map((bubble) => ({
        ...bubble,
        reading: { ...bubble.reading, features: { ...bubble.reading.features, bareArea: 0.05, innerGap: 5 } },
      })),
    );
    expect(doubtSwollenStrokes(gappy, true)).toBe(gappy);
  });
});
