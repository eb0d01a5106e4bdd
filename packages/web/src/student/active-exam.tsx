import type { StudentExamView } from '@examforge/core';
import type { AttemptState } from '@examforge/server/api';
import { useEffect, useMemo } from 'react';
import { Outlet } from 'react-router';
import { sendHeartbeat, type Timed } from '../api/attempt-api.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { millisecondsLeft } from '../lib/clock/server-clock.js';
import { readExamView } from '../lib/exam-view/read-exam-view.js';
import type { ClosedNotice } from './closed-page.js';
import { ExamSessionContext } from './exam-session-context.js';
import { useExamSession, type ExamSession } from './use-exam-session.js';

interface ActiveExamProps {
  readonly timed: Timed<AttemptState>;
  readonly attemptKey: string;
  /** The server refused a save because the attempt is closed: its message, and how many changes were left unsaved. */
  readonly onClosed: (notice: ClosedNotice) => void;
  /** The deadline has passed by the server's clock (after a last flush): time to ask the server for the state. */
  readonly onTimeUp: () => void;
}

/** An open attempt: restores the session, then renders the exam or review page inside it. */
export function ActiveExam(props: ActiveExamProps) {
  const exam = props.timed.body.exam;
  const view = useMemo(() => readExamView(exam), [exam]);
  if (!view) {
    return (
      <ErrorNotice
        title="The exam could not be shown"
        error={new Error('The server sent questions this page cannot read.')}
      />
    );
  }
  return <ActiveExamSession {...props} view={view} />;
}

function ActiveExamSession({
  timed,
  attemptKey,
  onClosed,
  onTimeUp,
  view,
}: ActiveExamProps & { view: StudentExamView }) {
  const session = useExamSession(timed, view, attemptKey);
  useClosedNotice(session, onClosed);
  useTimeUp(session, onTimeUp);
  useHeartbeat();
  if (!session) return <Loading label="Restoring your answers…" />;
  return (
    <ExamSessionContext.Provider value={session}>
      <Outlet />
    </ExamSessionContext.Provider>
  );
}

function useClosedNotice(session: ExamSession | undefined, onClosed: (notice: ClosedNotice) => void): void {
  const status = session?.status;
  useEffect(() => {
    if (status?.kind === 'closed') onClosed({ message: status.message, unsaved: status.waiting });
  }, [status, onClosed]);
}

const HEARTBEAT_MS = 20_000;

/**
 * While the exam is open, tells the server every 20 s that this page is still there, so the instructor's monitor can
 * tell a student reading quietly from one whose connection is gone. A failed heartbeat changes nothing here: the
 * save status line already tells the student about the connection.
 */
function useHeartbeat(): void {
  useEffect(() => {
    const timer = setInterval(() => void sendHeartbeat().catch(() => undefined), HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, []);
}

/** At the deadline (by the server's clock), sends what is waiting, then hands over to the server's verdict. */
function useTimeUp(session: ExamSession | undefined, onTimeUp: () => void): void {
  const timing = session?.timing;
  const flushNow = session?.flushNow;
  useEffect(() => {
    if (!timing?.deadline || !flushNow) return;
    const timer = setTimeout(
      () => void flushNow().finally(onTimeUp),
      millisecondsLeft(timing.deadline, timing.clock, performance.now()),
    );
    return () => clearTimeout(timer);
  }, [timing, flushNow, onTimeUp]);
}
