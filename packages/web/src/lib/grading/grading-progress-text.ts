import type { GradingProgress } from '@examforge/server/api';

/** "37 of 300 graded, 4 in progress by others". */
export function describeProgress(progress: GradingProgress): string {
  const base = `${progress.graded} of ${progress.answers} graded`;
  return progress.inProgressByOthers > 0 ? `${base}, ${progress.inProgressByOthers} in progress by others` : base;
}

/** How much grading is left over every written question of a sitting. */
export function describeGradingLeft(progress: readonly GradingProgress[]): string {
  const answers = progress.reduce((sum, question) => sum + question.answers, 0);
  const ungraded = progress.reduce((sum, question) => sum + question.ungraded, 0);
  if (answers === 0) return 'no written answers to grade yet';
  return ungraded === 0
    ? `all ${answers} written answers graded`
    : `${ungraded} of ${answers} written answers to grade`;
}
