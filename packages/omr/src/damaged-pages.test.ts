import {
  layoutAnswerSheet,
  makeVariant,
  seededRandom,
  type Circle,
  type PageSize,
  type SheetLayout,
} from '@examforge/core';
import { renderAnswerSheet } from '@examforge/paper';
import { describe, expect, it } from 'vitest';
import { FIRST_PAGE, rasterise } from '../../paper/src/test-support/rasterise.js';
import type { GreyImage } from './grey-image.js';
import { rotateHalfTurn } from './page-identity.js';
import { readPage, type PageResult } from './read-page.js';
import { cornerRegion, PageDamage } from './test-support/page-damage.js';
import { bundledExam } from './test-support/bundled-exam.js';

const exam = bundledExam;
const variant = makeVariant(exam, 'sitting:s042', { shuffleQuestions: true, shuffleOptions: true });
const identity = { examId: exam.id, version: 3, variant: variant.seed, studentNumber: 's042' };

interface Printed {
  readonly layout: SheetLayout;
  readonly pages: GreyImage[];
  readonly scale: number;
}

const printed = new Map<string, Promise<Printed>>();
/** The sheet printed on a paper size and rasterised at a resolution (once per test file). */
function printedSheet(pageSize: PageSize, dpi: number): Promise<Printed> {
  const key = `${pageSize}-${dpi}`;
  const made =
    printed.get(key) ??
    (async () => {
      const layout = layoutAnswerSheet(exam, variant, { pageSize, studentNumberDigits: 8 });
      const pages = rasterise(await renderAnswerSheet(layout, { title: exam.title, identity }), dpi);
      return { layout, pages, scale: dpi / 72 };
    })();
  printed.set(key, made);
  return made;
}

/** Page 1 with one bubble of most questions, and a digit of every student-number column, filled solid. */
function filledFirstPage(sheet: Printed, seed: string): { damage: PageDamage; filled: Set<Circle> } {
  const page = sheet.layout.pages[0]!;
  const random = seededRandom(seed);
  const damage = new PageDamage(sheet.pages[0]!, sheet.scale);
  const filled = new Set<Circle>();
  const questions = [...new Set(page.bubbles.map((bubble) => bubble.questionId))];
  for (const questionId of questions) {
    const row = page.bubbles.filter((bubble) => bubble.questionId === questionId);
    if (random() < 0.2) continue;
    filled.add(row[Math.floor(random() * row.length)]!);
  }
  for (let column = 0; column < 8; column += 1) {
    const digit = Math.floor(random() * 10);
    filled.add(page.digitBubbles.find((b) => b.column === column && b.digit === digit)!);
  }
  for (const bubble of filled) damage.inkDisc({ ...bubble, r: bubble.r * 0.95 });
  return { damage, filled };
}

/** Whether every question bubble was read as what was drawn: solid fills as filled, the rest as empty. */
function expectEveryBubbleRead(result: PageResult, sheet: Printed, filled: Set<Circle>): void {
  expect(result.kind).toBe('read');
  if (result.kind !== 'read') return;
  expect(result.identity).toEqual({ ...identity, page: 1 });
  const page = sheet.layout.pages[0]!;
  const wrong = result.questions.flatMap((question) =>
    question.bubbles.flatMap((bubble) => {
      const printedBubble = page.bubbles.find(
        (b) => b.questionId === question.questionId && b.option === bubble.option,
      );
      const expected = printedBubble && filled.has(printedBubble) ? 'filled' : 'empty';
      const ok = bubble.reading.kind === expected && bubble.reading.confidence >= 0.5;
      return ok
        ? []
        : [`${question.questionId}/${bubble.option}: ${bubble.reading.kind} (${bubble.reading.confidence})`];
    }),
  );
  expect(wrong).toEqual([]);
  expect(result.questions).toHaveLength(new Set(page.bubbles.map((b) => b.questionId)).size);
  const digits = page.digitBubbles.filter((b) => filled.has(b)).sort((a, b) => a.column - b.column);
  expect(result.studentNumber?.digits).toBe(digits.map((b) => b.digit).join(''));
}

const context = (sheet: Printed) => ({ exam, layoutFor: () => sheet.layout });
const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;

