import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { ManualClock } from '../clock.js';
import { DEFAULT_SETTINGS, type AppContext } from '../context.js';
import { openDatabase, type DatabaseHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { freshDatabase } from '../test-support/databases.js';
import { startPostgresCluster, type PostgresCluster } from '../test-support/postgres-cluster.js';
import { T0 } from '../test-support/test-app.js';

function contextOf(handle: DatabaseHandle): AppContext {
  return {
    db: handle.db,
    dialect: handle.dialect,
    attemptWrites: handle.attemptWrites,
    clock: new ManualClock(T0),
    settings: DEFAULT_SETTINGS,
  };
}

async function get(app: FastifyInstance, url: string, headers: Record<string, string> = {}) {
  const response = await app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, body: response.json<Record<string, any>>(), text: response.body };
}

/** Asks until the reply has `status`: a restarted database takes a moment to accept connections. */
async function untilStatus(app: FastifyInstance, url: string, status: number, timeoutMs = 20_000) {
  const started = Date.now();
  for (;;) {
    const response = await get(app, url);
    if (response.status === status) return response;
    if (Date.now() - started > timeoutMs) throw new Error(`${url} still ${response.status}: ${response.text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('health and readiness on SQLite', () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;

  beforeAll(async () => {
    handle = await freshDatabase('sqlite');
    app = await buildApp(contextOf(handle));
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('says the process is alive, without a session (a stale cookie is not even looked up)', async () => {
    const response = await get(app, '/api/health', { cookie: 'ef_session=stale' });
    expect(response).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('is ready when the database answers and every migration is applied', async () => {
    const response = await get(app, '/api/ready');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ready',
      database: 'sqlite',
      migrations: { applied: expect.any(Number) },
    });
  });

  it('is not ready while a migration is missing, and names it', async () => {
    const { latest } = (await get(app, '/api/ready')).body.migrations as { latest: string };
    const removed = await handle.db
      .withTables<{ kysely_migration: { name: string; timestamp: string } }>()
      .deleteFrom('kysely_migration')
      .where('name', '=', latest)
      .returningAll()
      .executeTakeFirstOrThrow();
    try {
      const response = await get(app, '/api/ready');
      expect(response.status).toBe(503);
      expect(response.body).toEqual({
        code: 'not-ready',
        message: `database migrations not applied: ${latest}`,
        requestId: expect.any(String),
      });
    } finally {
      await handle.db
        .withTables<{ kysely_migration: { name: string; timestamp: string } }>()
        .insertInto('kysely_migration')
        .values(removed)
        .execute();
    }
  });

  it('are described in the OpenAPI document', async () => {
    const paths = (await get(app, '/api/docs/json')).body.paths as Record<string, unknown>;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/api/health', '/api/ready']));
  });
});

describe('readiness on PostgreSQL', () => {
  // A cluster of its own: this test stops its server, which the other test files share.
  let cluster: PostgresCluster;
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const connectionErrors: Error[] = [];

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    handle = openDatabase(cluster.url, { onConnectionError: (error) => connectionErrors.push(error) });
    await migrateToLatest(handle);
    app = await buildApp(contextOf(handle), { metrics: { poolUse: handle.poolUse } });
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
    cluster.stop();
  });

  it('turns 503 when the PostgreSQL server stops and 200 when it is back, while health stays 200', async () => {
    expect((await get(app, '/api/ready')).status).toBe(200);
    cluster.pause();
    const down = await untilStatus(app, '/api/ready', 503);
    expect(down.body.code).toBe('not-ready');
    expect(down.body.message).toMatch(/^the database is not reachable: /);
    expect((await get(app, '/api/health')).status).toBe(200);
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toMatch(/^examforge_database_up 0$/m);
    cluster.resume();
    const up = await untilStatus(app, '/api/ready', 200);
    expect(up.body).toMatchObject({ status: 'ready', database: 'postgres' });
    const pool = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(pool).toMatch(/^examforge_database_up 1$/m);
    expect(pool).toMatch(/^examforge_db_pool_connections\{state="total"\} [1-9]/m);
    expect(pool).toMatch(/^examforge_db_pool_connections\{state="waiting"\} 0$/m);
    // The connection the pool held broke with the server: reported, not a crash of the process.
    expect(connectionErrors.length).toBeGreaterThan(0);
  });
});
