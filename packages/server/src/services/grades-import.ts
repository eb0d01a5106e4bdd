import { findQuestion } from '@examforge/core';
import type { GradesImportReport, ImportRow } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { badRequest } from './access.js';
import { writeGrades } from './apply-grade.js';
import { recordEvent } from './audit.js';
import { readGradesCsv } from './grades-csv.js';
import { resolveImportRow, type ImportTargets, type QuestionTargets, type ResolvedRow } from './grades-import-row.js';
import { loadQueue } from './grading-queue.js';
import { getGradingScope } from './grading-scope.js';
import { loadExamVersion } from './exams.js';
import { findSittingRow } from './sittings.js';

/**
 * Imports a grades CSV (graded offline, typically an edited `responses.csv`). A dry run reports per row what would
 * change and writes nothing. A real run writes every new or changed grade in one transaction through the grading
 * routes' own path (a grade version and a `grade.applied` event each, plus one `grades.imported` event), or nothing
 * at all: any row with a problem refuses the file with 400 `grades-import-invalid` naming the row and column, and a
 * grade another grader changed meanwhile refuses it with 409 `grade-conflict`.
 *
 * @example
 * const preview = await importGrades(context, user, sittingId, csv, { dryRun: true });
 */
export async function importGrades(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  csv: string,
  options: { readonly dryRun: boolean },
): Promise<GradesImportReport> {
  const lines = readGradesCsv(csv);
  const targets = await loadImportTargets(context, sittingId, new Set(lines.map((line) => line.question)));
  const seen = new Map<string, number>();
  const resolved = lines.map((line) => {
    const key = JSON.stringify([line.student, line.question]);
    const first = seen.get(key);
    seen.set(key, first ?? line.row);
    if (first === undefined) return resolveImportRow(line, targets);
    const message = `student \`${line.student}\` and question \`${line.question}\` are graded on row ${first} already`;
    return { report: { outcome: 'error', row: line.row, problems: [{ row: line.row, column: 'student', message }] } };
  }) satisfies ResolvedRow[];
  const rows = resolved.flatMap(({ report }) => (report ? [report] : []));
  const counts = { ...countOutcomes(rows), skipped: resolved.length - rows.length };
  const report = { dryRun: options.dryRun, applied: false, counts, rows };
  if (options.dryRun) return report;
  refuseProblems(rows);
  const writes = resolved.flatMap(({ write }) => (write ? [write] : []));
  await writeGrades(context, user, writes, (trx, now) =>
    recordEvent(trx, now, { kind: 'user', id: user.id }, 'grades.imported', `sitting:${sittingId}`, report.counts),
  );
  return { ...report, applied: true };
}

/** The roster by student number and, for each question the file names, what its rows are checked against. */
async function loadImportTargets(
  context: AppContext,
  sittingId: string,
  questionIds: ReadonlySet<string>,
): Promise<ImportTargets> {
  const sitting = await findSittingRow(context, sittingId);
  const exam = await loadExamVersion(context, sitting.exam_version_id);
  const roster = await context.db
    .selectFrom('roster')
    .select(['id', 'student_number'])
    .where('sitting_id', '=', sittingId)
    .execute();
  const questions = new Map<string, QuestionTargets | 'not-written'>();
  for (const questionId of questionIds) {
    const placed = findQuestion(exam, questionId);
    if (!placed) continue;
    if (placed.question.kind !== 'free') questions.set(questionId, 'not-written');
    else questions.set(questionId, await questionTargets(context, sittingId, questionId));
  }
  return {
    students: new Map(roster.map((student) => [student.student_number, student.id])),
    question: (questionId) => questions.get(questionId),
  };
}

/** The answers a grader could grade now (the grading queue's), by roster student, and their grades. */
async function questionTargets(context: AppContext, sittingId: string, questionId: string): Promise<QuestionTargets> {
  const scope = await getGradingScope(context, sittingId, questionId);
  const queue = await loadQueue(context, scope);
  return {
    scope,
    answerOf: new Map(queue.answers.map((answer) => [answer.rosterId, answer.attemptId])),
    grades: queue.grades,
  };
}

function countOutcomes(rows: readonly ImportRow[]): Omit<GradesImportReport['counts'], 'skipped'> {
  const counts = { new: 0, changed: 0, unchanged: 0, error: 0 };
  for (const row of rows) counts[row.outcome] += 1;
  return counts;
}

/** Nothing is written from a file with a problem: the first one is named, every one is in `details.problems`. */
function refuseProblems(rows: readonly ImportRow[]): void {
  const problems = rows.flatMap((row) => (row.outcome === 'error' ? row.problems : []));
  const first = problems[0];
  if (!first) return;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : '';
  throw badRequest(
    'grades-import-invalid',
    `row ${first.row}, column "${first.column}": ${first.message}${more}; nothing was imported`,
    { problems },
  );
}
