import { layoutAnswerSheet, makeVariant, parseExam } from '@examforge/core';
import { renderAnswerSheets } from '@examforge/paper';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rasterise } from '../../paper/src/test-support/rasterise.js';
import { assembleScan } from './assemble-scan.js';
import { rotateHalfTurn } from './page-identity.js';
import { readPage, type ScanContext } from './read-page.js';

const parsed = parseExam(
  readFileSync(fileURLToPath(new URL('../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url)), 'utf8'),
);
if (!parsed.ok) throw new Error('bundled exam does not parse');
const exam = parsed.exam;

describe('a scan batch with pages shuffled, one upside down, one duplicated and one blank', () => {
  it('is put back together completely, with each anomaly reported', async () => {
    const students = ['s001', 's002'];
    const sheets = students.map((student) => {
      const variant = makeVariant(exam, `sitting:${student}`, { shuffleQuestions: true, shuffleOptions: true });
      return {
        layout: layoutAnswerSheet(exam, variant, { pageSize: 'A4', studentNumberDigits: 8 }),
        content: {
          title: exam.title,
          identity: { examId: exam.id, version: 1, variant: variant.seed, studentNumber: student },
        },
      };
    });
    const printed = rasterise(await renderAnswerSheets(sheets), 150);
    expect(printed).toHaveLength(8);
    const blank = {
      width: printed[0]!.width,
      height: printed[0]!.height,
      pixels: new Uint8Array(printed[0]!.pixels.length).fill(255),
    };
    // The feeder's order: shuffled, page 3 of the first sheet upside down, page 2 of the second twice, a blank page.
    const batch = [
      printed[5]!,
      printed[0]!,
      rotateHalfTurn(printed[2]!),
      blank,
      printed[7]!,
      printed[1]!,
      printed[5]!,
      printed[4]!,
      printed[3]!,
      printed[6]!,
    ];
    const layouts = new Map(sheets.map((sheet) => [sheet.content.identity.variant, sheet.layout]));
    const context: ScanContext = { exam, layoutFor: (key) => layouts.get(key.variant) };
    const { sheets: assembled, anomalies } = assembleScan(
      batch.map((image) => readPage(image, context)),
      () => 4,
    );
    expect(assembled.map((sheet) => [sheet.identity.studentNumber, [...sheet.pages.keys()].sort()])).toEqual([
      ['s002', [1, 2, 3, 4]],
      ['s001', [1, 2, 3, 4]],
    ]);
    expect(anomalies).toEqual([
      { kind: 'upside-down', scanPage: 3, sheet: expect.stringContaining('s001') },
      { kind: 'blank', scanPage: 4 },
      { kind: 'duplicate', scanPage: 7, firstSeen: 1, sheet: expect.stringContaining('s002'), page: 2 },
    ]);
  });

  it('reports the pages a sheet is missing', () => {
    const identity = { examId: 'e', version: 1, variant: 'v', studentNumber: 's9' };
    const page = (number: number) =>
      ({
        kind: 'read',
        identity: { ...identity, page: number },
        upsideDown: false,
        pageKind: 'free-response',
        questions: [],
        crops: {},
      }) as const;
    const { anomalies } = assembleScan([page(1), page(3)], () => 3);
    expect(anomalies).toEqual([{ kind: 'missing', sheet: 'e|1|v|s9', page: 2 }]);
  });
});