describe('reading damaged pages', () => {
  it.each(
    CORNERS.flatMap(
      (corner, index) =>
        [
          ['A4', 150, corner, index],
          ['Letter', 200, corner, index],
        ] as const,
    ),
  )('%s at %i dpi, %s corner cut off: identified, every bubble read', async (pageSize, dpi, _corner, index) => {
    const sheet = await printedSheet(pageSize, dpi);
    const { damage, filled } = filledFirstPage(sheet, `cut-${pageSize}-${index}`);
    damage.whiteOut(cornerRegion(sheet.layout.pages[0]!.cornerMarks[index]!, sheet.layout.width, sheet.layout.height));
    expectEveryBubbleRead(readPage(damage.image, context(sheet)), sheet, filled);
  });

  it.each([
    ['top', [0, 1]],
    ['left', [0, 2]],
    ['diagonal', [1, 2]],
  ] as const)(
    'A4 at 200 dpi, two corners (%s) cut off: registered by the lattice of rings, every bubble read',
    async (_, cut) => {
      const sheet = await printedSheet('A4', 200);
      const { damage, filled } = filledFirstPage(sheet, `two-cut-${cut.join('')}`);
      for (const index of cut)
        damage.whiteOut(
          cornerRegion(sheet.layout.pages[0]!.cornerMarks[index]!, sheet.layout.width, sheet.layout.height),
        );
      expectEveryBubbleRead(readPage(damage.image, context(sheet)), sheet, filled);
    },
  );

  it('A4 at 200 dpi, main QR code smudged: identified from the backup code, every bubble read', async () => {
    const sheet = await printedSheet('A4', 200);
    const { damage, filled } = filledFirstPage(sheet, 'smudged-code');
    damage.smudge(sheet.layout.pages[0]!.qr, 'smudge-main');
    expectEveryBubbleRead(readPage(damage.image, context(sheet)), sheet, filled);
  });

  it('Letter at 150 dpi, upside down, main code smudged and a corner cut: turned, identified, every bubble read', async () => {
    const sheet = await printedSheet('Letter', 150);
    const page = sheet.layout.pages[0]!;
    const { damage, filled } = filledFirstPage(sheet, 'upside-down');
    damage
      .smudge(page.qr, 'smudge-turned')
      .whiteOut(cornerRegion(page.cornerMarks[3]!, sheet.layout.width, sheet.layout.height));
    const result = readPage(rotateHalfTurn(damage.image), context(sheet));
    expect(result.kind === 'read' && result.upsideDown).toBe(true);
    expectEveryBubbleRead(result, sheet, filled);
  });

  it('identifies every page of the sheet (free-response pages too) with a corner cut and the main code smudged', async () => {
    const sheet = await printedSheet('A4', 150);
    const results = sheet.layout.pages.map((page, index) => {
      const damage = new PageDamage(sheet.pages[index]!, sheet.scale)
        .smudge(page.qr, `smudge-${index}`)
        .whiteOut(cornerRegion(page.cornerMarks[index % 4]!, sheet.layout.width, sheet.layout.height));
      const result = readPage(damage.image, context(sheet));
      return result.kind === 'read' ? result.identity : result;
    });
    expect(results).toEqual(sheet.layout.pages.map((page) => ({ ...identity, page: page.number })));
  });

  it('a page with both codes smudged is unknown, with the reason', async () => {
    const sheet = await printedSheet('A4', 200);
    const page = sheet.layout.pages[0]!;
    const damage = filledFirstPage(sheet, 'both-codes').damage.smudge(page.qr, 'main').smudge(page.backupQr!, 'backup');
    expect(readPage(damage.image, context(sheet))).toEqual({ kind: 'unknown', reason: 'code-unreadable' });
  });

  it('a page with both codes smudged and a corner cut is unknown, with the reason', async () => {
    const sheet = await printedSheet('A4', 200);
    const page = sheet.layout.pages[0]!;
    const damage = filledFirstPage(sheet, 'both-codes-cut')
      .damage.smudge(page.qr, 'main')
      .smudge(page.backupQr!, 'backup')
      .whiteOut(cornerRegion(page.cornerMarks[1]!, sheet.layout.width, sheet.layout.height));
    expect(readPage(damage.image, context(sheet))).toEqual({ kind: 'unknown', reason: 'code-unreadable' });
  });

  it('A4 at 200 dpi, three corners cut off: registered by both codes and the last disc, every bubble read', async () => {
    const sheet = await printedSheet('A4', 200);
    const page = sheet.layout.pages[0]!;
    const { damage, filled } = filledFirstPage(sheet, 'three-cut');
    for (const index of [0, 1, 2])
      damage.whiteOut(cornerRegion(page.cornerMarks[index]!, sheet.layout.width, sheet.layout.height));
    expectEveryBubbleRead(readPage(damage.image, context(sheet)), sheet, filled);
  });

  it('a page with three corners cut off and the main code smudged is unknown, with the reason', async () => {
    const sheet = await printedSheet('A4', 200);
    const page = sheet.layout.pages[0]!;
    const damage = filledFirstPage(sheet, 'three-cut-smudged').damage.smudge(page.qr, 'main-three-cut');
    for (const index of [0, 1, 2])
      damage.whiteOut(cornerRegion(page.cornerMarks[index]!, sheet.layout.width, sheet.layout.height));
    expect(readPage(damage.image, context(sheet))).toEqual({ kind: 'unknown', reason: 'no-corner-marks' });
  });

  it('a disc-shaped blob beside a cut corner is not taken for its disc: the other three register the page', async () => {
    const sheet = await printedSheet('A4', 200);
    const page = sheet.layout.pages[0]!;
    const { damage, filled } = filledFirstPage(sheet, 'blob-beside');
    const disc = page.cornerMarks[0]!;
    damage.whiteOut(cornerRegion(disc, sheet.layout.width, sheet.layout.height)).inkDisc({ ...disc, y: disc.y + 46 });
    expectEveryBubbleRead(readPage(damage.image, context(sheet)), sheet, filled);
  });

  it('a blob of ink over a corner disc is not taken for the disc: the other three register the page', async () => {
    const sheet = await printedSheet('Letter', 200);
    const page = sheet.layout.pages[0]!;
    const { damage, filled } = filledFirstPage(sheet, 'blob-over');
    damage.inkDisc({ ...page.cornerMarks[2]!, x: page.cornerMarks[2]!.x + 4, r: 16 });
    expectEveryBubbleRead(readPage(damage.image, context(sheet)), sheet, filled);
  });

  it('a disc-shaped blob slightly off a missing disc, another corner cut: the fits through it are refused, the two true discs register the page', async () => {
    const sheet = await printedSheet('A4', 200);
    const page = sheet.layout.pages[0]!;
    const { damage, filled } = filledFirstPage(sheet, 'blob-off');
    const disc = page.cornerMarks[0]!;
    damage
      .whiteOut(cornerRegion(disc, sheet.layout.width, sheet.layout.height))
      .inkDisc({ ...disc, y: disc.y + 8 })
      .whiteOut(cornerRegion(page.cornerMarks[3]!, sheet.layout.width, sheet.layout.height));
    expectEveryBubbleRead(readPage(damage.image, context(sheet)), sheet, filled);
  });

  it('a page whose bubbles are smudged over, with a corner cut, is unknown rather than read through an unconfirmed fit', async () => {
    const sheet = await printedSheet('A4', 200);
    const page = sheet.layout.pages[0]!;
    const damage = filledFirstPage(sheet, 'smudged-rows')
      .damage.whiteOut(cornerRegion(page.cornerMarks[2]!, sheet.layout.width, sheet.layout.height))
      .smudge({ x: 60, y: 330, width: 120, height: 300 }, 'rows');
    expect(readPage(damage.image, context(sheet))).toEqual({ kind: 'unknown', reason: 'registration-unconfirmed' });
  });

  it('reads a sheet printed, and laid out in its manifest, before the backup code existed', async () => {
    const sheet = await printedSheet('A4', 150);
    const layout = { ...sheet.layout, pages: sheet.layout.pages.map(({ backupQr: _, ...page }) => page) };
    const [image] = rasterise(await renderAnswerSheet(layout, { title: exam.title, identity }), 150, FIRST_PAGE);
    const result = readPage(image!, { exam, layoutFor: () => layout });
    expect(result.kind === 'read' && result.identity).toEqual({ ...identity, page: 1 });
  });
});
