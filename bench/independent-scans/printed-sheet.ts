/**
 * The paper before anyone writes on it: the bundled exam's personalised answer sheets (questions and options shuffled
 * per student, as bench/omr.bench.ts prints them), page 1 rasterised by pdftoppm at 400 dpi so that marks can be drawn
 * finer than any capture will see them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { layoutAnswerSheet, makeVariant, parseExam, type Exam, type SheetLayout } from '@examforge/core';
import { renderAnswerSheets, type AnswerSheetContent } from '@examforge/paper';
import { RENDER_DPI, type Raster } from './ink.js';
import { SEED_PREFIX } from './random.js';

export interface Sheet {
  readonly layout: SheetLayout;
  readonly content: AnswerSheetContent;
}

export function loadExam(): Exam {
  const path = fileURLToPath(new URL('../../exams/dl-endsem-winter-2025/exam.md', import.meta.url));
  const parsed = parseExam(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error('the bundled exam does not parse');
  return parsed.exam;
}

/** Student `index`'s sheet: its own variant seed and student number, so every page of the set is a different sheet. */
export function sheetFor(exam: Exam, index: number): Sheet {
  const variant = makeVariant(exam, `${SEED_PREFIX}student-${index}`, { shuffleQuestions: true, shuffleOptions: true });
  return {
    layout: layoutAnswerSheet(exam, variant, { pageSize: 'A4', studentNumberDigits: 8 }),
    content: {
      title: exam.title,
      identity: {
        examId: exam.id,
        version: 1,
        variant: variant.seed,
        studentNumber: `2612${String(index).padStart(4, '0')}`,
      },
    },
  };
}

/** Page 1 of the sheet as printed, greyscale (400 dpi unless asked otherwise). */
export async function printedBubblePage(sheet: Sheet, dpi: number = RENDER_DPI): Promise<Raster> {
  const pdf = await renderAnswerSheets([sheet]);
  const directory = mkdtempSync(join(tmpdir(), 'independent-scans-'));
  try {
    writeFileSync(join(directory, 'sheet.pdf'), pdf);
    const args = ['-r', String(dpi), '-gray', '-f', '1', '-l', '1', '-singlefile'];
    execFileSync('pdftoppm', [...args, join(directory, 'sheet.pdf'), join(directory, 'page')]);
    return readPgm(readFileSync(join(directory, 'page.pgm')));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function readPgm(data: Buffer): Raster {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const start = header[0].length;
  return { width, height, pixels: new Uint8Array(data.subarray(start, start + width * height)) };
}
