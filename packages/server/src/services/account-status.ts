import type { Account, AccountWithLink } from '../api/index.js';
import { issuePasswordToken } from '../auth/password-tokens.js';
import type { AppContext } from '../context.js';
import { conflict } from '../errors.js';
import { getAccount, presentLink } from './accounts.js';
import { recordEvent, type Actor } from './audit.js';

/**
 * Disables an account: it can no longer sign in and its sessions end at once; what it did (grades, audit events)
 * stays attributed to it. An administrator cannot disable their own account (someone must be left to undo it).
 */
export async function disableAccount(context: AppContext, actor: Actor, userId: string): Promise<Account> {
  if (actor.kind === 'user' && actor.id === userId) {
    throw conflict('cannot-disable-self', 'you cannot disable your own account; ask another administrator');
  }
  await getAccount(context, userId);
  const now = context.clock.now();
  await context.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ disabled_at: now.toISOString() })
      .where('id', '=', userId)
      .where('disabled_at', 'is', null)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordEvent(trx, now, actor, 'account.disabled', `user:${userId}`, {});
  });
  return getAccount(context, userId);
}

/** Lets a disabled account sign in again, with the password it had. */
export async function enableAccount(context: AppContext, actor: Actor, userId: string): Promise<Account> {
  await getAccount(context, userId);
  const now = context.clock.now();
  await context.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ disabled_at: null }).where('id', '=', userId).execute();
    await recordEvent(trx, now, actor, 'account.enabled', `user:${userId}`, {});
  });
  return getAccount(context, userId);
}

/**
 * A new one-time set-password link for a person who forgot their password (or lost their first link); earlier links
 * stop working. The old password keeps working until the new one is set.
 */
export async function issuePasswordReset(context: AppContext, actor: Actor, userId: string): Promise<AccountWithLink> {
  const account = await getAccount(context, userId);
  const now = context.clock.now();
  const issued = await context.db.transaction().execute(async (trx) => {
    const token = await issuePasswordToken(trx, userId, now);
    await recordEvent(trx, now, actor, 'account.reset-issued', `user:${userId}`, { expiresAt: token.expiresAt });
    return token;
  });
  return { account, link: presentLink(issued) };
}
