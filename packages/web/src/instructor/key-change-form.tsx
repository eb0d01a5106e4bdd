import type { StudentQuestionView } from '@examforge/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { queryKeys } from '../api/query-keys.js';
import { changeKey } from '../api/sittings-api.js';
import { ErrorNotice } from '../components/error-notice.js';
import { InlineMarkdown } from '../components/markdown-view.js';
import { formatLetters } from '../lib/format/format-answer.js';
import { KeyChangePreviewPanel, useCurrentKey, useKeyChangePreview } from './key-change-preview.js';
import { useRegrade } from './use-regrade.js';

interface KeyChangeFormProps {
  readonly sittingId: string;
  /** The choice questions, unshuffled: option letters here are the canonical ones. */
  readonly questions: readonly StudentQuestionView[];
}

/**
 * Sets a choice question's correct options. The form starts from the current key, and before anything is applied it
 * shows who would gain or lose how much (the server rescores without saving); applying regrades everyone.
 */
export function KeyChangeForm({ sittingId, questions }: KeyChangeFormProps) {
  const queryClient = useQueryClient();
  const [questionId, setQuestionId] = useState(questions[0]?.id ?? '');
  // Undefined until the instructor changes a box: the boxes show the current key.
  const [chosen, setChosen] = useState<readonly string[] | undefined>(undefined);
  const question = questions.find((candidate) => candidate.id === questionId);
  const current = useCurrentKey(sittingId, questionId);
  const currentKey = current.data?.currentKey;
  const letters = chosen ?? currentKey ?? [];
  const changed = chosen !== undefined && chosen.join('') !== (currentKey ?? []).join('');
  const preview = useKeyChangePreview(sittingId, questionId, changed ? letters : undefined);
  const change = useRegrade(sittingId, (key: { questionId: string; letters: readonly string[] }) =>
    changeKey(sittingId, key.questionId, key.letters),
  );
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    change.mutate(
      { questionId, letters },
      {
        onSuccess: () => {
          setChosen(undefined);
          void queryClient.invalidateQueries({ queryKey: queryKeys.keyPreviews(sittingId) });
        },
      },
    );
  };
  const toggle = (letter: string, checked: boolean) =>
    setChosen(checked ? [...letters.filter((l) => l !== letter), letter].sort() : letters.filter((l) => l !== letter));
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
            setChosen(undefined);
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
      <p data-testid="key-current" aria-live="polite">
        {currentKey === undefined
          ? current.isError
            ? ''
            : 'Reading the current key…'
          : currentKey.length === 0
            ? 'Current key: none (the question is not scored until a key is set).'
            : `Current key: ${formatLetters(currentKey)}.`}
      </p>
      {current.isError && <ErrorNotice title="The current key could not be read." error={current.error} />}
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
            {currentKey?.includes(option.letter) && <span className="muted"> (key now)</span>}
          </label>
        ))}
      </fieldset>
      {changed && <KeyChangePreviewPanel preview={preview} />}
      <button
        type="submit"
        className="button button-primary"
        disabled={!changed || letters.length === 0 || change.isPending}
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
