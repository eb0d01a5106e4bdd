import { useEffect, useState, type ReactNode } from 'react';
import { describeTimeLeft, formatCountdown, timeWarning, type TimeWarning } from '../lib/clock/countdown.js';
import { warningToAnnounce } from '../lib/clock/warning-announcement.js';
import { formatClockTime } from '../lib/format/format-time.js';
import { describeSaveStatus, type SaveStatus } from '../lib/outbox/save-status.js';
import type { ExamTiming } from './use-exam-session.js';
import { useMillisecondsLeft } from './use-milliseconds-left.js';

interface ExamHeaderProps {
  readonly title: string;
  readonly timing: ExamTiming;
  readonly status: SaveStatus;
  /** The last warning told to screen readers (shared by the pages of one attempt). */
  readonly announced: { current: TimeWarning };
  readonly children?: ReactNode;
}

/** Stays at the top while the student scrolls: the time left, whether answers are saved, and the way to submit. */
export function ExamHeader({ title, timing, status, announced, children }: ExamHeaderProps) {
  const msLeft = useMillisecondsLeft(timing.clock, timing.deadline);
  const warning = msLeft === undefined ? 'none' : timeWarning(msLeft);
  return (
    <header className="exam-header">
      <div className="exam-header-inner">
        <p className="exam-header-title">{title}</p>
        {msLeft !== undefined && <CountdownTimer msLeft={msLeft} />}
        <SaveStatusLine status={status} />
        <div className="exam-header-actions">{children}</div>
      </div>
      <TimeWarningBanner warning={warning} />
      <WarningAnnouncer warning={warning} announced={announced} />
    </header>
  );
}

function CountdownTimer({ msLeft }: { readonly msLeft: number }) {
  const warning = timeWarning(msLeft);
  return (
    <div className={`timer timer-${warning}`}>
      <span className="timer-label" id="timer-label">
        Time left
      </span>
      <span
        role="timer"
        aria-labelledby="timer-label"
        aria-describedby="timer-words"
        className="timer-value"
        data-testid="timer"
        data-warning={warning}
      >
        {formatCountdown(msLeft)}
      </span>
      <span id="timer-words" className="visually-hidden">
        {describeTimeLeft(msLeft)}
      </span>
    </div>
  );
}

const WARNING_TEXT: Record<Exclude<TimeWarning, 'none'>, string> = {
  'ten-minutes': '10 minutes left. Your answers are saved as you go.',
  'one-minute': '1 minute left. Finish the answer you are writing.',
  'time-up': 'Time is up. Your last answers are being saved and the exam is closing.',
};

/** Seen, not announced: the announcer below tells each threshold once, the banner stays while it holds. */
function TimeWarningBanner({ warning }: { readonly warning: TimeWarning }) {
  if (warning === 'none') return null;
  return (
    <div className={`time-warning time-warning-${warning}`} data-testid="time-warning" data-warning={warning}>
      {WARNING_TEXT[warning]}
    </div>
  );
}

/**
 * An assertive live region, empty when it mounts, that is given a warning's words only when a threshold is crossed for
 * the first time in this attempt: the timer ticking (or a move to the review page) never repeats it.
 */
function WarningAnnouncer({
  warning,
  announced,
}: {
  readonly warning: TimeWarning;
  readonly announced: { current: TimeWarning };
}) {
  const [words, setWords] = useState('');
  useEffect(() => {
    const next = warningToAnnounce(announced.current, warning);
    if (next === undefined || next === 'none') return;
    announced.current = next;
    setWords(WARNING_TEXT[next]);
  }, [warning, announced]);
  return (
    <p className="visually-hidden" aria-live="assertive" data-testid="time-announcement">
      {words}
    </p>
  );
}

function SaveStatusLine({ status }: { readonly status: SaveStatus }) {
  const waiting = 'waiting' in status ? status.waiting : 0;
  return (
    <p
      className={`save-status save-status-${status.kind}`}
      role="status"
      data-testid="save-status"
      data-status={status.kind}
      data-waiting={waiting}
    >
      {describeSaveStatus(status, formatClockTime)}
    </p>
  );
}
