import type { StudentExamView } from '@examforge/core';
import type { RefusedSave } from '@examforge/server/api';
import { entryOf, type AnswerBook } from '../lib/answers/answer-book.js';
import { QuestionCard, type QuestionCardProps } from './question-card.js';

interface QuestionListProps extends Pick<QuestionCardProps, 'onAnswer' | 'onToggleFlag' | 'disabled'> {
  readonly view: StudentExamView;
  readonly book: AnswerBook;
  /** Answers not saved for being too long, by question. */
  readonly refusals?: ReadonlyMap<string, RefusedSave>;
}

/** The exam's sections and questions in the order this student sees them. */
export function QuestionList({ view, book, refusals, ...handlers }: QuestionListProps) {
  return (
    <>
      {view.sections.map((section) => (
        <section key={section.id} className="exam-section" aria-labelledby={`section-${section.id}`}>
          <h2 id={`section-${section.id}`} className="section-title">
            {section.title}
          </h2>
          {section.questions.map((question) => (
            <QuestionCard
              key={question.id}
              question={question}
              entry={entryOf(book, question.id)}
              refusal={refusals?.get(question.id)}
              {...handlers}
            />
          ))}
        </section>
      ))}
    </>
  );
}
