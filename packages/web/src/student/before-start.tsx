import type { AttemptState, Me } from '@examforge/server/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { startAttempt } from '../api/attempt-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Markdown } from '../components/markdown-view.js';
import { usePageTitle } from '../components/use-page-title.js';
import { formatDateTime } from '../lib/format/format-time.js';
import { describeOwnTime } from '../lib/start/start-overview-text.js';
import { StartConfirmDialog } from './start-confirm-dialog.js';
import { StartRules, StartSections } from './start-overview.js';

interface BeforeStartProps {
  readonly state: AttemptState;
  readonly student: Extract<Me, { kind: 'student' }>['student'];
}

/**
 * The start page, read before the clock runs: the exam's instructions, its sections and marks, the student's own
 * time, what happens at the deadline and how saving works. Start asks for confirmation; only then does the server
 * start the clock, and focus goes to the first question.
 */
export function BeforeStart({ state, student }: BeforeStartProps) {
  const { sitting, overview } = state;
  usePageTitle(sitting.title);
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const start = useStart(() => setConfirming(false));
  const ownSeconds = overview?.ownDurationSeconds ?? sitting.durationMinutes * 60;
  const ownTime = describeOwnTime(ownSeconds, sitting.durationMinutes, overview?.timeMultiplier ?? 1);
  const closeDialog = () => {
    if (start.isPending) return;
    setConfirming(false);
    opener.current?.focus();
  };
  return (
    <main className="page page-narrow start-page" data-testid="before-start">
      <h1>{sitting.title}</h1>
      <p className="lead">
        Signed in as <strong>{student.name}</strong> ({student.studentNumber})
      </p>
      <p className="notice notice-info" data-testid="timer-not-started">
        The timer has not started. Read this page first: the clock starts only when you press Start and confirm.
      </p>
      <dl className="facts">
        <dt>Window</dt>
        <dd data-testid="sitting-window">
          {formatDateTime(sitting.opensAt)} – {formatDateTime(sitting.closesAt)}
        </dd>
        <dt>Your time</dt>
        <dd data-testid="own-duration">{ownTime}</dd>
        {overview && (
          <>
            <dt>Total</dt>
            <dd data-testid="start-total">{overview.total} marks</dd>
          </>
        )}
      </dl>
      {overview?.instructions !== undefined && <Instructions markdown={overview.instructions} />}
      {overview && <StartSections overview={overview} />}
      <StartRules
        closesAt={sitting.closesAt}
        ownSeconds={ownSeconds}
        graceSeconds={overview?.graceSeconds ?? 0}
        oneQuestionPerPage={sitting.oneQuestionPerPage}
      />
      <button
        ref={opener}
        type="button"
        className="button button-primary button-large"
        onClick={() => setConfirming(true)}
        aria-haspopup="dialog"
        data-testid="start-exam"
      >
        Start the exam…
      </button>
      {start.isError && <ErrorNotice title="The exam could not be started." error={start.error} />}
      <StartConfirmDialog
        open={confirming}
        ownTime={ownTime}
        pending={start.isPending}
        onConfirm={() => start.mutate()}
        onClose={closeDialog}
      />
    </main>
  );
}

function Instructions({ markdown }: { readonly markdown: string }) {
  return (
    <section className="instructions" aria-labelledby="start-instructions-title" data-testid="start-instructions">
      <h2 id="start-instructions-title">Instructions</h2>
      <Markdown source={markdown} />
    </section>
  );
}

/** Starts the clock on the server; the exam page then opens with focus on the first question. */
function useStart(onFailed: () => void) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: startAttempt,
    onSuccess: (timed) => {
      void navigate('/exam', { replace: true, state: { focus: true } });
      queryClient.setQueryData(queryKeys.attempt, timed);
    },
    onError: () => {
      onFailed();
      void queryClient.invalidateQueries({ queryKey: queryKeys.attempt });
    },
  });
}
