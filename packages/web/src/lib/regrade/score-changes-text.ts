import type { KeyChangePreview } from '@examforge/server/api';

/**
 * A key change's preview in one sentence: how many students gain or lose how much, and how many stay as they were.
 *
 * @example
 * describeScoreChanges({ attempts: 3, unchanged: 1, changes: [{ change: '1', students: 2 }], … });
 * // '2 students gain 1 mark; 1 stays as before.'
 */
export function describeScoreChanges(preview: Pick<KeyChangePreview, 'attempts' | 'unchanged' | 'changes'>): string {
  if (preview.attempts === 0) return 'No student has an attempt yet: nobody’s total changes.';
  if (preview.changes.length === 0) return `Nobody’s total changes (${studentCount(preview.attempts)}).`;
  const moves = preview.changes.map(({ change, students }) => {
    const losing = change.startsWith('-');
    const amount = losing ? change.slice(1) : change;
    const verb = students === 1 ? (losing ? 'loses' : 'gains') : losing ? 'lose' : 'gain';
    return `${studentCount(students)} ${verb} ${amount} ${amount === '1' ? 'mark' : 'marks'}`;
  });
  const unchanged =
    preview.unchanged === 0 ? [] : [`${preview.unchanged} ${preview.unchanged === 1 ? 'stays' : 'stay'} as before`];
  return `${[...moves, ...unchanged].join('; ')}.`;
}

/** A signed change as people write it: `+1`, `−0.5` (a true minus sign), `0`. */
export function formatChange(change: string): string {
  if (change.startsWith('-')) return `−${change.slice(1)}`;
  return change === '0' ? '0' : `+${change}`;
}

function studentCount(count: number): string {
  return `${count} ${count === 1 ? 'student' : 'students'}`;
}
