import { ungradedPhrase, type UngradedQuestion } from '../lib/format/ungraded-by-question.js';

/** How much grading is left before the totals are final: ungraded written answers per question. */
export function GradingLeft({ ungraded }: { readonly ungraded: readonly UngradedQuestion[] }) {
  if (ungraded.length === 0)
    return (
      <p className="muted" data-testid="grading-left">
        Every written answer is graded.
      </p>
    );
  const total = ungraded.reduce((sum, question) => sum + question.ungraded, 0);
  return (
    <div className="notice notice-warning" data-testid="grading-left">
      <p className="notice-title">Grading left: {ungradedPhrase(total)}</p>
      <ul>
        {ungraded.map((question) => (
          <li key={question.questionId} data-testid={`grading-left-${question.questionId}`}>
            {question.label} <span className="muted">({question.questionId})</span>: {ungradedPhrase(question.ungraded)}
          </li>
        ))}
      </ul>
      <p className="small">
        Their totals leave these answers out until they are graded; they show as “ungraded”, not 0.
      </p>
    </div>
  );
}
