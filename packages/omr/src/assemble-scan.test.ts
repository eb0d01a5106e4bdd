import {
  isChoiceQuestion,
  layoutAnswerSheet,
  listQuestions,
  makeVariant,
  type Response,
  type SheetLayout,
} from '@examforge/core';
import { renderAnswerSheets } from '@examforge/paper';
import { describe, expect, it } from 'vitest';
import { rasterise } from '../../paper/src/test-support/rasterise.js';
import { assembleScan } from './assemble-scan.js';
import { rotateHalfTurn } from './page-identity.js';
import { describeAnomaly } from './describe-anomaly.js';
import { readPage, type QuestionReading, type ReadPage, type ScanContext } from './read-page.js';
import { textLines } from './test-support/text-lines.js';
import { bundledExam } from './test-support/bundled-exam.js';

const exam = bundledExam;

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
      context.layoutFor,
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
    const { anomalies } = assembleScan([freePage(1), freePage(3)], () => threePages);
    expect(anomalies).toEqual([{ kind: 'missing', sheet: 'e|1|v|s9', page: 2, questions: [] }]);
  });
});

describe('a sheet page that was not read', () => {
  it('makes the choice questions on it missing, never blank, and leaves the other pages read', () => {
    const page3 = { ...freePage(3), pageKind: 'choices' as const, questions: [reading('q3', { kind: 'blank' })] };
    const { sheets, anomalies } = assembleScan([freePage(2), page3], () => threePages);
    expect(sheets[0]?.answers).toEqual({ q1: { kind: 'missing' }, q2: { kind: 'missing' }, q3: { kind: 'blank' } });
    expect(anomalies).toEqual([{ kind: 'missing', sheet: 'e|1|v|s9', page: 1, questions: ['q1', 'q2'] }]);
    expect(describeAnomaly(anomalies[0]!)).toBe(
      'page 1 of s9 is missing from the scan; its 2 choice questions are recorded as not read (missing), not blank, until the page is scanned',
    );
  });

  it('puts a page that could not be read on the review list, and its sheet’s questions are missing', async () => {
    const variant = makeVariant(exam, 'sitting:s003', { shuffleQuestions: true, shuffleOptions: true });
    const layout = layoutAnswerSheet(exam, variant, { pageSize: 'A4', studentNumberDigits: 8 });
    const identity = { examId: exam.id, version: 1, variant: variant.seed, studentNumber: 's003' };
    const printed = rasterise(await renderAnswerSheets([{ layout, content: { title: exam.title, identity } }]), 150);
    // Page 1 comes back as a page of something else: lines of text, no corner discs, no code.
    const notASheet = { ...printed[0]!, pixels: textLines(printed[0]!.width, printed[0]!.height) };
    const context: ScanContext = { exam, layoutFor: () => layout };
    const pages = [notASheet, printed[1]!, printed[2]!, printed[3]!].map((image) => readPage(image, context));
    expect(pages.map((page) => page.kind)).toEqual(['unknown', 'read', 'read', 'read']);
    const { sheets, anomalies, unreadPages } = assembleScan(pages, context.layoutFor);

    expect(unreadPages).toEqual([{ scanPage: 1, reason: 'no-corner-marks' }]);
    expect(describeAnomaly({ kind: 'unknown', ...unreadPages[0]! })).toBe(
      "scan page 1 could not be read (no corner marks: not an answer sheet page, or badly damaged): look at it; if it is a student's page, scan it again",
    );
    const choiceIds = listQuestions(exam)
      .filter(({ question }) => isChoiceQuestion(question))
      .map(({ question }) => question.id);
    const answers = sheets[0]?.answers ?? {};
    expect(Object.keys(answers).sort()).toEqual([...choiceIds].sort());
    expect(Object.values(answers).every((answer) => answer.kind === 'missing')).toBe(true);
    expect(anomalies.map((anomaly) => anomaly.kind)).toEqual(['unknown', 'missing']);
    expect(anomalies[1]).toMatchObject({ page: 1, questions: expect.arrayContaining(choiceIds) });
  });
});

const identity = { examId: 'e', version: 1, variant: 'v', studentNumber: 's9' };

/** A read page of sheet e|1|v|s9 with nothing on it. */
function freePage(number: number): ReadPage {
  return {
    kind: 'read',
    identity: { ...identity, page: number },
    upsideDown: false,
    pageKind: 'free-response',
    questions: [],
    crops: {},
  };
}

function reading(questionId: string, response: Response): QuestionReading {
  return {
    questionId,
    printedNumber: '',
    bubbles: [],
    response,
    review: [],
    area: { x: 0, y: 0, width: 1, height: 1 },
  };
}

/** A three-page sheet: questions q1 and q2 on page 1, q3 on page 3, page 2 free-response. */
const threePages: SheetLayout = {
  pageSize: 'A4',
  width: 595.28,
  height: 841.89,
  pages: [['q1', 'q2'], [], ['q3']].map((questions, index) => ({
    number: index + 1,
    kind: questions.length > 0 ? 'choices' : 'free-response',
    cornerMarks: [],
    qr: { x: 0, y: 0, width: 0, height: 0 },
    bubbles: questions.flatMap((questionId, row) =>
      ['a', 'b'].map((option, column) => ({ questionId, option, label: option, x: column, y: row, r: 6 })),
    ),
    digitBubbles: [],
    rowLabels: [],
    boxes: [],
    fields: [],
  })),
};
