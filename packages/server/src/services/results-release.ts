import { isReleased, listQuestions } from '@examforge/core';
import type { Sitting } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { conflict, HttpError } from '../errors.js';
import { recordEvent } from './audit.js';
import { loadExamVersion } from './exams.js';
import { sittingResults } from './results.js';
import { findSittingRow, getSitting } from './sittings.js';

/** Written answers still ungraded, per question in exam order (questions with none left out). */
export interface UngradedCount {
  readonly questionId: string;
  readonly number: number;
  readonly ungraded: number;
}

/**
 * Releases the sitting's results to its students now. Students see an ungraded written answer as `ungraded`, so
 * releasing while some are left must be confirmed (`confirmUngraded`): otherwise 409 `ungraded-answers`, with the
 * counts per question in the message and in `details.ungraded`. Results already released stay as they are.
 *
 * @example
 * await releaseResults(context, user, sittingId, { confirmUngraded: false }); // 409 while answers are ungraded
 */
export async function releaseResults(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  options: { readonly confirmUngraded: boolean },
): Promise<Sitting> {
  const sitting = await findSittingRow(context, sittingId);
  const now = context.clock.now();
  if (isReleased(sitting.release_results, now, new Date(sitting.closes_at))) return getSitting(context, sittingId);
  const ungraded = await countUngraded(context, sittingId);
  if (ungraded.length > 0 && !options.confirmUngraded) throw ungradedAnswers(ungraded);
  await context.db.transaction().execute(async (trx) => {
    await trx.updateTable('sittings').set({ release_results: 'immediately' }).where('id', '=', sittingId).execute();
    await recordEvent(trx, now, { kind: 'user', id: user.id }, 'results.released', `sitting:${sittingId}`, {
      previously: sitting.release_results,
      ungraded,
    });
  });
  return getSitting(context, sittingId);
}

/**
 * Releases the sitting's solutions (keys, explanations, model solutions) now, with a `solutions.released` event.
 * Results come first: while they are not released this is refused (409 `results-not-released`). A student whose own
 * attempt still takes answers, or whose results are held, sees nothing either way (decision 0013).
 *
 * @example
 * await releaseSolutions(context, user, sittingId); // after releaseResults
 */
export async function releaseSolutions(context: AppContext, user: UserRow, sittingId: string): Promise<Sitting> {
  const sitting = await findSittingRow(context, sittingId);
  const now = context.clock.now();
  const closesAt = new Date(sitting.closes_at);
  if (!isReleased(sitting.release_results, now, closesAt))
    throw conflict('results-not-released', 'results are not released yet: release the results before the solutions');
  if (isReleased(sitting.release_solutions, now, closesAt)) return getSitting(context, sittingId);
  await context.db.transaction().execute(async (trx) => {
    await trx.updateTable('sittings').set({ release_solutions: 'immediately' }).where('id', '=', sittingId).execute();
    await recordEvent(trx, now, { kind: 'user', id: user.id }, 'solutions.released', `sitting:${sittingId}`, {
      previously: sitting.release_solutions,
    });
  });
  return getSitting(context, sittingId);
}

/** Counted from the results students would see, so paper and online answers alike. */
export async function countUngraded(context: AppContext, sittingId: string): Promise<UngradedCount[]> {
  const sitting = await findSittingRow(context, sittingId);
  const exam = await loadExamVersion(context, sitting.exam_version_id);
  const counts = new Map<string, number>();
  for (const row of await sittingResults(context, sittingId))
    for (const questionId of row.ungraded) counts.set(questionId, (counts.get(questionId) ?? 0) + 1);
  return listQuestions(exam).flatMap(({ question, number }) => {
    const ungraded = counts.get(question.id) ?? 0;
    return ungraded > 0 ? [{ questionId: question.id, number, ungraded }] : [];
  });
}

function ungradedAnswers(ungraded: readonly UngradedCount[]): HttpError {
  const total = ungraded.reduce((sum, entry) => sum + entry.ungraded, 0);
  const perQuestion = ungraded.map((entry) => `question ${entry.number} \`${entry.questionId}\`: ${entry.ungraded}`);
  return new HttpError(
    409,
    'ungraded-answers',
    `${total} written answer${total === 1 ? ' is' : 's are'} still ungraded (${perQuestion.join(', ')}); ` +
      'their students would see them as ungraded. Send `confirmUngraded: true` to release anyway',
    { ungraded },
  );
}
