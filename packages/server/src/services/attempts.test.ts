import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttemptStateSchema } from '../api/index.js';
import { closeExpiredAttempts, getAttemptState } from './attempts.js';
import { startJobs } from '../jobs/jobs.js';
import { DIALECTS } from '../test-support/databases.js';
import { expiryEventCounts, insertExpiringAttempts } from '../test-support/expiring-attempts.js';
import { createTestWorld, T0, type TestClient, type TestWorld } from '../test-support/test-app.js';

const choice = (letter: string) => ({ kind: 'choice', selected: [letter] });

describe.each(DIALECTS)('attempts on %s', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { students: 12 });
  });
  afterAll(() => world.close());

  async function startedStudent(index: number): Promise<TestClient> {
    const client = await world.join(world.roster[index]!);
    const started = await client.post('/api/attempt/start');
    expect(started.status).toBe(200);
    return client;
  }

  it('starts with a deadline set by the server: start + duration, within the window', async () => {
    world.clock.set(T0);
    const client = await world.join(world.roster[0]!);
    const state = (await client.post('/api/attempt/start')).body;
    expect(state.status).toBe('open');
    expect(state.startedAt).toBe(T0.toISOString());
    expect(state.deadline).toBe(new Date(T0.getTime() + 120 * 60_000).toISOString());
    expect(state.acceptsUntil).toBe(new Date(T0.getTime() + 121 * 60_000).toISOString());
    world.clock.advance(5_000);
    const again = (await client.post('/api/attempt/start')).body;
    expect(again.startedAt).toBe(T0.toISOString());
    expect(again.serverNow).toBe(new Date(T0.getTime() + 5_000).toISOString());
  });

  it('before the start: no start time, and the overview the start page reads (no question text)', async () => {
    world.clock.set(T0);
    const client = await world.join(world.roster[11]!);
    const state = (await client.get('/api/attempt')).body;
    expect(state).toMatchObject({ status: 'not-started', sitting: { oneQuestionPerPage: false } });
    expect(state.startedAt).toBeUndefined();
    expect(state.exam).toBeUndefined();
    expect(state.overview).toMatchObject({ total: '20', ownDurationSeconds: 7200, timeMultiplier: 1 });
    expect(state.overview.instructions).not.toContain('filled completely');
  });

  it('converges on the highest sequence number whatever the order and however often saves arrive', async () => {
    world.clock.set(T0);
    const client = await startedStudent(1);
    const save = (seq: number, letter: string) => ({
      seq,
      questionId: 'l2-prior',
      answer: choice(letter),
      flagged: false,
    });
    for (const batch of [
      [save(3, 'c')],
      [save(1, 'a')],
      [save(5, 'd'), save(2, 'b')],
      [save(5, 'd')],
      [save(4, 'a')],
      [save(3, 'c')],
    ]) {
      const ack = await client.put('/api/attempt/answers', { saves: batch });
      expect(ack.status).toBe(200);
      expect(ack.body.acknowledged).toEqual(batch.map((s) => s.seq));
    }
    const state = (await client.get('/api/attempt')).body;
    expect(state.answers['l2-prior']).toEqual({ answer: choice('d'), flagged: false, seq: 5 });
    expect(state.lastSeq).toBe(5);
  });

  it('accepts every save up to deadline + grace and none after it', async () => {
    world.clock.set(T0);
    const client = await startedStudent(2);
    const acceptsUntil = new Date((await client.get('/api/attempt')).body.acceptsUntil).getTime();
    const offsets = [-60_000, -1_000, -1, 0, 1, 2, 1_000, 30_000];
    let seq = 0;
    for (const offset of offsets) {
      world.clock.set(new Date(acceptsUntil + offset));
      seq += 1;
      const response = await client.put('/api/attempt/answers', {
        saves: [{ seq, questionId: 'masked-softmax', answer: choice('d'), flagged: false }],
      });
      expect({ offset, status: response.status }).toEqual({ offset, status: offset <= 0 ? 200 : 409 });
      if (offset > 0)
        expect(response.body).toMatchObject({ code: 'attempt-closed', message: expect.stringContaining('time is up') });
    }
  });

  it('closes an abandoned attempt at its deadline with every saved answer, and scores it', async () => {
    world.clock.set(T0);
    const client = await startedStudent(3);
    await client.put('/api/attempt/answers', {
      saves: [{ seq: 1, questionId: 'l2-prior', answer: choice('b'), flagged: false }],
    });
    const deadline = new Date((await client.get('/api/attempt')).body.deadline);
    world.clock.set(new Date(deadline.getTime() - 1));
    await closeExpiredAttempts(world.context);
    expect((await client.get('/api/attempt')).body.status).toBe('open');
    const stop = startJobs(
      world.context,
      (error) => {
        throw error;
      },
      100,
    );
    world.clock.set(deadline);
    const started = Date.now();
    let closedAt: number | undefined;
    while (Date.now() - started < 5_000) {
      const row = await world.context.db
        .selectFrom('attempts')
        .select('closed_at')
        .where('roster_id', '=', world.roster[3]!.id)
        .executeTakeFirstOrThrow();
      if (row.closed_at !== null) {
        closedAt = Date.now();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await stop();
    expect(closedAt, 'the job closed the attempt within 5 s').toBeDefined();
    expect((await client.get('/api/attempt')).body.status).toBe('expired');
    const instructor = await world.logIn('instructor');
    const results = (await instructor.get(`/api/sittings/${world.sitting.id}/results`)).body;
    const row = results.find((r: { rosterId: string }) => r.rosterId === world.roster[3]!.id);
    expect(row).toMatchObject({ status: 'expired', total: '0.5', maximum: '16' });
  });

  it('records when a late close happened, beside the deadline the answers count up to', async () => {
    world.clock.set(T0);
    const client = await startedStudent(4);
    const deadline = new Date((await client.get('/api/attempt')).body.deadline);
    world.clock.set(new Date(deadline.getTime() + 3_000));
    await closeExpiredAttempts(world.context);
    const row = await world.context.db
      .selectFrom('attempts')
      .select(['closed_at', 'closed_recorded_at'])
      .where('roster_id', '=', world.roster[4]!.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      closed_at: deadline.toISOString(),
      closed_recorded_at: new Date(deadline.getTime() + 3_000).toISOString(),
    });
  });

  it('refuses answers after an explicit submit, and keeps what was saved', async () => {
    world.clock.set(T0);
    const client = await startedStudent(4);
    await client.put('/api/attempt/answers', {
      saves: [{ seq: 1, questionId: 'l2-prior', answer: choice('b'), flagged: true }],
    });
    expect((await client.post('/api/attempt/submit')).body.status).toBe('submitted');
    const late = await client.put('/api/attempt/answers', {
      saves: [{ seq: 2, questionId: 'l2-prior', answer: choice('a'), flagged: false }],
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('attempt-closed');
    expect((await client.get('/api/attempt')).body.answers['l2-prior'].seq).toBe(1);
  });

  it('sends the state exactly as its response schema serialises it, before, during and after the attempt', async () => {
    world.clock.set(T0);
    const client = await world.join(world.roster[9]!);
    const student = await world.context.db
      .selectFrom('roster')
      .selectAll()
      .where('id', '=', world.roster[9]!.id)
      .executeTakeFirstOrThrow();
    const expectSchemaBytes = async (response: { text: string; headers: Record<string, unknown> }) => {
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.text).toBe(
        JSON.stringify(AttemptStateSchema.parse(await getAttemptState(world.context, student))),
      );
    };
    await expectSchemaBytes(await client.get('/api/attempt'));
    await expectSchemaBytes(await client.post('/api/attempt/start'));
    await client.put('/api/attempt/answers', {
      saves: [
        { seq: 1, questionId: 'l2-prior', answer: choice('b'), flagged: true },
        {
          seq: 2,
          questionId: 'wasserstein-vs-js',
          answer: { kind: 'text', text: 'a "quoted" \\u0000 answer' },
          flagged: false,
        },
      ],
    });
    await expectSchemaBytes(await client.get('/api/attempt'));
    await expectSchemaBytes(await client.post('/api/attempt/start'));
    await client.post('/api/attempt/submit');
    await expectSchemaBytes(await client.get('/api/attempt'));
  });

  it('gives extra time to a student with an accommodation, but never beyond the window', async () => {
    world.clock.set(new Date(T0.getTime() + 7 * 3_600_000));
    const instructor = await world.logIn('instructor');
    const roster = (
      await instructor.post(`/api/sittings/${world.sitting.id}/roster`, {
        csv: 'id,name,email,extra_time\nx1,Extra,x@x.test,50%',
      })
    ).body;
    const entry = roster.find((r: { studentNumber: string }) => r.studentNumber === 'x1');
    expect(entry.timeMultiplier).toBe(1.5);
    const client = await world.join(entry);
    const state = (await client.post('/api/attempt/start')).body;
    expect(state.deadline).toBe(world.sitting.closesAt);
  });

  it('writes an audit event with every save, in the same transaction', async () => {
    world.clock.set(T0);
    const client = await startedStudent(5);
    await client.put('/api/attempt/answers', {
      saves: [
        { seq: 1, questionId: 'l2-prior', answer: choice('b'), flagged: false },
        { seq: 2, questionId: 'masked-softmax', answer: choice('d'), flagged: false },
      ],
    });
    const attempt = await world.context.db
      .selectFrom('attempts')
      .select('id')
      .where('roster_id', '=', world.roster[5]!.id)
      .executeTakeFirstOrThrow();
    const events = await world.context.db
      .selectFrom('audit_events')
      .selectAll()
      .where('subject', '=', `attempt:${attempt.id}`)
      .where('action', '=', 'answer.saved')
      .execute();
    expect(events.map((e) => JSON.parse(e.data_json).seq)).toEqual([1, 2]);
    await expect(world.context.db.deleteFrom('audit_events').where('id', '=', events[0]!.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(
      world.context.db.updateTable('audit_events').set({ action: 'x' }).where('id', '=', events[0]!.id).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('shows a quiet student as online while their page sends heartbeats, and offline when it stops', async () => {
    world.clock.set(T0);
    const client = await startedStudent(6);
    const instructor = await world.logIn('instructor');
    const connection = async () => {
      const rows = (await instructor.get(`/api/sittings/${world.sitting.id}/monitor`)).body;
      return rows.find((row: { rosterId: string }) => row.rosterId === world.roster[6]!.id).connection;
    };
    expect(await connection()).toBe('online');
    world.clock.advance(60_000);
    expect(await connection()).toBe('idle');
    expect((await client.post('/api/attempt/heartbeat')).status).toBe(200);
    expect(await connection()).toBe('online');
    world.clock.advance(180_000);
    expect(await connection()).toBe('offline');
  });
  it('closes a storm of expired attempts in batches, each exactly once, with two closers racing', async () => {
    const storm = 2_345;
    const deadline = new Date(T0.getTime() - 60_000);
    const ids = await insertExpiringAttempts(world.context.db, {
      sittingId: world.sitting.id,
      count: storm,
      startedAt: new Date(T0.getTime() - 3_600_000),
      deadline,
      prefix: 'storm',
    });
    world.clock.set(T0);
    const counts = await Promise.all([closeExpiredAttempts(world.context), closeExpiredAttempts(world.context)]);
    const closed = await world.context.db
      .selectFrom('attempts')
      .select(['id', 'closed_at', 'close_reason'])
      .where('id', 'like', 'storm-%')
      .execute();
    expect(closed).toHaveLength(storm);
    expect(closed.every((row) => row.closed_at === deadline.toISOString() && row.close_reason === 'expired')).toBe(
      true,
    );
    const events = await expiryEventCounts(world.context.db, ids);
    expect([...events.values()].every((count) => count === 1)).toBe(true);
    expect(counts[0] + counts[1]).toBe(storm);
    expect(await closeExpiredAttempts(world.context)).toBe(0);
  });
});
