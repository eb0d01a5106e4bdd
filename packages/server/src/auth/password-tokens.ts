import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { HttpError } from '../errors.js';
import { hashToken, newToken } from '../ids.js';

/** How long a set-password link works: long enough to reach a colleague over a weekend, short enough to go stale. */
export const SET_PASSWORD_HOURS = 72;

/** A freshly issued one-time token: shown once (the database keeps only its hash). */
export interface IssuedToken {
  readonly token: string;
  readonly expiresAt: string;
}

/**
 * Issues a set-password token for a user; any earlier unused token of theirs stops working, so only the latest link
 * a person was given is live.
 */
export async function issuePasswordToken(
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
  now: Date,
): Promise<IssuedToken> {
  await db
    .updateTable('password_tokens')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SET_PASSWORD_HOURS * 3_600_000).toISOString();
  await db
    .insertInto('password_tokens')
    .values({
      id: hashToken(token),
      user_id: userId,
      purpose: 'set-password',
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  return { token, expiresAt };
}

/**
 * Uses a token once: marks it used and returns whose it is. An unknown, used or expired token is refused with one
 * answer, so the reply does not tell which.
 */
export async function consumePasswordToken(trx: Transaction<Database>, token: string, now: Date): Promise<string> {
  const used = await trx
    .updateTable('password_tokens')
    .set({ used_at: now.toISOString() })
    .where('id', '=', hashToken(token.trim()))
    .where('purpose', '=', 'set-password')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .returning('user_id')
    .executeTakeFirst();
  if (!used) {
    throw new HttpError(
      410,
      'link-expired',
      'this link or code has expired or was already used; ask an administrator for a new one',
    );
  }
  return used.user_id;
}
