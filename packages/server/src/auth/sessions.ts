import type { Kysely } from 'kysely';
import type { Database, RosterTable, UsersTable } from '../db/schema.js';
import { hashToken, newToken } from '../ids.js';

export const SESSION_COOKIE = 'ef_session';

/** Who is calling: resolved once per request from the session cookie. */
export type Identity =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'user'; readonly sessionId: string; readonly csrfToken: string; readonly user: UserRow }
  | { readonly kind: 'student'; readonly sessionId: string; readonly csrfToken: string; readonly student: RosterRow };

export type UserRow = Omit<UsersTable, 'password_hash'>;
export type RosterRow = RosterTable;

export async function createSession(
  db: Kysely<Database>,
  owner: { userId: string } | { rosterId: string },
  now: Date,
  hours: number,
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: 'userId' in owner ? owner.userId : null,
      roster_id: 'rosterId' in owner ? owner.rosterId : null,
      csrf_token: csrfToken,
      expires_at: new Date(now.getTime() + hours * 3_600_000).toISOString(),
      created_at: now.toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

/** The identity behind a cookie token; anonymous when the session is unknown or expired. */
export async function resolveIdentity(db: Kysely<Database>, token: string | undefined, now: Date): Promise<Identity> {
  if (!token) return { kind: 'anonymous' };
  const session = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', hashToken(token))
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!session) return { kind: 'anonymous' };
  if (session.user_id) {
    const user = await db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'created_at', 'is_admin', 'disabled_at'])
      .where('id', '=', session.user_id)
      // A disabled account's sessions stop working at once, whichever node the request reaches.
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    return user ? { kind: 'user', sessionId: session.id, csrfToken: session.csrf_token, user } : { kind: 'anonymous' };
  }
  if (session.roster_id) {
    const student = await db.selectFrom('roster').selectAll().where('id', '=', session.roster_id).executeTakeFirst();
    return student
      ? { kind: 'student', sessionId: session.id, csrfToken: session.csrf_token, student }
      : { kind: 'anonymous' };
  }
  return { kind: 'anonymous' };
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}
