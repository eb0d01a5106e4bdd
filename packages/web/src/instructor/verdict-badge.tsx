import type { CheckResultView } from '@examforge/server/api';
import { verdictWords } from '../lib/statistics/verdict-words.js';

/** The answer check's verdict on a question as the exam page shows it, or "no check" when it has none. */
export function VerdictBadge({ check }: { readonly check: CheckResultView | undefined }) {
  const words = verdictWords(check?.verdict);
  return (
    <span className={`status-badge status-${words.tone}`} data-testid={check && `verdict-${check.questionId}`}>
      {words.text}
    </span>
  );
}
