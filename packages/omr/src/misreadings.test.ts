import { seededRandom } from '@examforge/core';
import { describe, expect, it } from 'vitest';
import type { MarkReading } from './classify-mark.js';
import type { GreyImage } from './grey-image.js';
import { REVIEW_BELOW } from './mark-rule.js';
import { readPage } from './read-page.js';
import { bundledExam } from './test-support/bundled-exam.js';
import { degrade, randomDegradation } from './test-support/degrade.js';
import { bubbles, layout, markedSheet, printedSheet, readSheet } from './test-support/survey.js';
import { addNoise, type SyntheticMark, type Tool } from './test-support/synthetic-marks.js';
import { photocopy } from './test-support/copier.js';

/**
 * The misreadings an independent test found (crops in the shared `omr-misreadings` folder), drawn again with the
 * project's own generator: complete fills in grainy graphite, dots where a pen was set down, the residue of a
 * rubbed-out fill, and a pencil fill that a fax's black-and-white threshold broke into specks. Every bubble of a
 * sheet (the 26 question rows and the student-number grid) holds the mark.
 */
async function readAll(kind: SyntheticMark, tool: Tool, dpi: number, seed: string): Promise<MarkReading[]> {
  const truth = bubbles.map(() => kind);
  const image = markedSheet(await printedSheet(dpi), dpi, truth, seed, tool);
  addNoise(image, 8, `noise-${seed}`);
  const readings = readSheet(image);
  if (!readings) throw new Error('corner marks not found');
  return readings;
}

/**
 * A sheet on which every other question row holds one fill and the rows between hold only the residue of a fill the
 * eraser dragged one way (`smeared`): the student's own fills beside answers they rubbed out.
 */
function fillsAndRubbedOut(seed: string): SyntheticMark[] {
  const random = seededRandom(seed);
  const groups = [...new Set(bubbles.map((bubble) => bubble.group))].filter((group) => !group.startsWith('digit-'));
  const chosen = new Map(
    groups.map((group, index) => {
      const options = bubbles.filter((bubble) => bubble.group === group).map((bubble) => bubble.option);
      return [
        group,
        { option: options[Math.floor(random() * options.length)], mark: index % 2 ? 'smeared' : 'filled' },
      ];
    }),
  );
  return bubbles.map((bubble): SyntheticMark => {
    const row = chosen.get(bubble.group);
    return row && row.option === bubble.option ? (row.mark as SyntheticMark) : 'empty';
  });
}

/** The printed sheet the rubbed-out sheets are drawn on, printed once for the file. */
let printedAt200: Promise<GreyImage> | undefined;

/** A `fillsAndRubbedOut` sheet in graphite at 200 dpi, read as a page: its truth and each bubble's reading, in order. */
async function readRubbedOut(seed: string): Promise<{ truth: SyntheticMark[]; readings: (MarkReading | undefined)[] }> {
  const dpi = 200;
  const truth = fillsAndRubbedOut(seed);
  printedAt200 ??= printedSheet(dpi);
  const image = markedSheet(await printedAt200, dpi, truth, seed, 'graphite');
  addNoise(image, 8, `noise-${seed}`);
  const page = readPage(image, { exam: bundledExam, layoutFor: () => layout });
  if (page.kind !== 'read') throw new Error(`page not read: ${page.kind}`);
  const byOption = new Map(
    page.questions.flatMap((question) =>
      question.bubbles.map((b) => [`${question.questionId}/${b.option}`, b.reading]),
    ),
  );
  return { truth, readings: bubbles.map((bubble) => byOption.get(`${bubble.group}/${bubble.option}`)) };
}

/** Light pencil ticks copied at the copier's lighter setting still read as residue with confidence (measured). */
const LIMIT_COPIED_TICKS_AS_RESIDUE = 0;

/** Felt-tip crosses on the clean scan of `readAll` whose fill the reader is unsure of (measured December 2026). */
const FELT_CROSS_REVIEW = 5;

