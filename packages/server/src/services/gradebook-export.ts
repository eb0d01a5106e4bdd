import { findQuestion, marksOf, type Exam } from '@examforge/core';
import type { GradebookQuestion, GradebookStudent } from '@examforge/interop';
import type { GradebookExport, GradebookExportRequest, ResultRow } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { loadInterop } from '../heavy-packages.js';
import { recordEvent } from './audit.js';
import { guardTextCell } from './csv-text-cell.js';
import { loadExamVersion } from './exams.js';
import { sittingResults } from './results.js';
import { findSittingRow } from './sittings.js';

/**
 * A sitting's results as an LMS gradebook file, with who could not be matched and whose total is not final, so the
 * instructor sees before importing what the LMS will not get. Audited like the results CSV: the file holds marks.
 */
export async function exportSittingGradebook(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  request: GradebookExportRequest,
): Promise<GradebookExport> {
  const sitting = await findSittingRow(context, sittingId);
  const exam = await loadExamVersion(context, sitting.exam_version_id);
  const results = await sittingResults(context, sittingId);
  const emails = await rosterEmails(context, sittingId);
  const students = results.map((row) => gradebookStudent(row, exam, emails.get(row.rosterId) ?? ''));
  const { exportGradebook, LmsRosterError } = await loadInterop();
  let out;
  try {
    out = exportGradebook(students, {
      target: request.target,
      match: request.match,
      itemName: sitting.title,
      maximum: results.find((row) => row.maximum !== undefined)?.maximum ?? '',
      baseName: fileBaseName(sitting.title),
      ...(request.lmsCsv !== undefined && { lmsCsv: request.lmsCsv }),
    });
  } catch (error) {
    if (error instanceof LmsRosterError) throw new HttpError(422, 'lms-file-unreadable', error.message);
    throw error;
  }
  await recordEvent(
    context.db,
    context.clock.now(),
    { kind: 'user', id: user.id },
    'results.exported',
    `sitting:${sittingId}`,
    {
      students: out.written,
      gradebook: request.target,
    },
  );
  return {
    ...out,
    notInLms: [...out.notInLms],
    notInSitting: [...out.notInSitting],
    notFinal: [...out.notFinal],
    noResult: [...out.noResult],
    negative: [...out.negative],
  };
}

async function rosterEmails(context: AppContext, sittingId: string): Promise<Map<string, string>> {
  const rows = await context.db
    .selectFrom('roster')
    .select(['id', 'email'])
    .where('sitting_id', '=', sittingId)
    .execute();
  return new Map(rows.map((row) => [row.id, row.email]));
}

function gradebookStudent(row: ResultRow, exam: Exam, email: string): GradebookStudent {
  const questions = Object.entries(row.questions).map(([questionId, cell]): GradebookQuestion => {
    const placed = findQuestion(exam, questionId);
    const maximum = placed ? marksOf(placed.question, placed.section).toString() : '';
    if (row.notRead.includes(questionId)) return { questionId, points: '', maximum, status: 'not-read' };
    if (row.ungraded.includes(questionId)) return { questionId, points: '', maximum, status: 'ungraded' };
    return { questionId, points: cell, maximum, status: cell === '' ? 'not-scored' : 'scored' };
  });
  const notFinal = row.notRead.length > 0 ? 'not-read' : row.ungraded.length > 0 ? 'ungraded' : undefined;
  return {
    studentNumber: row.studentNumber,
    name: guardTextCell(row.name),
    email,
    questions,
    ...(row.total !== undefined && { total: row.total }),
    ...(row.maximum !== undefined && { maximum: row.maximum }),
    ...(notFinal && { notFinal }),
  };
}

/** A file name from the sitting's title: letters, digits and dashes. */
function fileBaseName(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'results'
  );
}
