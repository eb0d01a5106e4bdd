import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { ExamIntro } from '../components/exam-intro.js';
import { usePageTitle } from '../components/use-page-title.js';
import { ExamHeader } from './exam-header.js';
import { useExamSessionContext } from './exam-session-context.js';
import { QuestionList } from './question-list.js';
import { jumpToQuestion, QuestionNav } from './question-nav.js';

/** `/exam` during an attempt: header with timer and save status, the question panel, and the questions. */
export function ExamPage() {
  const { view, book, status, timing, setAnswer, toggleFlag, refusals } = useExamSessionContext();
  usePageTitle(view.title);
  useFocusFromReview();
  return (
    <div className="exam-shell" data-testid="exam-page">
      <a className="skip-link" href="#exam-main">
        Skip to the questions
      </a>
      <ExamHeader title={view.title} timing={timing} status={status}>
        <Link to="/exam/review" className="button button-primary" data-testid="submit">
          Review and submit
        </Link>
      </ExamHeader>
      <div className="exam-layout">
        <QuestionNav view={view} book={book} onJump={jumpToQuestion} />
        <main id="exam-main" className="exam-main" tabIndex={-1}>
          <ExamIntro view={view} />
          <QuestionList view={view} book={book} refusals={refusals} onAnswer={setAnswer} onToggleFlag={toggleFlag} />
          <div className="exam-end">
            <Link to="/exam/review" className="button button-primary">
              Review and submit
            </Link>
          </div>
        </main>
      </div>
    </div>
  );
}

/** Coming back from the review page with a question picked: go to it. */
function useFocusFromReview(): void {
  const location = useLocation();
  const state: unknown = location.state;
  const focus = typeof state === 'object' && state !== null && 'focus' in state ? state.focus : undefined;
  useEffect(() => {
    if (typeof focus === 'string') jumpToQuestion(focus);
  }, [focus]);
}
