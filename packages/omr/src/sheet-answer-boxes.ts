import type { AnswerBoxReading } from './answer-boxes.js';
import type { ReadSheet } from './assemble-scan.js';
import type { PageResult } from './read-page.js';

/** A free-response box of a sheet as read, with the scan page its crop came from (`crops[questionId]` there). */
export type SheetAnswerBox = AnswerBoxReading & { readonly scanPage: number };

/**
 * The free-response boxes of an assembled sheet, in the sheet's page order: each page of the sheet is looked up
 * among the batch's page readings (`pages[scanPage - 1]`). A box whose page the batch did not read is absent: the
 * sheet's layout says which questions those are.
 *
 * @example
 * const boxes = sheetAnswerBoxes(sheet, pages); // then pages[box.scanPage - 1].crops[box.questionId]
 */
export function sheetAnswerBoxes(sheet: ReadSheet, pages: readonly PageResult[]): SheetAnswerBox[] {
  return [...sheet.pages]
    .sort(([a], [b]) => a - b)
    .flatMap(([, scanPage]) => {
      const page = pages[scanPage - 1];
      if (page?.kind !== 'read') return [];
      return (page.answerBoxes ?? []).map((box) => ({ ...box, scanPage }));
    });
}
