import type { GradingProgress, PaperBoxView } from '../api/index.js';
import type { AppContext } from '../context.js';
import type { GradesTable, GradingFlagsTable } from '../db/schema.js';
import { notFound } from '../errors.js';
import { readStoredAnswer } from './answers.js';
import { liveClaims } from './grading-claims.js';
import { questionFlags } from './grading-flags.js';
import type { GradingScope } from './grading-scope.js';
import { paperAnswerCrops } from './paper-answer-crops.js';

/** One answer to grade: typed text from an online attempt, or the crop of a paper answer box. */
export interface QueueAnswer {
  readonly attemptId: string;
  readonly rosterId: string;
  readonly source: 'online' | 'paper';
  readonly answer: { readonly kind: 'text'; readonly text: string } | { readonly kind: 'crop'; readonly url: string };
  /** A paper answer's box: the reader's verdict and the whole page. */
  readonly box?: PaperBoxView;
}

/** The question's queue as it stands: answers in a fixed order (by attempt id: stable, and says nothing of who). */
export interface QueueState {
  readonly answers: readonly QueueAnswer[];
  readonly grades: ReadonlyMap<string, GradesTable>;
  readonly claims: ReadonlyMap<string, { graderId: string; expiresAt: string }>;
  readonly flags: ReadonlyMap<string, GradingFlagsTable>;
}

/**
 * Every answer to the question in the sitting that a grader can grade: typed answers of attempts that are over
 * (an open attempt's answer may still change), and paper answers whose box is written. A question left blank (a
 * blank box too) is not in the queue: it scores 0 as blank, as core decides.
 */
export async function loadQueue(context: AppContext, scope: GradingScope): Promise<QueueState> {
  const now = context.clock.now().toISOString();
  const [rows, gradeRows, claims, crops, flags] = await Promise.all([
    context.db
      .selectFrom('answers')
      .innerJoin('attempts', 'attempts.id', 'answers.attempt_id')
      .select(['attempts.id', 'attempts.roster_id', 'answers.seq'])
      .where('attempts.sitting_id', '=', scope.sitting.id)
      .where('answers.question_id', '=', scope.question.id)
      .where((eb) => eb.or([eb('attempts.closed_at', 'is not', null), eb('attempts.accepts_until', '<=', now)]))
      .execute(),
    context.db
      .selectFrom('grades')
      .innerJoin('attempts', 'attempts.id', 'grades.attempt_id')
      .selectAll('grades')
      .where('attempts.sitting_id', '=', scope.sitting.id)
      .where('grades.question_id', '=', scope.question.id)
      .execute(),
    liveClaims(context, scope),
    paperAnswerCrops(context, scope),
    questionFlags(context, scope),
  ]);
  const answers: QueueAnswer[] = [];
  const texts = await answerTexts(context, scope, rows);
  for (const row of rows) {
    const text = texts.get(row.id);
    if (text !== undefined)
      answers.push({ attemptId: row.id, rosterId: row.roster_id, source: 'online', answer: { kind: 'text', text } });
  }
  const paperRosters = await rosterOfAttempts(context, [...crops.keys()]);
  for (const [attemptId, box] of crops) {
    answers.push({
      attemptId,
      rosterId: paperRosters.get(attemptId) ?? '',
      source: 'paper',
      answer: { kind: 'crop', url: box.cropUrl },
      box,
    });
  }
  answers.sort((a, b) => (a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : 0));
  return { answers, grades: new Map(gradeRows.map((row) => [row.attempt_id, row])), claims, flags };
}

/**
 * Typed answers by attempt id (other kinds, such as blank, are left out). A stored answer never changes without a
 * new sequence number, so each is read and parsed once per (attempt, question, seq): the queue reads every answer
 * to the question on each move of each grader, and only the answers it has not seen are fetched.
 */
const textsByVersion = new Map<string, string | null>();

async function answerTexts(
  context: AppContext,
  scope: GradingScope,
  rows: readonly { id: string; seq: number }[],
): Promise<Map<string, string>> {
  const keyOf = (row: { id: string; seq: number }) => `${row.id}/${scope.question.id}/${row.seq}`;
  const unseen = rows.filter((row) => !textsByVersion.has(keyOf(row))).map((row) => row.id);
  for (let start = 0; start < unseen.length; start += 500) {
    const fetched = await context.db
      .selectFrom('answers')
      .select(['attempt_id', 'seq', 'answer_json'])
      .where('question_id', '=', scope.question.id)
      .where('attempt_id', 'in', unseen.slice(start, start + 500))
      .execute();
    if (textsByVersion.size >= 200_000) textsByVersion.clear();
    for (const row of fetched) {
      const answer = readStoredAnswer(row);
      textsByVersion.set(keyOf({ id: row.attempt_id, seq: row.seq }), answer.kind === 'text' ? answer.text : null);
    }
  }
  const texts = new Map<string, string>();
  for (const row of rows) {
    const text = textsByVersion.get(keyOf(row));
    if (typeof text === 'string') texts.set(row.id, text);
  }
  return texts;
}

async function rosterOfAttempts(context: AppContext, attemptIds: readonly string[]): Promise<Map<string, string>> {
  if (attemptIds.length === 0) return new Map();
  const rows = await context.db
    .selectFrom('attempts')
    .select(['id', 'roster_id'])
    .where('id', 'in', attemptIds)
    .execute();
  return new Map(rows.map((row) => [row.id, row.roster_id]));
}

/** "37 of 300 graded, 4 in progress by others". */
export function queueProgress(scope: GradingScope, state: QueueState, viewerId: string): GradingProgress {
  let graded = 0;
  let inProgressByOthers = 0;
  for (const { attemptId } of state.answers) {
    if (state.grades.has(attemptId)) graded += 1;
    else if ((state.claims.get(attemptId)?.graderId ?? viewerId) !== viewerId) inProgressByOthers += 1;
  }
  return {
    questionId: scope.question.id,
    number: scope.number,
    answers: state.answers.length,
    graded,
    ungraded: state.answers.length - graded,
    inProgressByOthers,
  };
}

/** Refuses a grade for anything that is not an answer in the question's queue (unknown, open, or blank). */
export async function requireGradable(
  context: AppContext,
  scope: GradingScope,
  attemptIds: readonly string[],
): Promise<void> {
  const now = context.clock.now().toISOString();
  const crops = await paperAnswerCrops(context, scope);
  const known = new Set<string>();
  for (let start = 0; start < attemptIds.length; start += 500) {
    const rows = await context.db
      .selectFrom('answers')
      .innerJoin('attempts', 'attempts.id', 'answers.attempt_id')
      .select(['attempts.id', 'answers.answer_json'])
      .where('attempts.id', 'in', attemptIds.slice(start, start + 500))
      .where('attempts.sitting_id', '=', scope.sitting.id)
      .where('answers.question_id', '=', scope.question.id)
      .where((eb) => eb.or([eb('attempts.closed_at', 'is not', null), eb('attempts.accepts_until', '<=', now)]))
      .execute();
    for (const row of rows) if (readStoredAnswer(row).kind === 'text') known.add(row.id);
  }
  const missing = attemptIds.find((id) => !known.has(id) && !crops.has(id));
  if (missing !== undefined) throw notFound(`answer to grade (${missing})`);
}
