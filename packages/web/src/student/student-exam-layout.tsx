import type { Me } from '@examforge/server/api';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, Navigate } from 'react-router';
import { fetchAttempt } from '../api/attempt-api.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorNotice } from '../components/error-notice.js';
import { ExamFiles } from '../components/exam-files.js';
import { Loading } from '../components/loading.js';
import { useMe } from '../components/use-me.js';
import { ActiveExam } from './active-exam.js';
import { BeforeStart } from './before-start.js';
import { ClosedPage, type ClosedNotice } from './closed-page.js';

type Student = Extract<Me, { kind: 'student' }>['student'];

/** `/exam` and `/exam/review`: which page a student sees follows the server's attempt status. */
export function StudentExamLayout() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice title="Could not check who is signed in" error={me.error} />;
  if (me.data.kind !== 'student') return <Navigate to="/" replace />;
  return <StudentAttempt student={me.data.student} />;
}

/** While waiting for the server to close an attempt whose time is up. */
const CLOSING_POLL_MS = 5000;

function StudentAttempt({ student }: { readonly student: Student }) {
  const queryClient = useQueryClient();
  const [timeUp, setTimeUp] = useState(false);
  const [closedNotice, setClosedNotice] = useState<ClosedNotice>();
  const attempt = useQuery({
    queryKey: queryKeys.attempt,
    queryFn: fetchAttempt,
    refetchInterval: timeUp ? CLOSING_POLL_MS : false,
    refetchOnWindowFocus: false,
  });
  const onClosed = useCallback(
    (notice: ClosedNotice) => {
      setClosedNotice(notice);
      void queryClient.invalidateQueries({ queryKey: queryKeys.attempt });
    },
    [queryClient],
  );
  const onTimeUp = useCallback(() => setTimeUp(true), []);

  // A failed refetch keeps the last data: a student polling offline after time is up keeps their page.
  if (!attempt.data) {
    if (attempt.isError) return <AttemptLoadError error={attempt.error} />;
    return <Loading label="Loading your exam…" />;
  }
  const state = attempt.data.body;
  if (closedNotice !== undefined || state.status === 'submitted' || state.status === 'expired') {
    return <ClosedPage state={state} notice={closedNotice} />;
  }
  const attemptKey = `${state.sitting.id}:${student.id}`;
  return (
    <ExamFiles examId={state.sitting.examId}>
      {state.status === 'not-started' ? (
        <BeforeStart state={state} student={student} />
      ) : (
        <ActiveExam
          key={attemptKey}
          timed={attempt.data}
          attemptKey={attemptKey}
          onClosed={onClosed}
          onTimeUp={onTimeUp}
        />
      )}
    </ExamFiles>
  );
}

function AttemptLoadError({ error }: { readonly error: unknown }) {
  return (
    <main className="page page-narrow">
      <ErrorNotice title="Your exam could not be loaded." error={error} />
      <p>
        Answers already saved are safe on the server. <Link to="/">Join again with your access code</Link> if your
        session has ended.
      </p>
    </main>
  );
}
