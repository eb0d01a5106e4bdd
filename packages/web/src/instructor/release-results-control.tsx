import type { Sitting } from '@examforge/server/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { errorCode } from '../api/api-error.js';
import { queryKeys } from '../api/query-keys.js';
import { releaseResults } from '../api/grading-exports-api.js';
import { ErrorNotice } from '../components/error-notice.js';
import { isReleasedNow } from '../lib/format/release-policy.js';
import { ungradedPhrase, type UngradedQuestion } from '../lib/format/ungraded-by-question.js';

interface ReleaseResultsControlProps {
  readonly sitting: Sitting;
  /** Written answers still ungraded, per question; releasing with any asks for confirmation first. */
  readonly ungraded: readonly UngradedQuestion[];
}

/**
 * Releases the results to the students now. With ungraded written answers it first asks, in a confirm step that
 * takes the focus (Escape or "Keep grading" goes back), because students would see those answers as ungraded.
 */
export function ReleaseResultsControl({ sitting, ungraded }: ReleaseResultsControlProps) {
  const [confirming, setConfirming] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const release = useRelease(sitting.id, () => setConfirming(false));
  const total = ungraded.reduce((sum, question) => sum + question.ungraded, 0);
  const needsConfirmation = confirming || errorCode(release.error) === 'ungraded-answers';
  if (isReleasedNow(sitting.releaseResults, sitting.closesAt))
    return (
      <p className="notice notice-success" data-testid="results-released">
        Results are released to students.
      </p>
    );
  const cancel = () => {
    setConfirming(false);
    release.reset();
    trigger.current?.focus();
  };
  return (
    <div data-testid="release-results">
      <button
        type="button"
        className="button button-primary"
        ref={trigger}
        disabled={release.isPending}
        aria-expanded={needsConfirmation}
        onClick={() => (total > 0 ? setConfirming(true) : release.mutate(false))}
        data-testid="release-results-button"
      >
        Release results to students
      </button>
      {needsConfirmation && (
        <ConfirmRelease
          ungraded={ungraded}
          total={total}
          pending={release.isPending}
          onCancel={cancel}
          onConfirm={() => release.mutate(true)}
        />
      )}
      {release.isError && errorCode(release.error) !== 'ungraded-answers' && (
        <ErrorNotice title="Results not released." error={release.error} testId="release-error" />
      )}
    </div>
  );
}

function ConfirmRelease(props: {
  readonly ungraded: readonly UngradedQuestion[];
  readonly total: number;
  readonly pending: boolean;
  readonly onCancel: () => void;
  readonly onConfirm: () => void;
}) {
  const keepGrading = useRef<HTMLButtonElement>(null);
  useEffect(() => keepGrading.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') props.onCancel();
  };
  return (
    <section
      className="confirm-box"
      role="alertdialog"
      aria-labelledby="release-confirm-title"
      aria-describedby="release-confirm-text"
      onKeyDown={onKeyDown}
      data-testid="release-confirm"
    >
      <h3 id="release-confirm-title">Release results with {ungradedPhrase(props.total)}?</h3>
      <p id="release-confirm-text">
        Students will see these answers as ungraded, and totals without their points, until someone grades them.
      </p>
      <ul>
        {props.ungraded.map((question) => (
          <li key={question.questionId}>
            {question.label} <span className="muted">({question.questionId})</span>: {ungradedPhrase(question.ungraded)}
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button
          type="button"
          className="button"
          ref={keepGrading}
          onClick={props.onCancel}
          data-testid="release-cancel"
        >
          Keep grading
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={props.pending}
          onClick={props.onConfirm}
          data-testid="release-confirm-button"
        >
          {props.pending ? 'Releasing…' : 'Release anyway'}
        </button>
      </div>
    </section>
  );
}

function useRelease(sittingId: string, onReleased: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirmUngraded: boolean) => releaseResults(sittingId, confirmUngraded),
    onSuccess: (sitting) => {
      queryClient.setQueryData(queryKeys.sitting(sittingId), sitting);
      void queryClient.invalidateQueries({ queryKey: queryKeys.studentReleases(sittingId) });
      onReleased();
    },
    // The server counted answers this page had not seen yet: show them in the confirm step.
    onError: (error) => {
      if (errorCode(error) === 'ungraded-answers')
        void queryClient.invalidateQueries({ queryKey: queryKeys.results(sittingId) });
    },
  });
}
