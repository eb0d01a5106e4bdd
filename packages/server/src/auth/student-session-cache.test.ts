import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/connect.js';
import { DIALECTS } from '../test-support/databases.js';
import { createTestWorld, T0, type TestWorld } from '../test-support/test-app.js';
import { createSession, deleteSession, resolveIdentity } from './sessions.js';
import { REVOCATIONS_TRUSTED_MS, STUDENT_SESSION_CACHE_MS, studentSessionCache } from './student-session-cache.js';
import { importRoster } from '../services/roster.js';

/**
 * Two nodes on one database: the test world's app is node A, a second handle on the same database is node B, each
 * with its own cache of students' sessions. A row deleted behind the cache's back shows whether B answered from its
 * cache or from the database.
 */
describe.each(DIALECTS)('students’ sessions cached across nodes on %s', (dialect) => {
  let world: TestWorld;
  let nodeB: DatabaseHandle;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { students: 4 });
    nodeB = openDatabase(world.databaseUrl);
  });
  afterAll(async () => {
    await nodeB.close();
    await world.close();
  });

  const rosterId = (index: number) => world.roster[index]?.id ?? '';
  const behindTheCache = (token: string) =>
    world.context.db.deleteFrom('sessions').where('csrf_token', '=', token).execute();

  it('answers from the cache while revocations are read, and from the database once they are not', async () => {
    const now = new Date(T0);
    const { token, csrfToken } = await createSession(world.context.db, { rosterId: rosterId(0) }, now, 4);
    await studentSessionCache(nodeB.db).sync(nodeB.db, now);
    expect(await resolveIdentity(nodeB.db, token, now)).toMatchObject({ kind: 'student' });
    await behindTheCache(csrfToken);
    // Still cached on B: the row was deleted without a revocation.
    expect(await resolveIdentity(nodeB.db, token, now)).toMatchObject({ kind: 'student' });
    // B has not read the revocations for too long: it trusts no cached session.
    const later = new Date(now.getTime() + REVOCATIONS_TRUSTED_MS);
    expect(await resolveIdentity(nodeB.db, token, later)).toEqual({ kind: 'anonymous' });
  });

  it('forgets a session logged out on another node at its next read of the revocations', async () => {
    const now = new Date(T0);
    const { token } = await createSession(world.context.db, { rosterId: rosterId(1) }, now, 4);
    await studentSessionCache(nodeB.db).sync(nodeB.db, now);
    const identity = await resolveIdentity(nodeB.db, token, now);
    expect(identity).toMatchObject({ kind: 'student' });
    if (identity.kind !== 'student') return;
    await deleteSession(world.context.db, identity.sessionId, now);
    await studentSessionCache(nodeB.db).sync(nodeB.db, new Date(now.getTime() + 1_000));
    expect(await resolveIdentity(nodeB.db, token, new Date(now.getTime() + 1_000))).toEqual({ kind: 'anonymous' });
  });

  it('reads a student’s row again on every node when a roster import changes it', async () => {
    const now = new Date(T0);
    const entry = world.roster[2];
    if (!entry) throw new Error('the world has four students');
    const { token } = await createSession(world.context.db, { rosterId: entry.id }, now, 4);
    await studentSessionCache(nodeB.db).sync(nodeB.db, now);
    expect(await resolveIdentity(nodeB.db, token, now)).toMatchObject({ student: { time_multiplier: 1 } });
    await importRoster(
      world.context,
      world.users.instructor,
      world.sitting.id,
      `id,name,email,extra_time\n${entry.studentNumber},${entry.name},${entry.email},50%\n`,
    );
    await studentSessionCache(nodeB.db).sync(nodeB.db, new Date(now.getTime() + 1_000));
    expect(await resolveIdentity(nodeB.db, token, new Date(now.getTime() + 1_000))).toMatchObject({
      student: { time_multiplier: 1.5 },
    });
  });

  it('keeps a session no longer than its cache time, however often revocations are read', async () => {
    const now = new Date(T0);
    const { token, csrfToken } = await createSession(world.context.db, { rosterId: rosterId(3) }, now, 4);
    await studentSessionCache(nodeB.db).sync(nodeB.db, now);
    expect(await resolveIdentity(nodeB.db, token, now)).toMatchObject({ kind: 'student' });
    await behindTheCache(csrfToken);
    const end = new Date(now.getTime() + STUDENT_SESSION_CACHE_MS);
    await studentSessionCache(nodeB.db).sync(nodeB.db, end);
    expect(await resolveIdentity(nodeB.db, token, end)).toEqual({ kind: 'anonymous' });
  });
});
