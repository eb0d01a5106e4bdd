import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { openDatabase } from '../db/connect.js';
import { DIALECTS, freshDatabase } from '../test-support/databases.js';
import { createTestWorld, PASSWORD, T0, TestClient, type TestWorld } from '../test-support/test-app.js';
import { DEFAULT_ABUSE_LIMITS, slowdownDelayMs, type AbuseLimits } from './abuse-limits.js';

const LIMITS: AbuseLimits = {
  loginPerAccountAddress: { limit: 4, windowSeconds: 600 },
  loginPerAddress: { limit: 12, windowSeconds: 600 },
  loginSlowdown: { limit: 3, windowSeconds: 600, firstDelayMs: 20, maxDelayMs: 40 },
  joinPerAddress: { limit: 30, windowSeconds: 600 },
};
const ATTACKER = '203.0.113.7';
const from = (address: string) => ({ 'x-forwarded-for': address, 'content-type': 'application/json' });

describe.each(DIALECTS)('abuse limits on %s', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { settings: { limits: LIMITS } });
  });
  afterAll(() => world.close());

  const join = (client: TestClient, accessCode: string, address: string) =>
    client.request('POST', '/api/student/join', { accessCode }, from(address));
  const logIn = (email: string, password: string, address: string) =>
    world.client().request('POST', '/api/auth/login', { email, password }, from(address));

  it('throttles 1,000 wrong access codes from one address; a right code from another address still joins', async () => {
    world.clock.set(T0);
    const statuses: number[] = [];
    const client = world.client();
    for (let batch = 0; batch < 20; batch += 1) {
      const replies = await Promise.all(
        Array.from({ length: 50 }, (_, i) => join(client, `ZZZZ-${String(batch * 50 + i).padStart(4, '0')}`, ATTACKER)),
      );
      for (const reply of replies) {
        statuses.push(reply.status);
        expect(reply.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        if (reply.status === 429) {
          expect(reply.body.code).toBe('too-many-attempts');
          expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
    }
    expect(statuses.filter((status) => status === 401)).toHaveLength(LIMITS.joinPerAddress.limit);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1000 - LIMITS.joinPerAddress.limit);
    expect((await join(world.client(), world.roster[0]!.accessCode, '198.51.100.2')).status).toBe(200);
    // The guessing address is refused even a right code until its window ends: a refusal reveals nothing.
    expect((await join(world.client(), world.roster[1]!.accessCode, ATTACKER)).status).toBe(429);
    world.clock.advance(LIMITS.joinPerAddress.windowSeconds * 1000);
    expect((await join(world.client(), world.roster[1]!.accessCode, ATTACKER)).status).toBe(200);
  });

  it('does not count right access codes: a hall behind one address joins whole', async () => {
    world.clock.set(new Date(T0.getTime() + 3_600_000));
    for (let i = 0; i < LIMITS.joinPerAddress.limit + 5; i += 1) {
      expect((await join(world.client(), world.roster[i % 3]!.accessCode, '192.0.2.50')).status).toBe(200);
    }
  });

  it('failed logins for an email from one address do not stop the right password from another address', async () => {
    world.clock.set(T0);
    const email = world.users.owner.email;
    const replies = [];
    for (let i = 0; i < 8; i += 1) replies.push(await logIn(email, 'wrong', ATTACKER));
    expect(replies.map((reply) => reply.status)).toEqual([401, 401, 401, 401, 429, 429, 429, 429]);
    expect(replies[4]!.body.message).toMatch(/try again in 10 minutes/);
    expect((await logIn(email, PASSWORD, '198.51.100.9')).status).toBe(200);
    // From the attacker's address this email stays refused until the window ends, the right password included.
    expect((await logIn(email, PASSWORD, ATTACKER)).status).toBe(429);
    world.clock.advance(LIMITS.loginPerAccountAddress.windowSeconds * 1000);
    expect((await logIn(email, PASSWORD, ATTACKER)).status).toBe(200);
  });

  it('slows the failures for an email past its free ones, never the right password', async () => {
    world.clock.set(new Date(T0.getTime() + 2 * 3_600_000));
    const email = world.users.grader.email;
    for (let i = 0; i < LIMITS.loginSlowdown.limit; i += 1) {
      expect((await logIn(email, 'wrong', `198.51.100.${100 + i}`)).status).toBe(401);
    }
    const started = performance.now();
    expect((await logIn(email, 'wrong', '198.51.100.120')).status).toBe(401);
    expect(performance.now() - started).toBeGreaterThanOrEqual(LIMITS.loginSlowdown.firstDelayMs - 1);
    expect((await logIn(email, PASSWORD, '198.51.100.121')).status).toBe(200);
  });

  it('limits one address trying many emails', async () => {
    world.clock.set(new Date(T0.getTime() + 3 * 3_600_000));
    const statuses = [];
    for (let i = 0; i < LIMITS.loginPerAddress.limit + 3; i += 1) {
      statuses.push((await logIn(`nobody${i}@x.test`, 'wrong', '192.0.2.99')).status);
    }
    expect(statuses.filter((status) => status === 429)).toHaveLength(3);
    expect((await logIn(world.users.instructor.email, PASSWORD, '192.0.2.98')).status).toBe(200);
  });

  it('shares its counts between two app instances, each with its own connection to the database', async () => {
    const database = await freshDatabase(dialect);
    const other = openDatabase(database.url);
    const contexts = [database, other].map((handle) => ({
      ...world.context,
      db: handle.db,
      dialect: handle.dialect,
      attemptWrites: handle.attemptWrites,
    }));
    const apps = await Promise.all(contexts.map((context) => buildApp(context, { trustProxy: 1 })));
    try {
      const [first, second] = apps.map((app) => new TestClient(app));
      for (let i = 0; i < LIMITS.joinPerAddress.limit; i += 1) {
        expect((await join(first!, `YYYY-${String(i).padStart(4, '0')}`, '192.0.2.77')).status).toBe(401);
      }
      const refused = await join(second!, 'YYYY-9999', '192.0.2.77');
      expect(refused.status).toBe(429);
      expect((await join(second!, 'YYYY-9999', '192.0.2.78')).status).toBe(401);
    } finally {
      await Promise.all(apps.map((app) => app.close()));
      await other.close();
      await database.close();
    }
  });
});

describe('the login slowdown', () => {
  it('waits nothing for the free failures, then doubles up to its cap', () => {
    const slowdown = DEFAULT_ABUSE_LIMITS.loginSlowdown;
    const delays = [1, 5, 6, 7, 8, 9, 10, 11, 50].map((failures) => slowdownDelayMs(slowdown, failures));
    expect(delays).toEqual([0, 0, 500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });
});
