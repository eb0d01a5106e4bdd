import { seededRandom } from '@examforge/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { seedWrittenAnswers, WRITTEN } from '../test-support/grading-seed.js';
import type { TestClient } from '../test-support/test-app.js';
import { PASSWORD, type TestWorld, createTestWorld } from '../test-support/test-app.js';
import { newId } from '../ids.js';

const ANSWERS = 1_000;
const GRADERS = 10;
/** The budget: the race stops when every answer is graded, or fails the test when this runs out. */
const BUDGET_MS = 120_000;
const POINTS: Record<string, number> = { 'js-constant': 1, 'w1-gradient': 1 };

interface Outcome {
  attemptId: string;
  version: number;
  items: string[];
}

/**
 * The concurrency test: ten graders race over a thousand answers through the HTTP API, each taking the next
 * ungraded answer (claimed) and, one time in ten, grading an answer straight from the queue list with the version
 * the list showed (a write that races the others). No answer may be graded twice without a recorded conflict, no
 * grade may be lost, and the totals must equal a recomputation from the stored rubric applications.
 */
describe.each(DIALECTS)('ten graders at once on %s', (dialect) => {
  let world: TestWorld;
  let attempts: string[];
  let graders: TestClient[];
  beforeAll(async () => {
    world = await createTestWorld(dialect, { students: 1 });
    attempts = await seedWrittenAnswers(
      world,
      Array.from({ length: ANSWERS }, (_, index) => `answer ${index % 37}: $W_1 = |\\theta|$`),
    );
    graders = await Promise.all(Array.from({ length: GRADERS }, (_, index) => addGrader(world, index)));
  });
  afterAll(() => world.close());

  it(
    'grades every answer once per version, records every conflict and loses nothing',
    { timeout: 180_000 },
    async () => {
      const base = `/api/sittings/${world.sitting.id}/grading/${WRITTEN}`;
      const written: Outcome[] = [];
      let refused = 0;
      const deadline = Date.now() + BUDGET_MS;
      const race = async (grader: TestClient, index: number) => {
        const random = seededRandom(`grader-${index}`);
        const pickItems = () => Object.keys(POINTS).filter(() => random() < 0.5);
        let after: string | undefined;
        while (Date.now() < deadline) {
          let target: { attemptId: string; version: number } | undefined;
          if (random() < 0.1) {
            const listed = (await grader.get(`${base}?filter=ungraded`)).body.entries as {
              attemptId: string;
              version: number;
            }[];
            target = listed[Math.floor(random() * listed.length)];
          } else {
            const next = (await grader.post(`${base}/next`, after ? { after } : {})).body;
            if (next.answer) target = { attemptId: next.answer.attemptId, version: next.answer.grade?.version ?? 0 };
            else if (next.progress.ungraded === 0) return;
          }
          if (!target) {
            // Everything left is held by others: let them work, then look again.
            await new Promise((resolve) => setImmediate(resolve));
            continue;
          }
          after = target.attemptId;
          const items = pickItems();
          const saved = await grader.put(`${base}/answers/${target.attemptId}/grade`, {
            items,
            expectedVersion: target.version,
          });
          if (saved.status === 200)
            written.push({ attemptId: target.attemptId, version: saved.body.grade.version, items });
          else if (saved.status === 409 && saved.body.code === 'grade-conflict') refused += 1;
          else throw new Error(`grading failed: ${saved.status} ${saved.text}`);
        }
      };
      await Promise.all(graders.map(race));
      expect(Date.now(), 'the graders ran out of budget').toBeLessThan(deadline);

      const stored = await world.context.db.selectFrom('grades').selectAll().execute();
      expect(stored).toHaveLength(ANSWERS);
      const events = await world.context.db
        .selectFrom('audit_events')
        .select(['action', 'subject', 'data_json'])
        .execute();
      const applied = events.filter((event) => event.action === 'grade.applied');
      // Every refused write is in the audit trail, and every accepted one: no grade lost, none unrecorded.
      expect(events.filter((event) => event.action === 'grade.conflict')).toHaveLength(refused);
      expect(applied).toHaveLength(written.length);
      // Each answer's accepted writes are versions 1, 2, … with no version given twice: a second "first grade" is
      // always a refused, recorded conflict.
      const versions = new Map<string, number[]>();
      for (const outcome of written)
        versions.set(outcome.attemptId, [...(versions.get(outcome.attemptId) ?? []), outcome.version]);
      for (const row of stored) {
        const accepted = (versions.get(row.attempt_id) ?? []).sort((a, b) => a - b);
        expect(accepted).toEqual(Array.from({ length: row.version }, (_, index) => index + 1));
        const last = written.find((outcome) => outcome.attemptId === row.attempt_id && outcome.version === row.version);
        expect(JSON.parse(row.items_json)).toEqual(last?.items);
      }
      // Totals equal a recomputation from the stored applications (every other question of these attempts is blank).
      const results = (await (await world.logIn('instructor')).get(`/api/sittings/${world.sitting.id}/results`))
        .body as {
        attemptId?: string;
        total?: string;
        ungraded: string[];
      }[];
      const byAttempt = new Map(results.map((row) => [row.attemptId, row]));
      for (const row of stored) {
        const items = JSON.parse(row.items_json) as string[];
        const expected = Math.min(
          2,
          items.reduce((sum, id) => sum + (POINTS[id] ?? 0), 0),
        );
        expect(byAttempt.get(row.attempt_id)).toMatchObject({ total: String(expected), ungraded: [] });
      }
      console.info(`${dialect}: ${written.length} grades written, ${refused} conflicts refused and recorded`);
      expect(attempts).toHaveLength(ANSWERS);
    },
  );
});

async function addGrader(world: TestWorld, index: number): Promise<TestClient> {
  const hash = await world.context.db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', world.users.grader.id)
    .executeTakeFirstOrThrow();
  const id = newId();
  const email = `racer${index}@examforge.test`;
  await world.context.db
    .insertInto('users')
    .values({
      id,
      email,
      name: `Racer ${index}`,
      role: 'grader',
      password_hash: hash.password_hash,
      created_at: new Date(0).toISOString(),
    })
    .execute();
  await world.context.db
    .insertInto('exam_staff')
    .values({ exam_id: world.examId, user_id: id, role: 'grader' })
    .execute();
  const client = world.client();
  const login = await client.post('/api/auth/login', { email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login failed: ${login.text}`);
  return client;
}
