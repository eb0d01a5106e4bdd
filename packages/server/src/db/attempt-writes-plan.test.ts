import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../test-support/databases.js';
import { attemptWritesStatement } from './attempt-writes-postgres.js';
import type { DatabaseHandle } from './connect.js';

/**
 * On exam day `attempts` grows from empty to thousands of rows within a minute, before PostgreSQL's statistics catch
 * up. A group's statement must still reach the attempts it updates through the primary key: a plan that scanned the
 * table cost 3 ms a group at 10,000 students.
 */
describe('the PostgreSQL group statement on a full attempts table', () => {
  let handle: DatabaseHandle & { url: string };
  let client: pg.Client;
  beforeAll(async () => {
    handle = await freshDatabase('postgres');
    client = new pg.Client({ connectionString: handle.url });
    await client.connect();
    // Rows without their sitting and roster: foreign keys are not what this test is about.
    await client.query('SET session_replication_role = replica');
    const at = '2026-12-07T09:00:00.000Z';
    await client.query(
      `INSERT INTO attempts (id, sitting_id, roster_id, variant_seed, started_at, deadline_at, accepts_until, last_seq)
       SELECT 'attempt-' || n, 'sitting', 'roster-' || n, 'seed', $1, $1, $1, 0 FROM generate_series(1, 10000) AS n`,
      [at],
    );
  });
  afterAll(async () => {
    await client.end();
    await handle.close();
  });

  it('reads the attempts of a group of saves by their primary key, never the whole table', async () => {
    const saves = [17, 4242, 9999].map((n) => ({
      kind: 'save' as const,
      attemptId: `attempt-${n}`,
      at: '2026-12-07T09:01:00.000Z',
      answers: [{ questionId: 'l2-prior', answerJson: '{}', flagged: false, seq: 1 }],
      events: [],
    }));
    const { text, values } = attemptWritesStatement(saves);
    const explained = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, values);
    const plan = explained.rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(plan).toMatch(/Index Scan (using|on) attempts_pkey/);
    expect(plan).not.toMatch(/Seq Scan on attempts/);
  });
});
