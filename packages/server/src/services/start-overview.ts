import {
  computedTotal,
  countsTowardMaximum,
  instructionsFor,
  marksOf,
  penaltyOf,
  Rational,
  type Exam,
} from '@examforge/core';
import type { StartOverview } from '../api/index.js';

/**
 * What the start page tells a student before the clock runs: the online instructions, each section's questions,
 * marks and penalties, the total, and the time this student has with their own extra time. Nothing of a question's
 * text: the questions come with the start.
 *
 * @example
 * startOverview(exam, { durationMinutes: 120, graceSeconds: 60 }, 1.25).ownDurationSeconds; // 9000
 */
export function startOverview(
  exam: Exam,
  sitting: { readonly durationMinutes: number; readonly graceSeconds: number },
  timeMultiplier: number,
): StartOverview {
  const instructions = instructionsFor(exam.instructions, 'online');
  return {
    ...(instructions !== undefined && { instructions }),
    sections: exam.sections.map((section) => ({
      id: section.id,
      title: section.title,
      questions: section.questions.length,
      marks: distinct(section.questions.map((question) => marksOf(question, section).toString())),
      penalties: distinct(section.questions.map((question) => penaltyOf(question, section).toString())),
      total: Rational.sum(
        section.questions.filter(countsTowardMaximum).map((question) => marksOf(question, section)),
      ).toString(),
    })),
    total: computedTotal(exam).toString(),
    // As `attemptTimes` computes it (to the second here): 1.15 × 60 minutes is 69, not 68.99…
    ownDurationSeconds: Math.round(sitting.durationMinutes * 60 * timeMultiplier),
    timeMultiplier,
    graceSeconds: sitting.graceSeconds,
  };
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
