import { seededRandom } from '@examforge/core';
import { describe, expect, it } from 'vitest';
import type { GreyImage } from './grey-image.js';
import { readPage } from './read-page.js';
import { findScannerStreaks } from './scanner-streaks.js';
import { printedSheetPages } from './test-support/answer-sheet-scans.js';
import { bundledExam } from './test-support/bundled-exam.js';
import { threshold } from './test-support/degrade.js';
import { drawFeederStreaks, type FeederStreak } from './test-support/feeder-streaks.js';
import {
  bubbles,
  layout,
  markedSheet,
  oneMarkPerRow,
  printedSheet,
  questionBubbles,
  readSheet,
  sheetPage,
} from './test-support/survey.js';
import { addNoise } from './test-support/synthetic-marks.js';

/**
 * Dust on a sheet feeder's glass draws a line down the whole page. Through an empty bubble it looked like a stroke:
 * an independent draw's office scan read 17 empty bubbles in one column as confident ticks. The reader paints such
 * streaks out before it reads; a page with them reads as the page without them.
 */

/** A streak through the bubbles of every option column (a little off their centres), and one through the QR code. */
function streaksThroughColumns(dpi: number, width: number, blocks: number, seed: string): FeederStreak[] {
  const random = seededRandom(seed);
  const scale = dpi / 72;
  const columns = [...new Set(questionBubbles.map((bubble) => Math.round(bubble.x * 10) / 10))];
  const r = questionBubbles[0]!.r;
  return [
    ...columns.map((x) => ({ x: (x + (random() - 0.5) * 0.6 * r) * scale, width, blocks })),
    { x: (sheetPage.qr.x + sheetPage.qr.width * 0.4) * scale, width, blocks },
  ];
}

interface Reading {
  readonly kind: string;
  readonly review: boolean;
}

/** Each question bubble's reading and whether its row goes to review, in `questionBubbles`' order. */
function readQuestions(image: GreyImage): Reading[] {
  const page = readPage(image, { exam: bundledExam, layoutFor: () => layout });
  if (page.kind !== 'read') throw new Error(`page not read: ${page.kind}`);
  const byOption = new Map(
    page.questions.flatMap((question) =>
      question.bubbles.map((b) => [
        `${question.questionId}/${b.option}`,
        { kind: b.reading.kind, review: question.review.length > 0 },
      ]),
    ),
  );
  return questionBubbles.map((bubble) => byOption.get(`${bubble.group}/${bubble.option}`)!);
}

const CASES: readonly { dpi: number; width: number; blocks: number; oneBit?: boolean }[] = [
  { dpi: 150, width: 1, blocks: 0.7 },
  { dpi: 200, width: 2, blocks: 0.65 },
  { dpi: 200, width: 1.5, blocks: 0.7 },
  { dpi: 300, width: 2.5, blocks: 0.6 },
  { dpi: 200, width: 1.5, blocks: 0.7, oneBit: true },
];

describe('streaks from dust on a sheet feeder’s glass', () => {
  it.each(CASES)(
    '$dpi dpi, $width px wide, blocking $blocks of the light (one bit: $oneBit): read as without them',
    async ({ dpi, width, blocks, oneBit }) => {
      const seed = `streaks-${dpi}-${blocks}`;
      const marked = markedSheet(await printedSheet(dpi), dpi, oneMarkPerRow(seed), seed, 'pen');
      addNoise(marked, 6, `noise-${seed}`);
      const streaked = { ...marked, pixels: Uint8Array.from(marked.pixels) };
      drawFeederStreaks(streaked, streaksThroughColumns(dpi, width, blocks, seed), seed);
      const [clean, dusty] = oneBit ? [threshold(marked, 160), threshold(streaked, 160)] : [marked, streaked];

      // The streaks are strokes to a bubble read alone: every column of empty bubbles gets marks.
      const alone = readSheet(dusty)!.filter((reading, index) => !bubbles[index]!.group.startsWith('digit-'));
      expect(alone.filter((reading) => reading.kind === 'tick' || reading.kind === 'partial').length).toBeGreaterThan(
        5,
      );
      expect(findScannerStreaks(dusty).length).toBeGreaterThanOrEqual(4);
      expect(readQuestions(dusty)).toEqual(readQuestions(clean));
    },
    60_000,
  );

  it.each([150, 200, 300])('finds none on printed and marked sheets at %i dpi, answer-box pages too', async (dpi) => {
    // The sides of stacked answer boxes run most of a page's height, but not through its heading.
    for (const page of await printedSheetPages(dpi)) expect(findScannerStreaks(page)).toEqual([]);
    const printed = await printedSheet(dpi);
    expect(findScannerStreaks(printed)).toEqual([]);
    const seed = `no-streaks-${dpi}`;
    const marked = markedSheet(printed, dpi, oneMarkPerRow(seed), seed);
    addNoise(marked, 8, `noise-${seed}`);
    expect(findScannerStreaks(marked)).toEqual([]);
  });
});
