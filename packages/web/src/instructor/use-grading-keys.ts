import { useCallback, type KeyboardEvent, type RefObject } from 'react';
import { gradingKeyAction, type GradingKeyAction } from '../lib/grading/grading-keys.js';

/** Where typing goes into a field: keys there are the grader's text, never commands. */
function isTextEntry(target: EventTarget): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) {
    return true;
  }
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

/** Enter on a button, a link or a summary is that control's own click. */
function activatesItself(target: EventTarget): boolean {
  return target instanceof Element && target.matches('button, a[href], summary');
}

/**
 * The grading page's keyboard, as a keydown handler for its region: keys act only outside text fields, where Escape
 * returns to the region and Ctrl+Enter saves; Enter on a button stays that button's.
 */
export function useGradingKeys(
  region: RefObject<HTMLElement | null>,
  rubricSize: number,
  onAction: (action: GradingKeyAction) => void,
) {
  return useCallback(
    (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        onAction({ kind: 'save', then: 'next-ungraded' });
        return;
      }
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTextEntry(event.target)) {
        if (event.key === 'Escape') region.current?.focus();
        return;
      }
      if (event.key === 'Enter' && activatesItself(event.target)) return;
      const action = gradingKeyAction(event.key, rubricSize);
      if (action.kind === 'none') return;
      event.preventDefault();
      onAction(action);
    },
    [onAction, region, rubricSize],
  );
}
