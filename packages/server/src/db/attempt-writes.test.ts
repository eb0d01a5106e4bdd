import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { createTestWorld, T0, type TestWorld } from '../test-support/test-app.js';
import type { AttemptWrite, AuditRow } from './attempt-writes.js';
import type { AttemptsTable } from './schema.js';

/**
 * One group holding every kind of exam-day write, as the group committer forms it when they arrive in the same turn:
 * on PostgreSQL one statement, on SQLite one transaction. Each write gets its own result, and the rows and audit
 * events are exactly those the writes mean.
 */
describe.each(DIALECTS)('a group of attempt writes on %s', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { students: 3 });
  });
  afterAll(() => world.close());

  const at = T0.toISOString();
  const event = (action: string, subject: string): AuditRow => ({
    at,
    actorKind: 'student',
    actorId: 'student',
    action,
    subject,
    dataJson: '{}',
  });
  const attempt = (id: string, rosterId: string): AttemptsTable => ({
    id,
    sitting_id: world.sitting.id,
    roster_id: rosterId,
    variant_seed: `seed-${id}`,
    started_at: at,
    deadline_at: new Date(T0.getTime() + 3_600_000).toISOString(),
    accepts_until: new Date(T0.getTime() + 3_660_000).toISOString(),
    closed_at: null,
    closed_recorded_at: null,
    close_reason: null,
    last_seq: 0,
    last_save_at: null,
    last_seen_at: null,
    generated_json: null,
  });
  const start = (id: string, rosterId: string): AttemptWrite => ({
    kind: 'start',
    attempt: attempt(id, rosterId),
    event: event('attempt.started', `attempt:${id}`),
  });
  const save = (attemptId: string, questionId: string, seq: number, letter: string): AttemptWrite => ({
    kind: 'save',
    attemptId,
    at,
    answers: [{ questionId, answerJson: JSON.stringify({ kind: 'choice', selected: [letter] }), flagged: false, seq }],
    events: [event('answer.saved', `attempt:${attemptId}`)],
  });
  const submitTogether = (writes: readonly AttemptWrite[]) =>
    Promise.all(writes.map((write) => world.context.attemptWrites.submit(write)));

  it('applies sessions, starts (a second start of the same student does nothing), saves and heartbeats together', async () => {
    const [first, second, third] = world.roster.map((entry) => entry.id);
    if (!first || !second || !third) throw new Error('the test world has three students');
    const before = world.context.attemptWrites.committed.groups;
    await submitTogether([start(`${dialect}-a`, first)]);
    const results = await submitTogether([
      {
        kind: 'session',
        session: {
          id: `${dialect}-session`,
          user_id: null,
          roster_id: second,
          csrf_token: 'x',
          expires_at: at,
          created_at: at,
        },
      },
      start(`${dialect}-b`, second),
      start(`${dialect}-b-again`, second),
      start(`${dialect}-a-again`, first),
      save(`${dialect}-a`, 'l2-prior', 3, 'b'),
      save(`${dialect}-a`, 'l2-prior', 2, 'c'),
      save(`${dialect}-a`, 'masked-softmax', 1, 'a'),
      { kind: 'seen', attemptId: `${dialect}-a`, at },
    ]);
    // The second group is one commit.
    expect(world.context.attemptWrites.committed.groups).toBe(before + 2);
    expect(results).toEqual([1, 1, 0, 0, 3, 3, 3, 3]);

    const db = world.context.db;
    const attempts = await db.selectFrom('attempts').select(['id', 'roster_id', 'last_seq']).orderBy('id').execute();
    expect(attempts.filter((row) => row.id.startsWith(dialect))).toEqual([
      { id: `${dialect}-a`, roster_id: first, last_seq: 3 },
      { id: `${dialect}-b`, roster_id: second, last_seq: 0 },
    ]);
    const answers = await db
      .selectFrom('answers')
      .select(['question_id', 'answer_json', 'seq'])
      .where('attempt_id', '=', `${dialect}-a`)
      .orderBy('question_id')
      .execute();
    expect(answers).toEqual([
      { question_id: 'l2-prior', answer_json: '{"kind":"choice","selected":["b"]}', seq: 3 },
      { question_id: 'masked-softmax', answer_json: '{"kind":"choice","selected":["a"]}', seq: 1 },
    ]);
    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'subject'])
      .where('subject', 'like', `attempt:${dialect}-%`)
      .orderBy('id')
      .execute();
    // A start's event only for the attempt it created; every save's event, the overtaken one too.
    expect(events.filter((row) => row.action === 'attempt.started').map((row) => row.subject)).toEqual([
      `attempt:${dialect}-a`,
      `attempt:${dialect}-b`,
    ]);
    expect(events.filter((row) => row.action === 'answer.saved')).toHaveLength(3);
    const session = await db.selectFrom('sessions').selectAll().where('id', '=', `${dialect}-session`).execute();
    expect(session).toHaveLength(1);
  });
});
