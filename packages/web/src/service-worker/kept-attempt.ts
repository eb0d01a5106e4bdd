/**
 * The copy of the student's attempt the service worker keeps for an offline reload, and how each reply changes it.
 * The worker cannot share the app's zod schemas (it is bundled on its own, with no shared chunks), so these readers
 * check the few fields they use; anything else leaves the copy dropped rather than wrong.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An attempt state worth keeping: open, with its questions. A closed one means the copy must go. */
export function isOpenAttempt(state: unknown): state is Json {
  return (
    isObject(state) &&
    state.status === 'open' &&
    isObject(state.exam) &&
    isObject(state.answers) &&
    typeof state.serverNow === 'string'
  );
}

/** An attempt the student has not started: nothing to keep yet, nothing to drop but the attempt's own copy. */
export function isNotStartedAttempt(state: unknown): boolean {
  return isObject(state) && state.status === 'not-started';
}

/** The student a `GET /api/auth/me` reply names; undefined for staff and anonymous replies, which are never kept. */
export function studentIdOf(me: unknown): string | undefined {
  if (!isObject(me) || me.kind !== 'student' || !isObject(me.student)) return undefined;
  return typeof me.student.id === 'string' ? me.student.id : undefined;
}

interface SentSave {
  readonly seq: number;
  readonly questionId: string;
  readonly answer: unknown;
  readonly flagged: boolean;
}

function readSaves(body: unknown): readonly SentSave[] | undefined {
  if (!isObject(body) || !Array.isArray(body.saves)) return undefined;
  const saves = body.saves.filter(
    (save): save is SentSave =>
      isObject(save) && typeof save.seq === 'number' && typeof save.questionId === 'string' && 'answer' in save,
  );
  return saves.length === body.saves.length ? saves : undefined;
}

/**
 * The kept attempt after the server acknowledged a batch of saves: each stored save replaces an older one for its
 * question (never a newer one), and the clock and deadline move to the reply's. Undefined when a body is not what the
 * contract says, so the caller drops the copy.
 *
 * @example
 * withAcknowledgedSaves(kept, { saves: [{ seq: 4, questionId: 'q1', answer, flagged: false }] }, ack);
 */
export function withAcknowledgedSaves(kept: unknown, sent: unknown, ack: unknown): Json | undefined {
  const saves = readSaves(sent);
  if (!isOpenAttempt(kept) || !saves || !isObject(ack) || !Array.isArray(ack.acknowledged)) return undefined;
  if (!isObject(kept.answers) || typeof ack.lastSeq !== 'number' || typeof ack.serverNow !== 'string') return undefined;
  const refused = new Set(
    Array.isArray(ack.refused) ? ack.refused.map((item) => (isObject(item) ? item.seq : -1)) : [],
  );
  const stored = new Set(ack.acknowledged.filter((seq) => !refused.has(seq)));
  const answers: Json = { ...kept.answers };
  for (const save of saves) {
    const held = answers[save.questionId];
    const heldSeq = isObject(held) && typeof held.seq === 'number' ? held.seq : 0;
    if (stored.has(save.seq) && save.seq > heldSeq) {
      answers[save.questionId] = { answer: save.answer, flagged: save.flagged, seq: save.seq };
    }
  }
  const lastSeq = Math.max(typeof kept.lastSeq === 'number' ? kept.lastSeq : 0, ack.lastSeq);
  const deadline = typeof ack.deadline === 'string' ? ack.deadline : kept.deadline;
  return { ...kept, answers, lastSeq, deadline, serverNow: ack.serverNow };
}

/**
 * The kept attempt served offline: its `serverNow` moved on by the time elapsed on this device since it was kept, so
 * the countdown does not restart from the moment of keeping. The server still decides the deadline.
 */
export function advancedServerNow(kept: Json, elapsedMs: number): Json {
  const serverNow = typeof kept.serverNow === 'string' ? Date.parse(kept.serverNow) : Number.NaN;
  if (Number.isNaN(serverNow)) return kept;
  return { ...kept, serverNow: new Date(serverNow + Math.max(0, elapsedMs)).toISOString() };
}
