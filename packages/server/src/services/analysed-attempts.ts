import type { Exam, ScoredStudent } from '@examforge/core';
import type { AnalysisScope } from '../api/index.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { attemptStatus } from './attempts.js';
import { loadExamVersion } from './exams.js';
import { scoreSitting, type ScoredRosterRow } from './sitting-scores.js';

/** What an item analysis is computed from: the finished attempts of its scope, scored as results are. */
export interface AnalysedAttempts {
  readonly scope: AnalysisScope;
  readonly exam: Exam;
  readonly finished: readonly ScoredStudent[];
  /** Attempts still open: an open attempt would count half-written answers as wrong, so it waits until it closes. */
  readonly open: number;
}

/** One sitting's finished attempts (submitted, expired, paper). */
export async function sittingAttempts(context: AppContext, sittingId: string): Promise<AnalysedAttempts> {
  const { sitting, exam, rows } = await scoreSitting(context, sittingId);
  const version = await context.db
    .selectFrom('exam_versions')
    .select('version')
    .where('id', '=', sitting.exam_version_id)
    .executeTakeFirstOrThrow();
  return {
    scope: {
      kind: 'sitting',
      examId: sitting.exam_id,
      version: version.version,
      sittings: [{ id: sitting.id, title: sitting.title }],
    },
    exam,
    ...splitFinished(context, rows),
  };
}

/**
 * The finished attempts of every sitting scored against one version of an exam, together: the class of several
 * sittings of the same paper. A sitting whose key changed moved to a newer version and is analysed there.
 */
export async function versionAttempts(context: AppContext, examId: string, version: number): Promise<AnalysedAttempts> {
  const row = await context.db
    .selectFrom('exam_versions')
    .select('id')
    .where('exam_id', '=', examId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw notFound('exam version');
  const exam = await loadExamVersion(context, row.id);
  const sittings = await context.db
    .selectFrom('sittings')
    .select(['id', 'title'])
    .where('exam_version_id', '=', row.id)
    .orderBy('opens_at')
    .orderBy('id')
    .execute();
  const included: { id: string; title: string }[] = [];
  const rows: ScoredRosterRow[] = [];
  // One sitting at a time: scoring a sitting already runs its students concurrently.
  for (const { id } of sittings) {
    const scored = await scoreSitting(context, id);
    // A key change between the two reads moved the sitting to another version: its scores are not this version's.
    if (scored.sitting.exam_version_id !== row.id) continue;
    included.push({ id, title: scored.sitting.title });
    rows.push(...scored.rows);
  }
  return { scope: { kind: 'version', examId, version, sittings: included }, exam, ...splitFinished(context, rows) };
}

function splitFinished(
  context: AppContext,
  rows: readonly ScoredRosterRow[],
): Pick<AnalysedAttempts, 'finished' | 'open'> {
  const now = context.clock.now();
  const started = rows.flatMap((row) => (row.scored ? [row.scored] : []));
  const finished = started.filter((scored) => attemptStatus(scored.attempt, now) !== 'open');
  return { finished, open: started.length - finished.length };
}
