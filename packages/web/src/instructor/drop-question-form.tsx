import type { StudentQuestionView } from '@examforge/core';
import { useState, type SubmitEvent } from 'react';
import { dropQuestion, type DropMode } from '../api/sittings-api.js';
import { ErrorNotice } from '../components/error-notice.js';
import { useRegrade } from './use-regrade.js';

interface DropQuestionFormProps {
  readonly sittingId: string;
  readonly questions: readonly StudentQuestionView[];
}

const MODES: readonly { mode: DropMode; label: string; hint: string }[] = [
  { mode: 'full-marks', label: 'Full marks for everyone', hint: 'the maximum stays the same' },
  { mode: 'exclude', label: 'Exclude it', hint: 'it counts for no one and leaves the maximum' },
];

/** Drops a question for the sitting; the server regrades everyone and the results table shows it. */
export function DropQuestionForm({ sittingId, questions }: DropQuestionFormProps) {
  const [questionId, setQuestionId] = useState(questions[0]?.id ?? '');
  const [mode, setMode] = useState<DropMode>('full-marks');
  const drop = useRegrade(sittingId, (choice: { questionId: string; mode: DropMode }) =>
    dropQuestion(sittingId, choice.questionId, choice.mode),
  );
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    drop.mutate({ questionId, mode });
  };
  return (
    <form className="card form-stack" onSubmit={onSubmit} aria-labelledby="drop-title" data-testid="drop-form">
      <h3 id="drop-title">Drop a question</h3>
      <div className="field">
        <label htmlFor="drop-question">Question</label>
        <select
          id="drop-question"
          value={questionId}
          onChange={(event) => setQuestionId(event.target.value)}
          data-testid="drop-question"
        >
          {questions.map((question) => (
            <option key={question.id} value={question.id}>
              Q{question.number} · {question.id}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="fieldset">
        <legend>How</legend>
        {MODES.map((option) => (
          <label className="check" key={option.mode}>
            <input
              type="radio"
              name="drop-mode"
              value={option.mode}
              checked={mode === option.mode}
              onChange={() => setMode(option.mode)}
              data-testid={`drop-mode-${option.mode}`}
            />{' '}
            {option.label} <span className="muted">({option.hint})</span>
          </label>
        ))}
      </fieldset>
      <button
        type="submit"
        className="button button-danger"
        disabled={questionId === '' || drop.isPending}
        data-testid="drop-submit"
      >
        {drop.isPending ? 'Regrading…' : 'Drop and regrade'}
      </button>
      {drop.isSuccess && (
        <p role="status" className="notice notice-success" data-testid="drop-result">
          {drop.variables.questionId} was dropped; everyone was regraded.
        </p>
      )}
      {drop.isError && <ErrorNotice title="Question not dropped." error={drop.error} testId="drop-error" />}
    </form>
  );
}
