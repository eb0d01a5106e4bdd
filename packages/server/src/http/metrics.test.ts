import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../test-support/test-app.js';

const TOKEN = 'scrape-token-for-the-metrics-test';

/** The value of one sample line (`name{labels} value`) of a Prometheus text exposition. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let world: TestWorld;
  let second: TestWorld;

  beforeAll(async () => {
    world = await createTestWorld('sqlite', { app: { metrics: { token: TOKEN } } });
    // A second app in the same process: each has its own registry, so neither refuses the other's metric names.
    second = await createTestWorld('sqlite', { app: { metrics: {} } });
  });
  afterAll(async () => {
    await world.close();
    await second.close();
  });

  const scrape = (token = TOKEN) =>
    world.client().request('GET', '/metrics', undefined, { authorization: `Bearer ${token}` });

  it('wants the scrape token when one is set', async () => {
    const refused = await scrape('not-the-token');
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'unauthorized' });
    expect((await second.client().get('/metrics')).status).toBe(200);
  });

  it('has request and save latency histograms, by route pattern, after a few requests and a save', async () => {
    const student = await world.join(world.roster[0]!);
    await student.post('/api/attempt/start');
    const saved = await student.put('/api/attempt/answers', {
      saves: [{ seq: 1, questionId: 'l2-prior', answer: { kind: 'choice', selected: ['b'] }, flagged: false }],
    });
    expect(saved.status).toBe(200);
    const staff = await world.logIn('instructor');
    await staff.get(`/api/sittings/${world.sitting.id}`);
    await staff.get('/api/sittings/no-such-sitting');
    await staff.get('/api/no/such/route');

    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.text;
    const requests = 'examforge_http_request_duration_seconds_count';
    expect(sample(text, `${requests}{method="PUT",route="/api/attempt/answers",status_class="2xx"}`)).toBe(1);
    expect(sample(text, `${requests}{method="GET",route="/api/sittings/:sittingId",status_class="2xx"}`)).toBe(1);
    expect(sample(text, `${requests}{method="GET",route="/api/sittings/:sittingId",status_class="4xx"}`)).toBe(1);
    expect(sample(text, `${requests}{method="GET",route="unmatched",status_class="4xx"}`)).toBe(1);
    expect(text).not.toContain(world.sitting.id);
    expect(sample(text, 'examforge_attempt_save_duration_seconds_count{status_class="2xx"}')).toBe(1);
    expect(sample(text, 'examforge_attempt_save_duration_seconds_bucket{le="+Inf",status_class="2xx"}')).toBe(1);
    expect(sample(text, 'examforge_active_attempts')).toBe(1);
    expect(sample(text, 'examforge_database_up')).toBe(1);
    expect(sample(text, 'examforge_scan_batches{status="queued"}')).toBe(0);
    expect(sample(text, 'examforge_scan_batches{status="reading"}')).toBe(0);
    expect(sample(text, 'examforge_job_lag_seconds')).toBe(0);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    // SQLite has no pool to report.
    expect(text).not.toContain('examforge_db_pool_connections');
  });

  it('reports job lag: how long the oldest attempt past its deadline has waited to be closed', async () => {
    const attempt = await world.context.db
      .selectFrom('attempts')
      .select('deadline_at')
      .where('closed_at', 'is', null)
      .executeTakeFirstOrThrow();
    // The clock moves 90 s past the deadline and no job runs in this test app.
    world.clock.set(new Date(Date.parse(attempt.deadline_at) + 90_000));
    expect(sample((await scrape()).text, 'examforge_job_lag_seconds')).toBe(90);
  });
});
