/** What a key press on the grading page does. */
export type GradingKeyAction =
  /** Apply or take off the rubric item at this position (0-based). */
  | { readonly kind: 'toggle'; readonly index: number }
  /** Save the grade; Enter then moves on to the next ungraded answer. */
  | { readonly kind: 'save'; readonly then: 'stay' | 'next-ungraded' }
  | { readonly kind: 'move'; readonly to: 'next' | 'previous' | 'next-ungraded' }
  | { readonly kind: 'focus'; readonly field: 'adjustment' | 'comment' | 'flag' }
  | { readonly kind: 'view'; readonly change: 'zoom-in' | 'zoom-out' | 'rotate' | 'whole-page' }
  | { readonly kind: 'none' };

const MOVES: Readonly<Record<string, GradingKeyAction>> = {
  n: { kind: 'move', to: 'next' },
  j: { kind: 'move', to: 'next' },
  p: { kind: 'move', to: 'previous' },
  k: { kind: 'move', to: 'previous' },
  u: { kind: 'move', to: 'next-ungraded' },
  a: { kind: 'focus', field: 'adjustment' },
  c: { kind: 'focus', field: 'comment' },
  f: { kind: 'focus', field: 'flag' },
  '+': { kind: 'view', change: 'zoom-in' },
  '=': { kind: 'view', change: 'zoom-in' },
  '-': { kind: 'view', change: 'zoom-out' },
  r: { kind: 'view', change: 'rotate' },
  w: { kind: 'view', change: 'whole-page' },
  s: { kind: 'save', then: 'stay' },
  Enter: { kind: 'save', then: 'next-ungraded' },
};

/**
 * The grading page's keys, outside text fields: 1–9 and 0 (the tenth) toggle rubric items, Enter saves and brings
 * the next ungraded answer, s saves and stays, n/j and p/k move through the queue under the filters, u jumps to the
 * next ungraded answer, a, c and f go to the adjustment, the comment and the flag's note, + − r w zoom, rotate and show the whole page.
 *
 * @example
 * gradingKeyAction('3', 5); // { kind: 'toggle', index: 2 }
 */
export function gradingKeyAction(key: string, rubricSize: number): GradingKeyAction {
  if (/^[0-9]$/.test(key)) {
    const index = key === '0' ? 9 : Number(key) - 1;
    return index < rubricSize ? { kind: 'toggle', index } : { kind: 'none' };
  }
  return MOVES[key.length === 1 ? key.toLowerCase() : key] ?? { kind: 'none' };
}
