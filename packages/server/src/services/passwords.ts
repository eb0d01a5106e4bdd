import type { FirstAdmin } from '../api/index.js';
import { consumePasswordToken } from '../auth/password-tokens.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import type { UserRow } from '../auth/sessions.js';
import { consumeSetupCode } from '../auth/setup-code.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { newId } from '../ids.js';
import { normaliseEmail } from './accounts.js';
import { recordEvent } from './audit.js';

/**
 * Sets a person's password from their one-time link or code. The token works once; every session the account had
 * ends (a reset is often because someone else may know the old password). A disabled account cannot be revived so.
 */
export async function setPasswordWithToken(context: AppContext, token: string, password: string): Promise<void> {
  const now = context.clock.now();
  const passwordHash = await hashPassword(password);
  await context.db.transaction().execute(async (trx) => {
    const userId = await consumePasswordToken(trx, token, now);
    const user = await trx.selectFrom('users').select('disabled_at').where('id', '=', userId).executeTakeFirst();
    if (!user || user.disabled_at) throw accountDisabled();
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordEvent(trx, now, { kind: 'user', id: userId }, 'account.password-set', `user:${userId}`, {});
  });
}

/** A signed-in person changes their password; it needs the current one. Their other sessions end. */
export async function changeOwnPassword(
  context: AppContext,
  user: UserRow,
  sessionId: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const row = await context.db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, currentPassword))) {
    throw new HttpError(400, 'wrong-password', 'the current password is not right');
  }
  const now = context.clock.now();
  const passwordHash = await hashPassword(newPassword);
  await context.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('id', '!=', sessionId).execute();
    await recordEvent(trx, now, { kind: 'user', id: user.id }, 'account.password-changed', `user:${user.id}`, {});
  });
}

/**
 * The first administrator, from the setup code a production server printed on its first start: the code works once
 * and only while the site has no administrator. They are an instructor too, so they can set up exams at once.
 */
export async function createFirstAdmin(context: AppContext, input: FirstAdmin): Promise<UserRow> {
  const now = context.clock.now();
  const passwordHash = await hashPassword(input.password);
  const user = {
    id: newId(),
    email: normaliseEmail(input.email),
    name: input.name.trim(),
    role: 'instructor' as const,
    is_admin: 1,
    disabled_at: null,
    created_at: now.toISOString(),
  };
  await context.db.transaction().execute(async (trx) => {
    await consumeSetupCode(trx, input.code, now);
    const taken = await trx.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirst();
    if (taken) throw new HttpError(409, 'email-taken', `there is already an account for ${user.email}`);
    await trx
      .insertInto('users')
      .values({ ...user, password_hash: passwordHash })
      .execute();
    const actor = { kind: 'user' as const, id: user.id };
    await recordEvent(trx, now, actor, 'account.created', `user:${user.id}`, {
      email: user.email,
      role: user.role,
      isAdmin: true,
      via: 'setup-code',
    });
  });
  return user;
}

export const accountDisabled = (): HttpError =>
  new HttpError(403, 'account-disabled', 'this account is disabled; ask an administrator');
