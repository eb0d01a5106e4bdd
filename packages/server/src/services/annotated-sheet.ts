import { isChoiceQuestion, listQuestions, optionLetter, score, type Exam } from '@examforge/core';
import { annotationSvg, type ReadPage } from '@examforge/omr';
import { decodeScanFile, encodeAnnotated } from '@examforge/omr/files';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { loadAnswers, toStudentResponses } from './answers.js';
import { attemptExam } from './attempt-exam.js';
import { findSittingRow } from './sittings.js';

/**
 * One page of a student's scanned sheet with what was read drawn on it, to hand back to the student: green rings on
 * fills taken as answers, red on marks that are not answers, a blue ring on the right options under the current key
 * (left out while solutions are not released to students) and each question's points as scored now (after key changes
 * and review decisions). A JPEG.
 */
export async function annotatedSheetPage(
  context: AppContext,
  sittingId: string,
  attemptId: string,
  page: number,
  options: { readonly showKey: boolean } = { showKey: true },
): Promise<Buffer> {
  const sitting = await findSittingRow(context, sittingId);
  const row = await context.db
    .selectFrom('sheet_pages')
    .innerJoin('attempts', 'attempts.id', 'sheet_pages.attempt_id')
    .innerJoin('scan_pages', (join) =>
      join
        .onRef('scan_pages.batch_id', '=', 'sheet_pages.batch_id')
        .onRef('scan_pages.scan_page', '=', 'sheet_pages.scan_page'),
    )
    .select([
      'scan_pages.result_json',
      'scan_pages.image_jpeg',
      'attempts.id',
      'attempts.variant_seed',
      'attempts.generated_json',
    ])
    .where('sheet_pages.attempt_id', '=', attemptId)
    .where('attempts.sitting_id', '=', sittingId)
    .where('sheet_pages.page', '=', page)
    .executeTakeFirst();
  if (!row?.image_jpeg) throw notFound('scanned sheet page');
  const exam = await attemptExam(context, sitting.exam_version_id, row);
  const report = score(exam, toStudentResponses(await loadAnswers(context.db, attemptId)));
  const rowNotes = Object.fromEntries(report.questions.map((q) => [q.questionId, signed(q.points.toString())]));
  // Written by the scan job from the reader's own result.
  const reading = { ...(JSON.parse(row.result_json) as object), crops: {} } as ReadPage;
  const decoded = decodeScanFile({ name: 'page.jpg', data: new Uint8Array(row.image_jpeg) });
  const first = await decoded.next();
  await decoded.return(undefined);
  if (first.done) throw notFound('scanned sheet page');
  const image = first.value;
  const key = options.showKey ? { key: keyOf(exam) } : {};
  const svg = annotationSvg(reading, { width: image.width, height: image.height }, { ...key, rowNotes });
  return encodeAnnotated(image, svg);
}

const signed = (points: string) =>
  points.startsWith('-') ? `−${points.slice(1)}` : points === '0' ? '0' : `+${points}`;

function keyOf(exam: Exam): Record<string, string[]> {
  return Object.fromEntries(
    listQuestions(exam).flatMap(({ question }) =>
      isChoiceQuestion(question)
        ? [[question.id, question.options.flatMap((option, index) => (option.correct ? [optionLetter(index)] : []))]]
        : [],
    ),
  );
}

/** The pages of each attempt's scanned sheet, for the results table. */
export async function sheetPagesByAttempt(context: AppContext, sittingId: string): Promise<Map<string, number[]>> {
  const rows = await context.db
    .selectFrom('sheet_pages')
    .innerJoin('attempts', 'attempts.id', 'sheet_pages.attempt_id')
    .select(['sheet_pages.attempt_id', 'sheet_pages.page'])
    .where('attempts.sitting_id', '=', sittingId)
    .orderBy('sheet_pages.page')
    .execute();
  const pages = new Map<string, number[]>();
  for (const row of rows) pages.set(row.attempt_id, [...(pages.get(row.attempt_id) ?? []), row.page]);
  return pages;
}
