import { stringify } from 'csv-stringify/sync';
import type { AppContext } from '../context.js';
import type { SittingsTable } from '../db/schema.js';
import { guardTextCell } from './csv-text-cell.js';
import type { ArchiveEntry } from './archive-writer.js';
import { loadExamVersion } from './exams.js';
import { responsesCsv } from './responses-csv.js';
import { sittingResults } from './results.js';
import { presentResultsCsv } from './results-csv.js';

/**
 * One sitting's files in the exam archive, under `sittings/<id>/`: the roster (without access codes: the archive
 * leaves the server, and a code still signs its student in), every response with names and grades as
 * `responses.csv` gives them, the results, every grade as stored (who graded, when, which version), and every
 * regrade request with its decision.
 *
 * @example
 * for (const entry of await sittingArchiveFiles(context, sitting)) await writer.write(entry);
 */
export async function sittingArchiveFiles(context: AppContext, sitting: SittingsTable): Promise<ArchiveEntry[]> {
  const folder = `sittings/${sitting.id}`;
  const [roster, grades, regrades, results, exam] = await Promise.all([
    context.db
      .selectFrom('roster')
      .select(['student_number', 'name', 'email', 'time_multiplier'])
      .where('sitting_id', '=', sitting.id)
      .orderBy('student_number')
      .execute(),
    sittingGrades(context, sitting.id),
    sittingRegradeRequests(context, sitting.id),
    sittingResults(context, sitting.id),
    loadExamVersion(context, sitting.exam_version_id),
  ]);
  return [
    {
      path: `${folder}/roster.csv`,
      description: `“${sitting.title}”: the roster (student number, name, email, time multiplier; no access codes)`,
      text: stringify([
        ['student', 'name', 'email', 'time multiplier'],
        ...roster.map((row) => [
          guardTextCell(row.student_number),
          guardTextCell(row.name),
          guardTextCell(row.email),
          String(row.time_multiplier),
        ]),
      ]),
      rows: roster.length,
    },
    {
      path: `${folder}/responses.csv`,
      description: `“${sitting.title}”: every response, one row per student and question, with its points and grade`,
      text: await responsesCsv(context, sitting.id, { withNames: true }),
    },
    {
      path: `${folder}/results.csv`,
      description: `“${sitting.title}”: results, one row per student, points per question and the total`,
      text: presentResultsCsv(exam, results),
      rows: results.length,
    },
    {
      path: `${folder}/grades.csv`,
      description: `“${sitting.title}”: every grade of a written answer as stored: rubric items, adjustment, grader`,
      text: stringify([GRADES_HEADER, ...grades]),
      rows: grades.length,
    },
    {
      path: `${folder}/regrade-requests.csv`,
      description: `“${sitting.title}”: every regrade request: the student's reason, the decision, the reply, who decided`,
      text: stringify([REGRADES_HEADER, ...regrades]),
      rows: regrades.length,
    },
  ];
}

const REGRADES_HEADER = [
  'student',
  'name',
  'question',
  'reason',
  'status',
  'reply',
  'asked at',
  'decided at',
  'decided by',
  'grade version',
];

async function sittingRegradeRequests(context: AppContext, sittingId: string): Promise<string[][]> {
  const rows = await context.db
    .selectFrom('regrade_requests')
    .innerJoin('attempts', 'attempts.id', 'regrade_requests.attempt_id')
    .innerJoin('roster', 'roster.id', 'attempts.roster_id')
    .leftJoin('users', 'users.id', 'regrade_requests.decided_by')
    .select([
      'roster.student_number',
      'roster.name',
      'regrade_requests.question_id',
      'regrade_requests.reason',
      'regrade_requests.status',
      'regrade_requests.reply',
      'regrade_requests.created_at',
      'regrade_requests.decided_at',
      'users.email as decided_by',
      'regrade_requests.grade_version',
    ])
    .where('regrade_requests.sitting_id', '=', sittingId)
    .orderBy('regrade_requests.created_at')
    .execute();
  return rows.map((row) => [
    guardTextCell(row.student_number),
    guardTextCell(row.name),
    row.question_id,
    guardTextCell(row.reason),
    row.status,
    guardTextCell(row.reply ?? ''),
    row.created_at,
    row.decided_at ?? '',
    guardTextCell(row.decided_by ?? ''),
    row.grade_version === null ? '' : String(row.grade_version),
  ]);
}

const GRADES_HEADER = [
  'student',
  'name',
  'question',
  'rubric items',
  'adjustment',
  'adjustment reason',
  'comment',
  'grader',
  'grader email',
  'graded at',
  'version',
];

async function sittingGrades(context: AppContext, sittingId: string): Promise<string[][]> {
  const rows = await context.db
    .selectFrom('grades')
    .innerJoin('attempts', 'attempts.id', 'grades.attempt_id')
    .innerJoin('roster', 'roster.id', 'attempts.roster_id')
    .innerJoin('users', 'users.id', 'grades.graded_by')
    .select([
      'roster.student_number',
      'roster.name',
      'grades.question_id',
      'grades.items_json',
      'grades.adjustment',
      'grades.adjustment_reason',
      'grades.comment',
      'users.name as grader_name',
      'users.email as grader_email',
      'grades.graded_at',
      'grades.version',
    ])
    .where('attempts.sitting_id', '=', sittingId)
    .orderBy('roster.student_number')
    .orderBy('grades.question_id')
    .execute();
  return rows.map((row) => [
    guardTextCell(row.student_number),
    guardTextCell(row.name),
    row.question_id,
    itemsCell(row.items_json),
    row.adjustment ?? '',
    guardTextCell(row.adjustment_reason ?? ''),
    guardTextCell(row.comment ?? ''),
    guardTextCell(row.grader_name),
    guardTextCell(row.grader_email),
    row.graded_at,
    String(row.version),
  ]);
}

/** The applied item ids, space-separated as in `responses.csv`. */
function itemsCell(json: string): string {
  const items: unknown = JSON.parse(json);
  return Array.isArray(items) ? items.filter((item) => typeof item === 'string').join(' ') : '';
}

/** `sittings.json`: each sitting's window, settings, and the exam version it is scored against now. */
export function sittingsArchiveEntry(
  sittings: readonly SittingsTable[],
  versions: ReadonlyMap<string, number>,
): ArchiveEntry {
  const presented = sittings.map((sitting) => ({
    id: sitting.id,
    title: sitting.title,
    examVersion: versions.get(sitting.exam_version_id) ?? null,
    opensAt: sitting.opens_at,
    closesAt: sitting.closes_at,
    durationMinutes: sitting.duration_minutes,
    graceSeconds: sitting.grace_seconds,
    shuffleQuestions: sitting.shuffle_questions === 1,
    shuffleOptions: sitting.shuffle_options === 1,
    oneQuestionPerPage: sitting.one_question_per_page === 1,
    releaseResults: sitting.release_results,
    releaseSolutions: sitting.release_solutions,
    namesRevealedAt: sitting.names_revealed_at ?? null,
    createdAt: sitting.created_at,
  }));
  return {
    path: 'sittings.json',
    description: 'the sittings: window, duration, settings, and the exam version each is scored against now',
    text: `${JSON.stringify(presented, null, 2)}\n`,
    rows: presented.length,
  };
}
