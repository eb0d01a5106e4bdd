import { describe, expect, it } from 'vitest';
import { assembleScan } from './assemble-scan.js';
import { readPage } from './read-page.js';
import { sheetAnswerBoxes } from './sheet-answer-boxes.js';
import { freePages, printedSheetPages, scanContext } from './test-support/answer-sheet-scans.js';
import { drawStrokes, printedAt, writeAnswer } from './test-support/handwriting.js';

describe('the free-response boxes of an assembled sheet', () => {
  it('lists every box of the sheet with its verdict and the scan page holding its crop, in any feed order', async () => {
    const pages = await printedSheetPages(150);
    const [first, second, third] = freePages;
    const pen = { darkness: 0.8, grain: 0 };
    const written = (index: number, seed: string) =>
      drawStrokes(
        pages[index]!,
        printedAt(150 / 72),
        writeAnswer(freePages[0]!.page.boxes[0]!, 'words', seed),
        pen,
        seed,
      );
    // Fed backwards: the third free-response page first, the second left blank.
    const scans = [written(third!.index, 'c'), pages[second!.index]!, written(first!.index, 'a')];
    const choicePages = pages.filter((_, index) => !freePages.some((free) => free.index === index));
    const results = [...scans, ...choicePages].map((image) => readPage(image, scanContext, { keepImage: true }));
    const [sheet] = assembleScan(results, scanContext.layoutFor).sheets;
    const boxes = sheetAnswerBoxes(sheet!, results);
    expect(boxes.map((box) => [box.questionId, box.ink, box.scanPage])).toEqual([
      [first!.page.boxes[0]!.questionId, 'written', 3],
      [second!.page.boxes[0]!.questionId, 'blank', 2],
      [third!.page.boxes[0]!.questionId, 'written', 1],
    ]);
    for (const box of boxes) {
      const page = results[box.scanPage - 1];
      const crop = page?.kind === 'read' ? page.crops[box.questionId] : undefined;
      expect(crop?.width).toBe(Math.round(box.area.width * box.scale));
      expect(box.scale).toBeGreaterThanOrEqual(150 / 72 - 0.01);
    }
  });
});
