import { makeVariant, studentView, type Exam, type StudentExamView } from '@examforge/core';
import type { AttemptsTable, SittingsTable } from '../db/schema.js';
import { sittingShuffle } from './sittings.js';

/**
 * Views kept (each about 10 KB: the stems are shared with the exam, only the order and the small objects are the
 * view's own): the most recent few thousand students, those who reload or reconnect.
 */
const CACHED_VIEWS = 4_000;
const views = new Map<string, StudentExamView>();

/**
 * The exam as one student sees it (their variant's order, no keys), built once per exam version, variant seed and
 * shuffle settings and then reused: a reload or a reconnect during exam day's join ramp costs no rebuilding. An
 * attempt with computed questions has its own instances, so its view is built each time (it is not shared).
 */
export function attemptView(
  exam: Exam,
  sitting: Pick<SittingsTable, 'exam_version_id' | 'shuffle_questions' | 'shuffle_options'>,
  attempt: Pick<AttemptsTable, 'variant_seed' | 'generated_json'>,
): StudentExamView {
  const shuffle = sittingShuffle(sitting);
  const build = () => studentView(exam, makeVariant(exam, attempt.variant_seed, shuffle));
  if (attempt.generated_json !== null) return build();
  const key = `${sitting.exam_version_id}|${attempt.variant_seed}|${shuffle.shuffleQuestions}|${shuffle.shuffleOptions}`;
  const cached = views.get(key);
  if (cached) return cached;
  const view = build();
  // Oldest first out: a Map iterates in insertion order.
  if (views.size >= CACHED_VIEWS) views.delete(views.keys().next().value as string);
  views.set(key, view);
  return view;
}
