import type { StudentQuestionView } from '@examforge/core';
import { useState, type SubmitEvent } from 'react';
import { changeKey } from '../api/sittings-api.js';
import { ErrorNotice } from '../components/error-notice.js';
import { InlineMarkdown } from '../components/markdown-view.js';
import { formatLetters } from '../lib/format/format-answer.js';
import { useRegrade } from './use-regrade.js';

interface KeyChangeFormProps {
  readonly sittingId: string;
  /** The choice questions, unshuffled: option letters here are the canonical ones. */
  readonly questions: readonly StudentQuestionView[];
}

/** Sets a choice question's correct options; the server regrades everyone and the results table shows it. */
export function KeyChangeForm({ sittingId, questions }: KeyChangeFormProps) {
  const [questionId, setQuestionId] = useState(questions[0]?.id ?? '');
  const [letters, setLetters] = useState<readonly string[]>([]);
  const question = questions.find((candidate) => candidate.id === questionId);
  const change = useRegrade(sittingId, (key: { questionId: string; letters: readonly string[] }) =>
    changeKey(sittingId, key.questionId, key.letters),
  );
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    change.mutate({ questionId, letters });
  };
  const toggle = (letter: string, checked: boolean) =>
    setLetters(checked ? [...letters.filter((l) => l !== letter), letter].sort() : letters.filter((l) => l !== letter));
  return (
    <form className="card form-stack" onSubmit={onSubmit} aria-labelledby="key-title" data-testid="key-change-form">
      <h3 id="key-title">Change key</h3>
      <div className="field">
        <label htmlFor="key-question">Question</label>
        <select
          id="key-question"
          value={questionId}
          onChange={(event) => {
            setQuestionId(event.target.value);
            setLetters([]);
            change.reset();
          }}
          data-testid="key-question"
        >
          {questions.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              Q{candidate.number} · {candidate.id}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="fieldset">
        <legend>Correct options</legend>
        {question?.options?.map((option) => (
          <label className="check" key={option.letter}>
            <input
              type="checkbox"
              checked={letters.includes(option.letter)}
              onChange={(event) => toggle(option.letter, event.target.checked)}
              data-testid={`key-letter-${option.letter}`}
            />{' '}
            <span className="option-label">({option.letter})</span> <InlineMarkdown source={option.text} />
          </label>
        ))}
      </fieldset>
      <button
        type="submit"
        className="button button-primary"
        disabled={letters.length === 0 || change.isPending}
        data-testid="key-submit"
      >
        {change.isPending ? 'Regrading…' : 'Change key and regrade'}
      </button>
      {change.isSuccess && (
        <p role="status" className="notice notice-success" data-testid="key-result">
          {numberOf(questions, change.variables.questionId)} now accepts {formatLetters(change.variables.letters)};
          everyone was regraded.
        </p>
      )}
      {change.isError && <ErrorNotice title="Key not changed." error={change.error} testId="key-error" />}
    </form>
  );
}

function numberOf(questions: readonly StudentQuestionView[], questionId: string): string {
  const question = questions.find((candidate) => candidate.id === questionId);
  return question ? `Q${question.number}` : questionId;
}
