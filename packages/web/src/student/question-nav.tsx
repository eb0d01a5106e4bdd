import type { StudentExamView, StudentQuestionView } from '@examforge/core';
import { entryOf, isAnswered, type AnswerBook } from '../lib/answers/answer-book.js';
import { questionsOf } from '../lib/exam-view/read-exam-view.js';

interface QuestionNavProps {
  readonly view: StudentExamView;
  readonly book: AnswerBook;
  readonly onJump: (questionId: string) => void;
  /** One-question mode: the question on the page, marked as current. */
  readonly currentId?: string;
}

/** Every question number, showing which are answered and which are flagged; a click jumps to the question. */
export function QuestionNav({ view, book, onJump, currentId }: QuestionNavProps) {
  const questions = questionsOf(view);
  const answered = questions.filter((question) => isAnswered(entryOf(book, question.id).answer)).length;
  return (
    <nav className="question-nav" aria-labelledby="question-nav-title" data-testid="questions-nav">
      <h2 id="question-nav-title" className="nav-title">
        Questions
      </h2>
      <p className="nav-summary" data-testid="answered-count">
        {answered} of {questions.length} answered
      </p>
      {view.sections.map((section) => (
        <div key={section.id} className="nav-section">
          <h3 className="nav-section-title">{section.title}</h3>
          <ol className="nav-grid">
            {section.questions.map((question) => (
              <li key={question.id}>
                <NavButton question={question} book={book} onJump={onJump} current={question.id === currentId} />
              </li>
            ))}
          </ol>
        </div>
      ))}
      <p className="nav-legend">
        <span className="legend-swatch is-answered" aria-hidden="true" /> answered{' '}
        <span className="legend-flag" aria-hidden="true">
          ⚑
        </span>{' '}
        flagged
      </p>
    </nav>
  );
}

function NavButton({
  question,
  book,
  onJump,
  current,
}: { question: StudentQuestionView; current: boolean } & Omit<QuestionNavProps, 'view' | 'currentId'>) {
  const entry = entryOf(book, question.id);
  const answered = isAnswered(entry.answer);
  const state = [answered ? 'answered' : 'not answered', entry.flagged ? 'flagged for review' : ''].filter(Boolean);
  return (
    <button
      type="button"
      className={`nav-button${answered ? ' is-answered' : ''}${entry.flagged ? ' is-flagged' : ''}${current ? ' is-current' : ''}`}
      {...(current && { 'aria-current': 'step' as const })}
      aria-label={`Question ${question.number}: ${state.join(', ')}`}
      onClick={() => onJump(question.id)}
      data-testid={`nav-${question.id}`}
      data-answered={answered}
      data-flagged={entry.flagged}
    >
      {question.number}
      {entry.flagged && (
        <span className="nav-flag" aria-hidden="true">
          ⚑
        </span>
      )}
    </button>
  );
}

/** Scrolls to a question and moves focus to its heading, so keyboard and screen-reader users land there too. */
export function jumpToQuestion(questionId: string): void {
  // A smooth scroll is motion: not for someone who asked their system for less.
  const behavior = window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  document.getElementById(`question-${questionId}`)?.scrollIntoView({ block: 'start', behavior });
  document.getElementById(`question-${questionId}-title`)?.focus({ preventScroll: true });
}
