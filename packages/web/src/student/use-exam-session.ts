import type { StudentExamView } from '@examforge/core';
import type { Answer, AttemptState, RefusedSave } from '@examforge/server/api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { saveAnswers, type Timed } from '../api/attempt-api.js';
import { entryOf, mergeAnswers, type AnswerBook, type AnswerEntry } from '../lib/answers/answer-book.js';
import type { ServerClock } from '../lib/clock/server-clock.js';
import { Autosaver } from '../lib/outbox/autosaver.js';
import { openOutboxStore } from '../lib/outbox/idb-outbox-store.js';
import { Outbox } from '../lib/outbox/outbox.js';
import { createMemoryOutboxStore } from '../lib/outbox/outbox-store.js';
import type { SaveStatus } from '../lib/outbox/save-status.js';
import type { TimeWarning } from '../lib/clock/countdown.js';

/** The server's clock and the deadline as of the latest reply. */
export interface ExamTiming {
  readonly clock: ServerClock;
  readonly deadline: string | undefined;
}

export interface ExamSession {
  readonly view: StudentExamView;
  readonly book: AnswerBook;
  readonly status: SaveStatus;
  /** Answers not saved for being too long, by question: kept on the device and in the text box, not sent again. */
  readonly refusals: ReadonlyMap<string, RefusedSave>;
  /** Questions with a change still waiting on this device for the server. */
  readonly waiting: ReadonlySet<string>;
  readonly timing: ExamTiming;
  /** The sitting shows one question per page. */
  readonly oneQuestionPerPage: boolean;
  /** The last time warning told to screen readers, kept across the exam and review pages so each is told once. */
  readonly announcedWarning: { current: TimeWarning };
  readonly setAnswer: (questionId: string, answer: Answer) => void;
  readonly toggleFlag: (questionId: string) => void;
  /** Sends every waiting change; true when the server has acknowledged them all. */
  readonly flushNow: () => Promise<boolean>;
}

/**
 * The student's side of an open attempt: restores the answers (server state merged with the device's outbox),
 * replays the outbox, and from then on saves every change through the autosaver. Undefined while restoring.
 *
 * `attemptKey` identifies the outbox (sitting and student), so two students on one computer never share one.
 */
export function useExamSession(initial: Timed<AttemptState>, view: StudentExamView, attemptKey: string) {
  const [autosaver, setAutosaver] = useState<Autosaver>();
  const [book, setBook] = useState<AnswerBook>({});
  const bookRef = useRef<AnswerBook>({});
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });
  const [refusals, setRefusals] = useState<ReadonlyMap<string, RefusedSave>>(new Map());
  const [waiting, setWaiting] = useState<ReadonlySet<string>>(new Set());
  const announcedWarning = useRef<TimeWarning>('none');
  const [timing, setTiming] = useState<ExamTiming>({ clock: initial.clock, deadline: initial.body.deadline });
  // Only the state at mount restores answers; later refetches of the attempt must not overwrite what was typed.
  const initialRef = useRef(initial);

  useEffect(() => {
    let disposed = false;
    let created: Autosaver | undefined;
    void restoreSession(initialRef.current, attemptKey, {
      onStatus: setStatus,
      onWaiting: setWaiting,
      onTiming: setTiming,
      onRefused: setRefusals,
    }).then(({ autosaver: restored, book: restoredBook }) => {
      if (disposed) return restored.dispose();
      created = restored;
      bookRef.current = restoredBook;
      setBook(restoredBook);
      setAutosaver(restored);
      restored.start();
    });
    return () => {
      disposed = true;
      created?.dispose();
    };
  }, [attemptKey]);

  useConnectivity(autosaver);

  const change = useCallback(
    (questionId: string, update: (entry: AnswerEntry) => AnswerEntry) => {
      if (!autosaver || autosaver.closed) return;
      const entry = update(entryOf(bookRef.current, questionId));
      bookRef.current = { ...bookRef.current, [questionId]: entry };
      setBook(bookRef.current);
      autosaver.change({ questionId, ...entry });
    },
    [autosaver],
  );
  const setAnswer = useCallback(
    (questionId: string, answer: Answer) => change(questionId, (entry) => ({ ...entry, answer })),
    [change],
  );
  const toggleFlag = useCallback(
    (questionId: string) => change(questionId, (entry) => ({ ...entry, flagged: !entry.flagged })),
    [change],
  );
  const flushNow = useCallback(() => autosaver?.flushNow() ?? Promise.resolve(false), [autosaver]);

  if (!autosaver) return undefined;
  const session: ExamSession = {
    view,
    book,
    status,
    refusals,
    waiting,
    timing,
    oneQuestionPerPage: initial.body.sitting.oneQuestionPerPage,
    announcedWarning,
    setAnswer,
    toggleFlag,
    flushNow,
  };
  return session;
}

interface SessionListeners {
  readonly onStatus: (status: SaveStatus) => void;
  readonly onWaiting: (questionIds: ReadonlySet<string>) => void;
  readonly onRefused: (refused: ReadonlyMap<string, RefusedSave>) => void;
  readonly onTiming: (timing: ExamTiming) => void;
}

async function restoreSession(initial: Timed<AttemptState>, attemptKey: string, listeners: SessionListeners) {
  const state = initial.body;
  const outbox = await openOutbox(attemptKey, state.lastSeq);
  const merged = mergeAnswers(state.answers, outbox.pending());
  await outbox.acknowledge(merged.staleSeqs);
  const autosaver = new Autosaver({
    outbox,
    savedAt: state.serverNow,
    // Every change of status follows a change of what waits: the review page lists the questions not yet saved.
    onStatus: (status) => {
      listeners.onStatus(status);
      listeners.onWaiting(new Set(outbox.pending().map((save) => save.questionId)));
    },
    onRefused: listeners.onRefused,
    transport: {
      async send(saves) {
        const reply = await saveAnswers(saves);
        listeners.onTiming({ clock: reply.clock, deadline: reply.body.deadline });
        return reply.body;
      },
    },
  });
  return { autosaver, book: merged.book };
}

/** The device's outbox; if IndexedDB fails part-way, one in memory, so the exam goes on (saved to the server only). */
async function openOutbox(attemptKey: string, lastSeq: number): Promise<Outbox> {
  try {
    return await Outbox.open(await openOutboxStore(), attemptKey, lastSeq);
  } catch {
    return Outbox.open(createMemoryOutboxStore(), attemptKey, lastSeq);
  }
}

/** Tells the autosaver when the browser goes offline and, above all, when it comes back. */
function useConnectivity(autosaver: Autosaver | undefined): void {
  useEffect(() => {
    if (!autosaver) return;
    const online = () => autosaver.online();
    const offline = () => autosaver.offline();
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    if (!navigator.onLine) autosaver.offline();
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, [autosaver]);
}
