import type { GradingProgress } from '@examforge/server/api';
import { Link } from 'react-router';
import { describeProgress } from '../lib/grading/grading-progress-text.js';

interface GradingQuestionListProps {
  readonly sittingId: string;
  readonly progress: readonly GradingProgress[];
  /** The question being graded, marked as the current page. */
  readonly current?: string;
}

/** The sitting's written questions, each with how much of it is graded and a link to grade it. */
export function GradingQuestionList({ sittingId, progress, current }: GradingQuestionListProps) {
  if (progress.length === 0) return <p>This exam has no written questions.</p>;
  return (
    <ul className="grading-questions" data-testid="grading-questions">
      {progress.map((question) => (
        <li key={question.questionId} data-testid={`grading-question-${question.questionId}`}>
          <Link
            to={`/instructor/sittings/${encodeURIComponent(sittingId)}/grading/${encodeURIComponent(question.questionId)}`}
            aria-current={question.questionId === current ? 'page' : undefined}
            data-testid={`grade-question-${question.questionId}`}
          >
            Question {question.number} <code>{question.questionId}</code>
          </Link>{' '}
          <span className="muted" data-testid={`grading-progress-${question.questionId}`}>
            {describeProgress(question)}
          </span>
        </li>
      ))}
    </ul>
  );
}
