import type { AnswerFlag } from '@examforge/server/api';
import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { setAnswerFlag } from '../api/grading-api.js';
import { ErrorNotice } from '../components/error-notice.js';

export const FLAG_FIELD = 'grade-flag-note';

interface AnswerFlagControlProps {
  readonly sittingId: string;
  readonly questionId: string;
  readonly attemptId: string;
  readonly flag: AnswerFlag | undefined;
  /** After the flag was set or cleared, with words for the announcement. */
  readonly onChanged: (what: string) => void;
}

/** Marks the answer for a second look with a note saying why (the "flagged" filter finds it), or clears the mark. */
export function AnswerFlagControl({ sittingId, questionId, attemptId, flag, onChanged }: AnswerFlagControlProps) {
  const [note, setNote] = useState('');
  const change = useMutation({
    mutationFn: (flagged: boolean) =>
      setAnswerFlag(sittingId, questionId, attemptId, flagged ? { flagged: true, note: note.trim() } : { flagged }),
    onSuccess: (_reply, flagged) => onChanged(flagged ? 'Flagged for a second look.' : 'Flag cleared.'),
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (note.trim() !== '') change.mutate(true);
  };
  if (flag) {
    return (
      <div className="notice notice-info answer-flag" data-testid="answer-flag">
        <p>
          Flagged by {flag.flaggedBy}: {flag.note}
        </p>
        <button
          type="button"
          className="button button-small"
          disabled={change.isPending}
          onClick={() => change.mutate(false)}
          data-testid="answer-flag-clear"
        >
          Clear the flag
        </button>
        {change.isError && <ErrorNotice title="The flag was not cleared." error={change.error} />}
      </div>
    );
  }
  return (
    <form className="answer-flag form-inline" onSubmit={submit} data-testid="answer-flag-form">
      <span className="field field-grow">
        <label htmlFor={FLAG_FIELD}>Flag for a second look: why?</label>
        <input
          id={FLAG_FIELD}
          value={note}
          maxLength={500}
          onChange={(event) => setNote(event.target.value)}
          data-testid="answer-flag-note"
        />
      </span>
      <button
        type="submit"
        className="button button-small"
        disabled={change.isPending || note.trim() === ''}
        data-testid="answer-flag-submit"
      >
        Flag
      </button>
      {change.isError && <ErrorNotice title="The answer was not flagged." error={change.error} />}
    </form>
  );
}
