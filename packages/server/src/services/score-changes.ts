import type { Rational } from '@examforge/core';
import type { KeyChangePreview, ScoreChangeRow } from '../api/index.js';

/** A student's total before and after a change that was tried, not saved. */
export interface TriedTotal {
  readonly studentNumber: string;
  readonly name: string;
  readonly before: Rational;
  readonly after: Rational;
}

/**
 * Who gains or loses how much: the students whose total moves (largest gain first, then by student number), how
 * many students share each change, and how many stay as they were.
 *
 * @example
 * summarizeScoreChanges([{ studentNumber: 's1', name: 'A', before: Rational.of(1), after: Rational.ZERO }]);
 * // { unchanged: 0, changes: [{ change: '-1', students: 1 }], students: [{ …, change: '-1' }] }
 */
export function summarizeScoreChanges(
  totals: readonly TriedTotal[],
): Pick<KeyChangePreview, 'unchanged' | 'changes' | 'students'> {
  const moved = totals
    .map((total) => ({ ...total, change: total.after.minus(total.before) }))
    .filter((total) => !total.change.isZero())
    .sort((a, b) => b.change.compare(a.change) || a.studentNumber.localeCompare(b.studentNumber));
  const changes: { change: string; students: number }[] = [];
  for (const total of moved) {
    const last = changes.at(-1);
    const change = total.change.toString();
    if (last?.change === change) last.students += 1;
    else changes.push({ change, students: 1 });
  }
  return {
    unchanged: totals.length - moved.length,
    changes,
    students: moved.map((total): ScoreChangeRow => ({
      studentNumber: total.studentNumber,
      name: total.name,
      before: total.before.toString(),
      after: total.after.toString(),
      change: total.change.toString(),
    })),
  };
}
