import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { normaliseAccessCode } from '../ids.js';
import { verifyPassword } from './passwords.js';
import { createSession, type RosterRow, type UserRow } from './sessions.js';

/**
 * Email + password login with a per-email limit on failures: after `loginAttemptLimit` failures within the window,
 * further attempts are refused (even with the right password) until the window has passed. Attempts are kept in the
 * database, so the limit holds across app processes.
 */
export async function logIn(
  context: AppContext,
  email: string,
  password: string,
): Promise<{ user: UserRow; token: string; csrfToken: string }> {
  const { db, clock, settings } = context;
  const now = clock.now();
  const normalised = email.trim().toLowerCase();
  const since = new Date(now.getTime() - settings.loginWindowMinutes * 60_000).toISOString();
  const failures = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('email', '=', normalised)
    .where('success', '=', 0)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (failures.count >= settings.loginAttemptLimit) {
    throw new HttpError(
      429,
      'too-many-attempts',
      `too many failed logins; try again in ${settings.loginWindowMinutes} minutes`,
    );
  }
  const row = await db.selectFrom('users').selectAll().where('email', '=', normalised).executeTakeFirst();
  const ok = row !== undefined && (await verifyPassword(row.password_hash, password));
  await db
    .insertInto('login_attempts')
    .values({ email: normalised, at: now.toISOString(), success: ok ? 1 : 0 })
    .execute();
  if (!row || !ok) throw new HttpError(401, 'bad-credentials', 'email or password is wrong');
  const session = await createSession(db, { userId: row.id }, now, settings.sessionHours);
  const { password_hash: _hash, ...user } = row;
  return { user, ...session };
}

/** A student joins with the access code printed on their roster slip. */
export async function joinWithCode(
  context: AppContext,
  accessCode: string,
): Promise<{ student: RosterRow; token: string; csrfToken: string }> {
  const code = normaliseAccessCode(accessCode);
  const formatted = code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
  const student = await context.db
    .selectFrom('roster')
    .selectAll()
    .where('access_code', '=', formatted)
    .executeTakeFirst();
  if (!student)
    throw new HttpError(401, 'bad-access-code', 'this access code is not on any roster; check it against your slip');
  const session = await createSession(
    context.db,
    { rosterId: student.id },
    context.clock.now(),
    context.settings.sessionHours,
  );
  return { student, ...session };
}
