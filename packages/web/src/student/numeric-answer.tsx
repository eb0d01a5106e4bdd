import type { Answer } from '@examforge/server/api';
import { useState } from 'react';
import { numericText, readNumericText } from '../lib/answers/answer-input.js';

interface NumericAnswerProps {
  readonly questionId: string;
  readonly answer: Answer;
  readonly onAnswer: (answer: Answer) => void;
  readonly describedBy: string;
  readonly disabled: boolean;
}

/**
 * A text field rather than `type="number"`, which would hide half-typed input ("1e") as an empty value: here the
 * student sees that "1e" is not saved. The field keeps its own text; only valid numbers (or blank) are saved.
 */
export function NumericAnswer({ questionId, answer, onAnswer, describedBy, disabled }: NumericAnswerProps) {
  const [text, setText] = useState(() => numericText(answer));
  const invalid = readNumericText(text).kind === 'invalid';
  const inputId = `numeric-${questionId}`;
  const errorId = `numeric-${questionId}-error`;
  return (
    <div className="field field-numeric">
      <label htmlFor={inputId}>Your answer (a number)</label>
      <input
        id={inputId}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        disabled={disabled}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${errorId} ${describedBy}` : describedBy}
        onChange={(event) => {
          setText(event.target.value);
          const reading = readNumericText(event.target.value);
          if (reading.kind === 'answer') onAnswer(reading.answer);
        }}
        data-testid={`numeric-${questionId}`}
      />
      {invalid && (
        <p id={errorId} className="field-error" data-testid={`numeric-error-${questionId}`}>
          Not a number, so not saved: write digits with a point for decimals, e.g. -0.25 or 1e-3.
          {answer.kind === 'numeric' && ` The saved answer is still ${numericText(answer)}.`}
        </p>
      )}
    </div>
  );
}
