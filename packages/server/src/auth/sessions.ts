import type { Kysely } from 'kysely';
import type { Database, SessionsTable } from '../db/schema.js';
import type { Identity, RosterRow } from './identity.js';
import { compiledQuery } from '../db/compiled-query.js';
import { hashToken, newToken } from '../ids.js';
import { revokeSession, type StudentIdentity, studentSessionCache } from './student-session-cache.js';

export const SESSION_COOKIE = 'ef_session';

export type { Identity, RosterRow, UserRow } from './identity.js';

/** A new session's row and the secrets only its owner gets (the cookie token is stored hashed). */
export function newSession(
  owner: { userId: string } | { rosterId: string },
  now: Date,
  hours: number,
): { row: SessionsTable; token: string; csrfToken: string } {
  const token = newToken();
  const csrfToken = newToken();
  const row = {
    id: hashToken(token),
    user_id: 'userId' in owner ? owner.userId : null,
    roster_id: 'rosterId' in owner ? owner.rosterId : null,
    csrf_token: csrfToken,
    expires_at: new Date(now.getTime() + hours * 3_600_000).toISOString(),
    created_at: now.toISOString(),
  };
  return { row, token, csrfToken };
}

export async function createSession(
  db: Kysely<Database>,
  owner: { userId: string } | { rosterId: string },
  now: Date,
  hours: number,
): Promise<{ token: string; csrfToken: string }> {
  const { row, token, csrfToken } = newSession(owner, now, hours);
  await db.insertInto('sessions').values(row).execute();
  return { token, csrfToken };
}

/** A session that has not expired, with its student's roster row (all null for a staff member's session). */
const findSession = compiledQuery((db: Kysely<Database>, id, now) =>
  db
    .selectFrom('sessions')
    .leftJoin('roster', 'roster.id', 'sessions.roster_id')
    .select(['sessions.user_id', 'sessions.roster_id', 'sessions.csrf_token', 'sessions.expires_at'])
    .select([
      'roster.id',
      'roster.sitting_id',
      'roster.student_number',
      'roster.name',
      'roster.email',
      'roster.time_multiplier',
      'roster.access_code',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now),
);

/** The identity behind a cookie token; anonymous when the session is unknown or expired. */
export async function resolveIdentity(db: Kysely<Database>, token: string | undefined, now: Date): Promise<Identity> {
  if (!token) return { kind: 'anonymous' };
  const sessionId = hashToken(token);
  // Students' sessions are cached (exam day's every save is a request); staff sessions are read on every request, so
  // a disabled account stops at once on every node.
  const cache = studentSessionCache(db);
  const cached = cache.get(sessionId, now);
  if (cached) return cached;
  // One query for the session and, if it is a student's, its roster row: after the cache, the common case.
  const [session] = await findSession(db, [sessionId, now.toISOString()]);
  if (!session) return { kind: 'anonymous' };
  if (session.user_id) {
    const user = await db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'created_at', 'is_admin', 'disabled_at'])
      .where('id', '=', session.user_id)
      // A disabled account's sessions stop working at once, whichever node the request reaches.
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    return user ? { kind: 'user', sessionId, csrfToken: session.csrf_token, user } : { kind: 'anonymous' };
  }
  if (session.roster_id) {
    const { user_id: _user, roster_id: _roster, csrf_token: _csrf, expires_at: _expires, ...roster } = session;
    // Joined: the roster's columns are all null only when the student's row is gone; otherwise none is.
    if (roster.id === null) return { kind: 'anonymous' };
    const student = roster as RosterRow;
    const identity: StudentIdentity = {
      kind: 'student',
      sessionId,
      csrfToken: session.csrf_token,
      student,
    };
    cache.set(sessionId, identity, now, session.expires_at);
    return identity;
  }
  return { kind: 'anonymous' };
}

/** Ends a session (logout): forgotten here at once, and on every other node at its next read of the revocations. */
export async function deleteSession(db: Kysely<Database>, sessionId: string, now: Date): Promise<void> {
  studentSessionCache(db).forget(sessionId);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
    await revokeSession(trx, sessionId, now);
  });
}
