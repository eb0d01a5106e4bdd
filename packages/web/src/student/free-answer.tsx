import type { Answer } from '@examforge/server/api';
import { useDeferredValue, useState } from 'react';
import { Markdown } from '../components/markdown-view.js';
import { answerText, textAnswer } from '../lib/answers/answer-input.js';

interface FreeAnswerProps {
  readonly questionId: string;
  readonly answer: Answer;
  readonly onAnswer: (answer: Answer) => void;
  readonly describedBy: string;
  readonly disabled: boolean;
}

/** A free-response answer with a live preview of its Markdown and `$…$` math, rendered as a grader will see it. */
export function FreeAnswer({ questionId, answer, onAnswer, describedBy, disabled }: FreeAnswerProps) {
  const [text, setText] = useState(() => answerText(answer));
  // The preview may lag a keystroke behind while typing fast; the textarea never does.
  const preview = useDeferredValue(text);
  const inputId = `text-${questionId}`;
  const hintId = `text-${questionId}-hint`;
  return (
    <div className="field field-free">
      <label htmlFor={inputId}>Your answer</label>
      <p id={hintId} className="field-hint">
        Write math between dollar signs: <code>$x^2$</code> inline, <code>$$…$$</code> on its own line.
      </p>
      <textarea
        id={inputId}
        rows={8}
        value={text}
        disabled={disabled}
        aria-describedby={`${hintId} ${describedBy}`}
        onChange={(event) => {
          setText(event.target.value);
          onAnswer(textAnswer(event.target.value));
        }}
        data-testid={`text-${questionId}`}
      />
      {preview.trim() !== '' && (
        <section className="answer-preview" aria-label={`Preview of your answer`} data-testid={`preview-${questionId}`}>
          <h4 className="answer-preview-title">Preview</h4>
          <Markdown source={preview} />
        </section>
      )}
    </div>
  );
}