const describeAll = (readings: readonly MarkReading[]) =>
  readings.map((reading) => `${reading.kind} ${reading.confidence.toFixed(2)}`);
const confident = (reading: MarkReading) => reading.confidence >= REVIEW_BELOW;

describe('marks an independent test misread', () => {
  it.each([150, 200, 300])('complete graphite fills on a clean %i-dpi scan are read as filled', async (dpi) => {
    const readings = await readAll('filled', 'graphite', dpi, `pencil-fill-${dpi}`);
    const misread = readings.filter((reading) => reading.kind !== 'filled' || !confident(reading));
    // A fill may at worst go to a person; never a confident tick or cross. Floor measured in December 2026: up to
    // 9 % of these fills (the lightest graphite, 0.2 dark) are unsure or read as residue.
    const strokes = readings.filter((reading) => ['tick', 'cross'].includes(reading.kind) && confident(reading));
    expect(describeAll(strokes)).toEqual([]);
    expect(misread.length, describeAll(misread).join(', ')).toBeLessThanOrEqual(readings.length * 0.1);
  });

  it.each<[Tool, string]>([
    ['pen', 'pen'],
    ['pencil', 'pencil'],
    ['graphite', 'graphite'],
  ])('dots set down with a %s are noise, never a tick', async (tool) => {
    const readings = await readAll('dot', tool, 200, `dot-${tool}`);
    const marks = readings.filter((reading) => !['dot', 'empty'].includes(reading.kind) || !confident(reading));
    expect(describeAll(marks)).toEqual([]);
  });

  it('rubbed-out fills (residue up to 25 % darkness) are noise, never a partial fill', async () => {
    const readings = await readAll('erased', 'graphite', 200, 'erasure');
    const marks = readings.filter((reading) => !['erasure', 'empty'].includes(reading.kind) && confident(reading));
    expect(describeAll(marks)).toEqual([]);
  });

  it('residue an eraser dragged one way, alone in its row, is rarely a confident fill, and the fills beside it are read', async () => {
    let residueAsFill = 0;
    let fillsRead = 0;
    let fills = 0;
    for (const seed of ['rubbed-out-a', 'rubbed-out-b', 'rubbed-out-c', 'rubbed-out-d']) {
      const { truth, readings } = await readRubbedOut(seed);
      bubbles.forEach((bubble, index) => {
        const reading = readings[index];
        const confidentFill = reading?.kind === 'filled' && confident(reading);
        if (truth[index] === 'smeared' && confidentFill) residueAsFill += 1;
        if (truth[index] === 'filled') [fills, fillsRead] = [fills + 1, fillsRead + (confidentFill ? 1 : 0)];
      });
    }
    // Floor measured in December 2026 on these 52 rubbed-out rows: 4 confident fills (6 before a fill as faint as
    // residue became sure only at three quarters of the student's own fills' darkness, not at 0.65). What is left is
    // residue dragged darker than 0.32: a light pencil fill among pen fills is as dark, and is a fill.
    expect(residueAsFill).toBeLessThanOrEqual(4);
    expect(fillsRead).toBeGreaterThanOrEqual(fills - 1);
  });

  it('residue an eraser dragged one way, beside darker fills, is never a confident partial fill, rarely a stroke', async () => {
    const residueAsPartial: string[] = [];
    const residueAsStroke: string[] = [];
    for (const seed of ['dragged-a', 'dragged-b', 'dragged-c', 'dragged-d', 'dragged-e', 'dragged-f']) {
      const { truth, readings } = await readRubbedOut(seed);
      bubbles.forEach((bubble, index) => {
        const reading = readings[index];
        if (truth[index] !== 'smeared' || !reading || !confident(reading)) return;
        const described = `${seed} ${bubble.group}: ${reading.kind} ${reading.confidence.toFixed(2)}`;
        if (reading.kind === 'partial') residueAsPartial.push(described);
        if (reading.kind === 'tick' || reading.kind === 'cross') residueAsStroke.push(described);
      });
    }
    expect(residueAsPartial).toEqual([]);
    // A streak the eraser dragged has paper on both sides, as a stroke does (measured 7 December 2026: 1 in 78 rows).
    expect(residueAsStroke.length, residueAsStroke.join(', ')).toBeLessThanOrEqual(1);
  });

  it('wide felt-tip crosses on a clean grey scan are crosses, not a fill and rarely sent to a person', async () => {
    const readings = await readAll('cross', 'felt', 200, 'felt-cross');
    const fills = readings.filter((reading) => reading.kind === 'filled' && confident(reading));
    expect(describeAll(fills)).toEqual([]);
    // Before December 2026 a grey scan's wide cross was taken for a fill broken by a threshold and went to a person
    // (124 of these 184); measured since: 2.
    const unsure = readings.filter((reading) => reading.fillConfidence < REVIEW_BELOW);
    expect(unsure.length, describeAll(unsure).join(', ')).toBeLessThanOrEqual(FELT_CROSS_REVIEW);
  });

  it('complete pencil fills mottled by a photocopier are fills or go to a person, never a confident partial fill', async () => {
    const dpi = 200;
    const truth = bubbles.map((): SyntheticMark => 'filled');
    const image = markedSheet(await printedSheet(dpi), dpi, truth, 'copied-fill', 'pencil');
    addNoise(image, 8, 'noise-copied-fill');
    photocopy(image, dpi);
    // A partial fill leaves a clearly bare part; the copier's mottle is not one (before December 2026, one such
    // fill of this sheet was read as a confident partial fill).
    const partial = (readSheet(image) ?? []).filter((reading) => reading.kind === 'partial' && confident(reading));
    expect(describeAll(partial)).toEqual([]);
  });

  it('light pencil ticks a copier thinned below the ink line are not read as residue with confidence', async () => {
    const dpi = 200;
    const truth = bubbles.map((): SyntheticMark => 'tick');
    const image = markedSheet(await printedSheet(dpi), dpi, truth, 'copied-tick', 'pencil');
    addNoise(image, 8, 'noise-copied-tick');
    photocopy(image, dpi, 0.85);
    const readings = readSheet(image) ?? [];
    // What the copier's tone curve left of these strokes is a few specks along their path: a faded tick or residue
    // broken into specks, which a person could not tell apart either; neither is an answer.
    const residue = readings.filter((reading) => reading.kind === 'erasure' && confident(reading));
    expect(residue.length, describeAll(residue).join(', ')).toBeLessThanOrEqual(LIMIT_COPIED_TICKS_AS_RESIDUE);
  });

  it('a graphite fill broken into specks by a fax threshold is a fill or goes to review, rarely a confident stroke', async () => {
    const dpi = 200;
    const truth = bubbles.map((): SyntheticMark => 'filled');
    const image = markedSheet(await printedSheet(dpi), dpi, truth, 'fax-fill', 'graphite');
    const how = { ...randomDegradation('fax-fill', dpi, 'bw', (layout.width * dpi) / 72), threshold: 150, blur: 0 };
    const readings = readSheet(await degrade(image, how, 'fax-fill'));
    expect(readings).toBeDefined();
    // Where the threshold left nothing of the fill the bubble is empty, as a person sees it too.
    // Floor measured in December 2026 with one hand for the whole sheet (a heavy graphite hand here): 7 of 184 still
    // read as confident strokes (the threshold keeps only the lines of the passes); the rest are fills, reviews or
    // empty. A known weakness: a person sees the lines cover the bubble.
    const wrong = (readings ?? []).filter((reading) => ['tick', 'cross'].includes(reading.kind) && confident(reading));
    expect(wrong.length, describeAll(wrong).join(', ')).toBeLessThanOrEqual(7);
  });
});
