import type { StudentQuestionView } from '@examforge/core';
import type { Answer, RefusedSave } from '@examforge/server/api';
import { memo } from 'react';
import { Markdown } from '../components/markdown-view.js';
import { isAnswered, type AnswerEntry } from '../lib/answers/answer-book.js';
import { formatMarks } from '../lib/format/format-answer.js';
import { ChoiceAnswer } from './choice-answer.js';
import { FreeAnswer } from './free-answer.js';
import { NumericAnswer } from './numeric-answer.js';

export interface QuestionCardProps {
  readonly question: StudentQuestionView;
  readonly entry: AnswerEntry;
  readonly onAnswer: (questionId: string, answer: Answer) => void;
  readonly onToggleFlag: (questionId: string) => void;
  readonly disabled?: boolean;
  /** Set when the answer was not saved for being too long. */
  readonly refusal?: RefusedSave;
}

/** One question: its number, marks, stem, the answer field for its kind, and the flag. Re-renders only on its own change. */
export const QuestionCard = memo(function QuestionCard({
  question,
  entry,
  onAnswer,
  onToggleFlag,
  disabled = false,
  refusal,
}: QuestionCardProps) {
  const titleId = `question-${question.id}-title`;
  const stemId = `question-${question.id}-stem`;
  const answered = isAnswered(entry.answer);
  const answer = (value: Answer) => onAnswer(question.id, value);
  return (
    <section
      className={`question-card${entry.flagged ? ' is-flagged' : ''}`}
      id={`question-${question.id}`}
      aria-labelledby={titleId}
      data-testid={`question-${question.id}`}
      data-answered={answered}
      data-flagged={entry.flagged}
      data-refused={refusal !== undefined}
    >
      <header className="question-head">
        <h3 id={titleId} tabIndex={-1} className="question-title">
          Question {question.number}
        </h3>
        <span className="question-marks">
          {formatMarks(question.marks)}
          {question.penalty !== '0' && ` · −${question.penalty} for a wrong answer`}
        </span>
      </header>
      <Markdown source={question.stem} id={stemId} className="question-stem" />
      <AnswerField
        question={question}
        entry={entry}
        onAnswer={answer}
        labelledBy={titleId}
        describedBy={stemId}
        disabled={disabled}
        refusal={refusal}
      />
      <div className="question-actions">
        <button
          type="button"
          className={`flag-toggle${entry.flagged ? ' is-flagged' : ''}`}
          aria-pressed={entry.flagged}
          disabled={disabled}
          onClick={() => onToggleFlag(question.id)}
          data-testid={`flag-${question.id}`}
        >
          <span aria-hidden="true">{entry.flagged ? '⚑' : '⚐'}</span> Flag for review
        </button>
        {answered && (question.kind === 'single' || question.kind === 'multiple') && (
          <button
            type="button"
            className="button-quiet"
            disabled={disabled}
            onClick={() => answer({ kind: 'blank' })}
            data-testid={`clear-${question.id}`}
          >
            Clear answer
          </button>
        )}
      </div>
    </section>
  );
});

interface AnswerFieldProps {
  readonly question: StudentQuestionView;
  readonly entry: AnswerEntry;
  readonly onAnswer: (answer: Answer) => void;
  readonly labelledBy: string;
  readonly describedBy: string;
  readonly disabled: boolean;
  readonly refusal: RefusedSave | undefined;
}

function AnswerField({ question, entry, onAnswer, labelledBy, describedBy, disabled, refusal }: AnswerFieldProps) {
  const common = { answer: entry.answer, onAnswer, describedBy, disabled };
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return <ChoiceAnswer question={question} labelledBy={labelledBy} {...common} />;
    case 'numeric':
      return <NumericAnswer questionId={question.id} {...common} />;
    case 'free':
      return (
        <FreeAnswer
          questionId={question.id}
          questionNumber={question.number}
          {...common}
          {...(refusal && { refusal })}
        />
      );
  }
}
