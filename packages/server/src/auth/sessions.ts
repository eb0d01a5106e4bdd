import type { Kysely } from 'kysely';
import type { Database, RosterTable, SessionsTable, UsersTable } from '../db/schema.js';
import { compiledQuery } from '../db/compiled-query.js';
import { hashToken, newToken } from '../ids.js';

export const SESSION_COOKIE = 'ef_session';

/** Who is calling: resolved once per request from the session cookie. */
export type Identity =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'user'; readonly sessionId: string; readonly csrfToken: string; readonly user: UserRow }
  | { readonly kind: 'student'; readonly sessionId: string; readonly csrfToken: string; readonly student: RosterRow };

export type UserRow = Omit<UsersTable, 'password_hash'>;
export type RosterRow = RosterTable;

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

/**
 * How long this process trusts a student's session without reading it again: exam day's every save is a request, and
 * two queries each to learn who is calling was a third of a save's work (decision 0014). Expiry, not a version: a
 * student's session ends at logout (forgotten here at once; other nodes within this time) or at its expiry (kept).
 * Staff sessions are read on every request, so a disabled account stops at once on every node.
 */
export const STUDENT_SESSION_CACHE_MS = 10_000;
const STUDENT_SESSION_CACHE_SIZE = 50_000;

type StudentIdentity = Extract<Identity, { kind: 'student' }>;
/** Per database handle (several apps in one test process do not share sessions): session id → identity. */
const studentSessions = new WeakMap<Kysely<Database>, Map<string, { identity: StudentIdentity; until: number }>>();

function studentSessionsOf(db: Kysely<Database>) {
  let cache = studentSessions.get(db);
  if (!cache) studentSessions.set(db, (cache = new Map<string, { identity: StudentIdentity; until: number }>()));
  return cache;
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
  const cache = studentSessionsOf(db);
  const cached = cache.get(sessionId);
  if (cached && cached.until > now.getTime()) return cached.identity;
  cache.delete(sessionId);
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
    if (cache.size >= STUDENT_SESSION_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    const until = Math.min(now.getTime() + STUDENT_SESSION_CACHE_MS, new Date(session.expires_at).getTime());
    cache.set(sessionId, { identity, until });
    return identity;
  }
  return { kind: 'anonymous' };
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  studentSessionsOf(db).delete(sessionId);
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}
