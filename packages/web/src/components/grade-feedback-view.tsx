import type { StudentResults } from '@examforge/server/api';
import { InlineMarkdown } from './markdown-view.js';

type GradeFeedback = NonNullable<StudentResults['questions'][number]['grade']>;

/** A written answer's grade as its student reads it: the rubric items applied with their points, the adjustment, the comment. */
export function GradeFeedbackView({
  grade,
  questionId,
}: {
  readonly grade: GradeFeedback;
  readonly questionId: string;
}) {
  return (
    <section className="result-extra grade-feedback" data-testid={`feedback-${questionId}`}>
      <h3>Grader&apos;s marking</h3>
      {grade.items.length === 0 ? (
        <p>No rubric item applied.</p>
      ) : (
        <ul className="grade-feedback-items">
          {grade.items.map((item) => (
            <li key={item.id} data-testid={`feedback-item-${item.id}`}>
              <span className="points">{item.points.startsWith('-') ? item.points : `+${item.points}`}</span>{' '}
              <InlineMarkdown source={item.text} />
            </li>
          ))}
        </ul>
      )}
      {grade.adjustment !== undefined && (
        <p data-testid="feedback-adjustment">
          Adjustment: {grade.adjustment}
          {grade.adjustmentReason !== undefined && ` (${grade.adjustmentReason})`}
        </p>
      )}
      {grade.comment !== undefined && (
        <p data-testid="feedback-comment">
          Comment: <q>{grade.comment}</q>
        </p>
      )}
    </section>
  );
}
