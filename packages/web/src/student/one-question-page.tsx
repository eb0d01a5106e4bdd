import { Link } from 'react-router';
import { ExamIntro } from '../components/exam-intro.js';
import { entryOf } from '../lib/answers/answer-book.js';
import { useExamSessionContext } from './exam-session-context.js';
import { QuestionCard } from './question-card.js';
import type { CurrentQuestion } from './use-current-question.js';

/** One-question mode: the current question under its section's title, with Previous and Next below it. */
export function OneQuestionPage({ current }: { readonly current: CurrentQuestion }) {
  const { view, book, refusals, setAnswer, toggleFlag } = useExamSessionContext();
  const { page } = current;
  if (!page) return <ExamIntro view={view} />;
  const { question, section } = page;
  return (
    <>
      {page.index === 0 ? <ExamIntro view={view} /> : <h1 className="exam-title">{view.title}</h1>}
      <section className="exam-section" aria-labelledby={`section-${section.id}`}>
        <h2 id={`section-${section.id}`} className="section-title">
          {section.title}
        </h2>
        <QuestionCard
          key={question.id}
          question={question}
          entry={entryOf(book, question.id)}
          refusal={refusals.get(question.id)}
          onAnswer={setAnswer}
          onToggleFlag={toggleFlag}
        />
      </section>
      <nav className="question-pager" aria-label="Previous and next question">
        {page.previousId !== undefined && (
          <button
            type="button"
            className="button"
            onClick={() => page.previousId !== undefined && current.goTo(page.previousId)}
            data-testid="previous-question"
          >
            <span aria-hidden="true">← </span>Previous
          </button>
        )}
        <p className="question-position" data-testid="question-position">
          Question {question.number} of {page.count}
        </p>
        {page.nextId !== undefined ? (
          <button
            type="button"
            className="button button-primary"
            onClick={() => page.nextId !== undefined && current.goTo(page.nextId)}
            data-testid="next-question"
          >
            Next<span aria-hidden="true"> →</span>
          </button>
        ) : (
          <Link to="/exam/review" className="button button-primary" data-testid="last-question-review">
            Review and submit
          </Link>
        )}
      </nav>
    </>
  );
}
