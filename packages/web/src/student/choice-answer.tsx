import type { StudentQuestionView } from '@examforge/core';
import type { Answer } from '@examforge/server/api';
import { InlineMarkdown } from '../components/markdown-view.js';
import { chooseLetter, selectedLetters, toggleLetter } from '../lib/answers/answer-input.js';
import { positionLabel } from '../lib/format/format-answer.js';

interface ChoiceAnswerProps {
  readonly question: StudentQuestionView;
  readonly answer: Answer;
  readonly onAnswer: (answer: Answer) => void;
  readonly labelledBy: string;
  readonly describedBy: string;
  readonly disabled: boolean;
}

/**
 * Options as native radio buttons (single choice) or checkboxes (multiple choice): the browser gives them arrow-key
 * and space handling and a screen reader knows them. The value sent is the option's canonical letter.
 */
export function ChoiceAnswer({ question, answer, onAnswer, labelledBy, describedBy, disabled }: ChoiceAnswerProps) {
  const single = question.kind === 'single';
  const selected = selectedLetters(answer);
  const name = `answer-${question.id}`;
  return (
    <div
      role={single ? 'radiogroup' : 'group'}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className="options"
    >
      {!single && <p className="field-hint">Select all that apply.</p>}
      {(question.options ?? []).map((option, index) => {
        const inputId = `${name}-${option.letter}`;
        const checked = selected.includes(option.letter);
        return (
          <div className={`option${checked ? ' is-selected' : ''}`} key={option.letter}>
            <input
              id={inputId}
              type={single ? 'radio' : 'checkbox'}
              name={name}
              value={option.letter}
              checked={checked}
              disabled={disabled}
              onChange={(event) => {
                onAnswer(
                  single ? chooseLetter(option.letter) : toggleLetter(answer, option.letter, event.target.checked),
                );
              }}
              data-testid={`option-${question.id}-${option.letter}`}
            />
            <label htmlFor={inputId}>
              <span className="option-label">{positionLabel(index)}</span> <InlineMarkdown source={option.text} />
            </label>
          </div>
        );
      })}
    </div>
  );
}
