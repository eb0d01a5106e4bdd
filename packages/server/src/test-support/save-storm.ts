import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { HttpStudent } from './http-student.js';

/** Choice questions of the bundled exam the storms answer, in turn. */
export const STORM_QUESTIONS = [
  'l2-prior',
  'perceptron-update-loss',
  'masked-softmax',
  'batched-matmul',
  'lstm-forget-input-gates',
  'gan-generator-gradient',
];

export interface AckedSave {
  readonly questionId: string;
  readonly seq: number;
  readonly letter: string;
}

export interface SaveStorm {
  /** Per student (in the order of the access codes), the saves the server acknowledged, in order. */
  readonly acked: readonly (readonly AckedSave[])[];
  ackedCount(): number;
  /** Replies by HTTP status (0: no reply), e.g. how many saves were refused with 503 while the server shed load. */
  readonly statuses: Map<number, number>;
  /** The first save refused with 503: its error code and `Retry-After` (seconds), once there is one. */
  firstRefusal(): { readonly code: unknown; readonly retryAfter: number | undefined } | undefined;
  /** Resolves once at least `count` saves are acknowledged; rejects after `budgetMs` (a machine too slow to get there). */
  waitForAcked(count: number, budgetMs: number): Promise<void>;
  /** Stops every student after their save in flight; resolves when all have stopped. */
  stop(): Promise<void>;
}

/**
 * Students saving answers one after another as fast as the server acknowledges them, each through its own base URL
 * (one server, or the proxy in front of several). A save that fails (the server killed, a connection reset) is not
 * acknowledged; the student tries the next one, as the web app's outbox would.
 */
export function startSaveStorm(students: readonly HttpStudent[]): SaveStorm {
  const acked: AckedSave[][] = students.map(() => []);
  const statuses = new Map<number, number>();
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
  let refusal: { code: unknown; retryAfter: number | undefined } | undefined;
  let stopping = false;
  const runs = students.map(async (student, index) => {
    let seq = 0;
    while (!stopping) {
      seq += 1;
      const questionId = STORM_QUESTIONS[seq % STORM_QUESTIONS.length]!;
      const letter = 'abcd'[(seq * 7 + index) % 4]!;
      try {
        const reply = await student.request('PUT', '/api/attempt/answers', {
          saves: [{ seq, questionId, answer: { kind: 'choice', selected: [letter] }, flagged: false }],
        });
        count(reply.status);
        if (reply.status === 503) refusal ??= { code: reply.json?.code, retryAfter: reply.retryAfter };
        if (reply.status === 200) acked[index]!.push({ questionId, seq, letter });
      } catch {
        count(0);
        // not acknowledged: the server went away mid-request; a short pause keeps a dead server from spinning us
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  });
  const ackedCount = () => acked.reduce((sum, list) => sum + list.length, 0);
  return {
    acked,
    ackedCount,
    statuses,
    firstRefusal: () => refusal,
    async waitForAcked(count, budgetMs) {
      const deadline = Date.now() + budgetMs;
      while (ackedCount() < count) {
        if (Date.now() > deadline)
          throw new Error(`only ${ackedCount()} of ${count} saves acknowledged within ${budgetMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async stop() {
      stopping = true;
      await Promise.all(runs);
    },
  };
}

/**
 * The acknowledged saves a database does not hold: for each student (by access code, in the storm's order) and
 * question, the latest acknowledged save must be stored, or a later one (an unacknowledged save may or may not be).
 */
export async function findLostSaves(
  db: Kysely<Database>,
  accessCodes: readonly string[],
  acked: readonly (readonly AckedSave[])[],
): Promise<string[]> {
  const rows = await db
    .selectFrom('answers')
    .innerJoin('attempts', 'attempts.id', 'answers.attempt_id')
    .innerJoin('roster', 'roster.id', 'attempts.roster_id')
    .select(['roster.access_code', 'answers.question_id', 'answers.seq', 'answers.answer_json'])
    .execute();
  const stored = new Map(rows.map((row) => [`${row.access_code}/${row.question_id}`, row]));
  const lost: string[] = [];
  accessCodes.forEach((code, index) => {
    const latest = new Map<string, AckedSave>();
    for (const save of acked[index] ?? []) latest.set(save.questionId, save);
    for (const save of latest.values()) {
      const row = stored.get(`${code}/${save.questionId}`);
      const content = JSON.stringify({ kind: 'choice', selected: [save.letter] });
      if (!row || row.seq < save.seq || (row.seq === save.seq && row.answer_json !== content))
        lost.push(`${code} ${save.questionId} seq ${save.seq}`);
    }
  });
  return lost;
}
