import type { Account, AccountWithLink, CreateAccount, PasswordLink } from '../api/index.js';
import type { IssuedToken } from '../auth/password-tokens.js';
import { issuePasswordToken } from '../auth/password-tokens.js';
import type { AppContext } from '../context.js';
import type { UsersTable } from '../db/schema.js';
import { conflict, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { recordEvent, type Actor } from './audit.js';

/** The password hash of an account whose person has not set one yet: no password verifies against it. */
export const UNSET_PASSWORD = '!unset';

/** The columns an account is presented from (never the password hash). */
type AccountRow = Pick<UsersTable, 'id' | 'email' | 'name' | 'role' | 'is_admin' | 'disabled_at' | 'created_at'> & {
  readonly password_hash: string;
};

export function presentAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    isAdmin: row.is_admin === 1,
    passwordSet: row.password_hash !== UNSET_PASSWORD,
    disabledAt: row.disabled_at ?? null,
    createdAt: row.created_at,
  };
}

/** Where the browser takes a set-password token: in the fragment, which browsers never send to the server. */
export function presentLink(issued: IssuedToken): PasswordLink {
  return { token: issued.token, path: `/set-password#token=${issued.token}`, expiresAt: issued.expiresAt };
}

/** Every account, administrators first, then by name: for the administrator's page and `examforge users list`. */
export async function listAccounts(context: AppContext): Promise<Account[]> {
  const rows = await context.db.selectFrom('users').selectAll().orderBy('name').orderBy('email').execute();
  return rows.map(presentAccount);
}

export async function getAccount(context: AppContext, userId: string): Promise<Account> {
  const row = await context.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('account');
  return presentAccount(row);
}

/** The account with this email (compared without case); throws `not-found` when there is none. */
export async function getAccountByEmail(context: AppContext, email: string): Promise<Account> {
  const row = await context.db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  if (!row) throw notFound(`an account with the email ${email.trim()}`);
  return presentAccount(row);
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Creates an instructor's or grader's account without a password, and the one-time link with which they set it
 * (there is no email: the administrator hands the link over). Audited as `account.created`.
 */
export async function createAccount(context: AppContext, actor: Actor, input: CreateAccount): Promise<AccountWithLink> {
  const now = context.clock.now();
  const email = normaliseEmail(input.email);
  return context.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (taken) throw conflict('email-taken', `there is already an account for ${email}`);
    const row = {
      id: newId(),
      email,
      name: input.name.trim(),
      role: input.role,
      is_admin: input.isAdmin === true ? 1 : 0,
      disabled_at: null,
      password_hash: UNSET_PASSWORD,
      created_at: now.toISOString(),
    };
    await trx.insertInto('users').values(row).execute();
    const issued = await issuePasswordToken(trx, row.id, now);
    await recordEvent(trx, now, actor, 'account.created', `user:${row.id}`, {
      email,
      role: row.role,
      isAdmin: row.is_admin === 1,
    });
    return { account: presentAccount(row), link: presentLink(issued) };
  });
}
