import type { Answer, RefusedSave } from '@examforge/server/api';
import { useDeferredValue, useState } from 'react';
import { Markdown } from '../components/markdown-view.js';
import { answerText, textAnswer } from '../lib/answers/answer-input.js';
import { describeCounter, lengthAnnouncement, lengthState, refusalMessage } from '../lib/answers/answer-length.js';

interface FreeAnswerProps {
  readonly questionId: string;
  readonly questionNumber: number;
  readonly answer: Answer;
  readonly onAnswer: (answer: Answer) => void;
  readonly describedBy: string;
  readonly disabled: boolean;
  /** Set when this answer was not saved for being too long. */
  readonly refusal?: RefusedSave;
}

/**
 * A free-response answer with a live preview of its Markdown and `$…$` math, rendered as a grader will see it, and a
 * counter against the length limit. The counter is part of the field's description; a screen reader is told only when
 * the answer comes near or goes over the limit, and an answer refused for its length says so at the field.
 */
export function FreeAnswer(props: FreeAnswerProps) {
  const { questionId, answer, onAnswer, describedBy, disabled, refusal } = props;
  const [text, setText] = useState(() => answerText(answer));
  // The preview may lag a keystroke behind while typing fast; the textarea never does.
  const preview = useDeferredValue(text);
  const inputId = `text-${questionId}`;
  const hintId = `text-${questionId}-hint`;
  const counterId = `text-${questionId}-counter`;
  const errorId = `text-${questionId}-error`;
  const state = lengthState(text.length);
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
        aria-describedby={[hintId, counterId, ...(refusal ? [errorId] : []), describedBy].join(' ')}
        aria-invalid={refusal !== undefined || state === 'over'}
        onChange={(event) => {
          setText(event.target.value);
          onAnswer(textAnswer(event.target.value));
        }}
        data-testid={`text-${questionId}`}
      />
      <p
        id={counterId}
        className={`field-counter field-counter-${state}`}
        data-testid={`counter-${questionId}`}
        data-state={state}
      >
        {state === 'over' && <span aria-hidden="true">⚠ </span>}
        {describeCounter(text.length)}
      </p>
      <LengthAnnouncer state={state} length={text.length} />
      {refusal && (
        <p id={errorId} className="field-error" role="alert" data-testid={`refused-${questionId}`}>
          {refusalMessage(props.questionNumber, refusal)}
        </p>
      )}
      {preview.trim() !== '' && (
        <section
          className="answer-preview"
          aria-label={`Preview of your answer to question ${props.questionNumber}`}
          data-testid={`preview-${questionId}`}
        >
          <h4 className="answer-preview-title">Preview</h4>
          <Markdown source={preview} />
        </section>
      )}
    </div>
  );
}

/**
 * A polite live region whose words change only when the answer's standing against the limit changes, so it is
 * announced when the answer comes near or goes over the limit, not at every keystroke.
 */
function LengthAnnouncer({
  state,
  length,
}: {
  readonly state: ReturnType<typeof lengthState>;
  readonly length: number;
}) {
  const [announced, setAnnounced] = useState({ state, text: '' });
  if (announced.state !== state) setAnnounced({ state, text: lengthAnnouncement(state, length) });
  return (
    <p className="visually-hidden" aria-live="polite">
      {announced.text}
    </p>
  );
}
