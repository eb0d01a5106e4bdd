import type { ReviewBubble, ReviewDecision } from '@examforge/server/api';

/** What a key press on the review page does. */
export type ReviewKeyAction =
  | { readonly kind: 'decide'; readonly decision: ReviewDecision }
  /** On a multiple-answer question, a letter adds or removes an option; Enter then records the choice. */
  | { readonly kind: 'toggle'; readonly option: string }
  | { readonly kind: 'move'; readonly by: 1 | -1 }
  | { readonly kind: 'none' };

export interface ReviewKeyContext {
  readonly bubbles: readonly ReviewBubble[];
  readonly questionKind: 'single' | 'multiple';
  /** Options chosen so far on a multiple-answer question (canonical letters). */
  readonly pending: readonly string[];
}

/**
 * The review page's keys: Enter accepts the reading (or records the options chosen with letters), a letter printed on
 * the student's sheet chooses that option, 0 or Backspace records a blank, arrows and j/k move between items. Letters
 * are the printed labels, so the reviewer types what they see in the crop; the decision names canonical options.
 */
export function reviewKeyAction(key: string, context: ReviewKeyContext): ReviewKeyAction {
  if (key === 'Enter') {
    return context.pending.length > 0
      ? { kind: 'decide', decision: { kind: 'choice', selected: [...context.pending].sort() } }
      : { kind: 'decide', decision: { kind: 'accept' } };
  }
  if (key === '0' || key === 'Backspace') return { kind: 'decide', decision: { kind: 'blank' } };
  if (key === 'ArrowDown' || key === 'ArrowRight' || key === 'j') return { kind: 'move', by: 1 };
  if (key === 'ArrowUp' || key === 'ArrowLeft' || key === 'k') return { kind: 'move', by: -1 };
  const bubble =
    key.length === 1 ? context.bubbles.find((b) => b.label.toLowerCase() === key.toLowerCase()) : undefined;
  if (!bubble) return { kind: 'none' };
  return context.questionKind === 'multiple'
    ? { kind: 'toggle', option: bubble.option }
    : { kind: 'decide', decision: { kind: 'choice', selected: [bubble.option] } };
}
