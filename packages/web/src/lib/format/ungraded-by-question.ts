import type { ResultRow } from '@examforge/server/api';

/** A written question with answers no grader has graded yet, labelled as the results table labels its column. */
export interface UngradedQuestion {
  readonly questionId: string;
  readonly label: string;
  readonly ungraded: number;
}

/**
 * How much grading is left, per question in column order, counted from the results rows (the answers students would
 * see as ungraded), which is what the server counts before it lets results be released.
 *
 * @example
 * ungradedByQuestion(rows, [{ questionId: 'wasserstein-vs-js', label: 'Q27' }]); // [{ …, ungraded: 12 }]
 */
export function ungradedByQuestion(
  rows: readonly Pick<ResultRow, 'ungraded'>[],
  columns: readonly { readonly questionId: string; readonly label: string }[],
): UngradedQuestion[] {
  const counts = new Map<string, number>();
  for (const row of rows)
    for (const questionId of row.ungraded) counts.set(questionId, (counts.get(questionId) ?? 0) + 1);
  const known = new Set(columns.map((column) => column.questionId));
  const unknown = [...counts.keys()].filter((questionId) => !known.has(questionId));
  return [...columns, ...unknown.map((questionId) => ({ questionId, label: questionId }))].flatMap((column) => {
    const ungraded = counts.get(column.questionId) ?? 0;
    return ungraded > 0 ? [{ questionId: column.questionId, label: column.label, ungraded }] : [];
  });
}

/** "12 ungraded answers" / "1 ungraded answer". */
export function ungradedPhrase(count: number): string {
  return `${count} ungraded answer${count === 1 ? '' : 's'}`;
}
