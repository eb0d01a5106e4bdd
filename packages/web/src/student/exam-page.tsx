import { Link } from 'react-router';
import { ExamIntro } from '../components/exam-intro.js';
import { usePageTitle } from '../components/use-page-title.js';
import { ExamHeader } from './exam-header.js';
import { useExamSessionContext } from './exam-session-context.js';
import { OneQuestionPage } from './one-question-page.js';
import { QuestionList } from './question-list.js';
import { jumpToQuestion, QuestionNav } from './question-nav.js';
import { useCurrentQuestion, useRequestedFocus } from './use-current-question.js';

/**
 * `/exam` during an attempt: header with timer and save status, the question panel, and the questions — all on one
 * page, or one per page (`?q=<question id>`) when the sitting says so.
 */
export function ExamPage() {
  const session = useExamSessionContext();
  const { view, book, status, timing, setAnswer, toggleFlag, refusals, oneQuestionPerPage } = session;
  usePageTitle(view.title);
  const current = useCurrentQuestion(view, oneQuestionPerPage);
  useRequestedFocus(view);
  return (
    <div className="exam-shell" data-testid="exam-page" data-mode={oneQuestionPerPage ? 'one-question' : 'all'}>
      <a className="skip-link" href="#exam-main">
        Skip to the questions
      </a>
      <ExamHeader title={view.title} timing={timing} status={status} announced={session.announcedWarning}>
        <Link to="/exam/review" className="button button-primary" data-testid="submit">
          Review and submit
        </Link>
      </ExamHeader>
      <div className="exam-layout">
        <QuestionNav
          view={view}
          book={book}
          onJump={oneQuestionPerPage ? current.goTo : jumpToQuestion}
          {...(oneQuestionPerPage && { currentId: current.id })}
        />
        <main id="exam-main" className="exam-main" tabIndex={-1}>
          {oneQuestionPerPage ? (
            <OneQuestionPage current={current} />
          ) : (
            <>
              <ExamIntro view={view} />
              <QuestionList
                view={view}
                book={book}
                refusals={refusals}
                onAnswer={setAnswer}
                onToggleFlag={toggleFlag}
              />
            </>
          )}
          {!oneQuestionPerPage && (
            <div className="exam-end">
              <Link to="/exam/review" className="button button-primary">
                Review and submit
              </Link>
            </div>
          )}
        </main>
      </div>
    </div>
  );
}
