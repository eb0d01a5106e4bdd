import type { Kysely } from 'kysely';
import type { AppContext } from '../context.js';
import { compiledQuery } from '../db/compiled-query.js';
import type { Database } from '../db/schema.js';
import { HttpError } from '../errors.js';
import { normaliseAccessCode } from '../ids.js';
import { admitJoin, admitLogin, joinFailed, loginFailed } from './abuse-limits.js';
import { verifyPassword } from './passwords.js';
import { createSession, newSession, type RosterRow, type UserRow } from './sessions.js';
import { studentSessionCache } from './student-session-cache.js';

/**
 * Email + password login, limited per email and address, per address, and slowed per email (abuse-limits.ts): an
 * attacker's failures never refuse the right password from another address. Counts are kept in the database, so the
 * limits hold across app processes.
 */
export async function logIn(
  context: AppContext,
  email: string,
  password: string,
  address: string,
): Promise<{ user: UserRow; token: string; csrfToken: string }> {
  const { db, clock, settings } = context;
  const now = clock.now();
  const normalised = email.trim().toLowerCase();
  const scope = { db, limits: settings.limits, now };
  await admitLogin(scope, normalised, address);
  const row = await db.selectFrom('users').selectAll().where('email', '=', normalised).executeTakeFirst();
  const ok = row !== undefined && (await verifyPassword(row.password_hash, password));
  await db
    .insertInto('login_attempts')
    .values({ email: normalised, at: now.toISOString(), success: ok ? 1 : 0 })
    .execute();
  if (!row || !ok) {
    await loginFailed(scope, normalised, address);
    throw new HttpError(401, 'bad-credentials', 'email or password is wrong');
  }
  if (row.disabled_at) throw new HttpError(403, 'account-disabled', 'this account is disabled; ask an administrator');
  const session = await createSession(db, { userId: row.id }, now, settings.sessionHours);
  const { password_hash: _hash, ...user } = row;
  return { user, ...session };
}

/** A student joins with the access code printed on their roster slip. */
const rosterByAccessCode = compiledQuery((db: Kysely<Database>, code) =>
  db.selectFrom('roster').selectAll().where('access_code', '=', code),
);

export async function joinWithCode(
  context: AppContext,
  accessCode: string,
  address: string,
): Promise<{ student: RosterRow; token: string; csrfToken: string }> {
  const now = context.clock.now();
  const scope = { db: context.db, limits: context.settings.limits, now };
  await admitJoin(scope, address);
  const code = normaliseAccessCode(accessCode);
  const formatted = code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
  const [student] = await rosterByAccessCode(context.db, [formatted]);
  if (!student) {
    await joinFailed(scope, address);
    throw new HttpError(401, 'bad-access-code', 'this access code is not on any roster; check it against your slip');
  }
  // A class joins together at the start of an exam: their sessions are group-committed like their saves.
  const { row, token, csrfToken } = newSession({ rosterId: student.id }, now, context.settings.sessionHours);
  await context.attemptWrites.submit({ kind: 'session', session: row });
  // The start that follows comes to this node (kept-alive connection) and needs no query to know the student.
  studentSessionCache(context.db).set(
    row.id,
    { kind: 'student', sessionId: row.id, csrfToken, student },
    now,
    row.expires_at,
  );
  return { student, token, csrfToken };
}
