import type { AnswerForGrading } from '@examforge/server/api';
import { Markdown } from '../components/markdown-view.js';

/** The question as asked and its model solution, beside the answer. */
export function QuestionPanel({ question }: { readonly question: AnswerForGrading['question'] }) {
  return (
    // Focusable: wide display math scrolls sideways, and a keyboard user must be able to scroll it.
    <section
      className="grading-question"
      tabIndex={0}
      aria-labelledby="grading-question-title"
      data-testid="grading-question"
    >
      <h3 id="grading-question-title">
        Question {question.number} ({question.marks} marks)
      </h3>
      <Markdown source={question.stem} className="question-stem" />
      {question.solution !== undefined && (
        <details className="grading-solution" open>
          <summary>Model solution</summary>
          <Markdown source={question.solution} />
        </details>
      )}
    </section>
  );
}
