import type { AttemptState, Me } from '@examforge/server/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { startAttempt } from '../api/attempt-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { usePageTitle } from '../components/use-page-title.js';
import { formatDateTime, formatMinutes } from '../lib/format/format-time.js';

interface BeforeStartProps {
  readonly state: AttemptState;
  readonly student: Extract<Me, { kind: 'student' }>['student'];
}

/** The sitting, its window and duration, and the Start button: the server starts the clock. */
export function BeforeStart({ state, student }: BeforeStartProps) {
  const queryClient = useQueryClient();
  const { sitting } = state;
  usePageTitle(sitting.title);
  const start = useMutation({
    mutationFn: startAttempt,
    onSuccess: (timed) => queryClient.setQueryData(queryKeys.attempt, timed),
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.attempt }),
  });
  return (
    <main className="page page-narrow" data-testid="before-start">
      <h1>{sitting.title}</h1>
      <p className="lead">
        Signed in as <strong>{student.name}</strong> ({student.studentNumber})
      </p>
      <dl className="facts">
        <dt>Window</dt>
        <dd data-testid="sitting-window">
          {formatDateTime(sitting.opensAt)} – {formatDateTime(sitting.closesAt)}
        </dd>
        <dt>Duration</dt>
        <dd data-testid="sitting-duration">{formatMinutes(sitting.durationMinutes)}</dd>
      </dl>
      <p>
        The timer starts when you press Start and keeps running if you close this page. Every answer is saved as you go,
        and kept on this device while the connection is down.
      </p>
      <button
        type="button"
        className="button button-primary button-large"
        onClick={() => start.mutate()}
        disabled={start.isPending}
        data-testid="start-exam"
      >
        {start.isPending ? 'Starting…' : 'Start the exam'}
      </button>
      {start.isError && <ErrorNotice title="The exam could not be started." error={start.error} />}
    </main>
  );
}
