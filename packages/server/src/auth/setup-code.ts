import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { HttpError } from '../errors.js';
import { hashToken, newAccessCode, normaliseAccessCode } from '../ids.js';

/** A setup code works for a day; a server started later with still no administrator prints a new one. */
const SETUP_CODE_HOURS = 24;

/** Whether the site has an active administrator (if not, the first-run setup page is offered). */
export async function hasAdministrator(db: Kysely<Database>): Promise<boolean> {
  const admin = await db
    .selectFrom('users')
    .select('id')
    .where('is_admin', '=', 1)
    .where('disabled_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return admin !== undefined;
}

/**
 * On a server with no administrator: a new one-time setup code (e.g. `K7QF-MX3P-2WDR-H8NT`, 80 bits), of which only
 * the hash is stored; `undefined` once an administrator exists. Each process that starts without an administrator
 * prints its own code; any of them creates the first administrator, and then all stop working.
 *
 * @example
 * const code = await issueSetupCode(db, new Date());
 * if (code) console.log(`Setup code: ${code}`);
 */
export async function issueSetupCode(db: Kysely<Database>, now: Date): Promise<string | undefined> {
  if (await hasAdministrator(db)) return undefined;
  const code = `${newAccessCode()}-${newAccessCode()}`;
  await db
    .insertInto('setup_codes')
    .values({
      id: hashSetupCode(code),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SETUP_CODE_HOURS * 3_600_000).toISOString(),
      used_at: null,
    })
    .execute();
  return code;
}

/** Uses a setup code once, inside the transaction that creates the first administrator; every other code dies too. */
export async function consumeSetupCode(trx: Transaction<Database>, code: string, now: Date): Promise<void> {
  const refused = new HttpError(403, 'setup-code-invalid', 'this setup code is not valid (it may be used or expired)');
  if (await hasAdministrator(trx)) throw refused;
  const used = await trx
    .updateTable('setup_codes')
    .set({ used_at: now.toISOString() })
    .where('id', '=', hashSetupCode(code))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (used.numUpdatedRows !== 1n) throw refused;
  await trx.updateTable('setup_codes').set({ used_at: now.toISOString() }).where('used_at', 'is', null).execute();
}

/** Codes are compared as typed from a console: case, spaces and dashes do not matter. */
const hashSetupCode = (code: string): string => hashToken(normaliseAccessCode(code));
