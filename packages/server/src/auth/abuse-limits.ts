import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { countAttempt, peekAttempts, refusal, sweepRateLimits, type RateLimit } from './rate-limits.js';

/**
 * Limits on guessing, shaped so that an attacker cannot turn them against the people they protect (decision 0012):
 * nothing refuses the right password from the right person's address because of what someone else did elsewhere.
 */
export interface AbuseLimits {
  /** Failed logins for one email from one address: past this, that email is refused from that address only. */
  readonly loginPerAccountAddress: RateLimit;
  /** Failed logins from one address, whatever the emails: password spraying from one address. */
  readonly loginPerAddress: RateLimit;
  /**
   * Per email, from anywhere: past `limit` failures in the window, each further failure is answered only after a
   * delay that doubles from `firstDelayMs` up to `maxDelayMs`. The right password is never delayed or refused.
   */
  readonly loginSlowdown: RateLimit & { readonly firstDelayMs: number; readonly maxDelayMs: number };
  /**
   * Wrong access codes from one address. An exam hall behind one address (NAT) shares it, so only wrong codes count and
   * the default is generous: 100 per 10 minutes is 14,400 guesses a day against 31^8 (8.5 × 10^11) possible codes.
   */
  readonly joinPerAddress: RateLimit;
}

export const DEFAULT_ABUSE_LIMITS: AbuseLimits = {
  loginPerAccountAddress: { limit: 10, windowSeconds: 15 * 60 },
  loginPerAddress: { limit: 100, windowSeconds: 15 * 60 },
  loginSlowdown: { limit: 5, windowSeconds: 15 * 60, firstDelayMs: 500, maxDelayMs: 8000 },
  joinPerAddress: { limit: 100, windowSeconds: 10 * 60 },
};

/** Ended windows are swept on about one counted attempt in this many. */
const SWEEP_EVERY = 200;

interface LimitScope {
  readonly db: Kysely<Database>;
  readonly limits: AbuseLimits;
  readonly now: Date;
}

/**
 * Refuses a login (429) while the email from this address, or the address, is over its limit of failures. Only
 * failures are counted (`loginFailed`), after the fact: a burst of right passwords from one address (a department
 * behind one NAT at 9:00) never counts, even transiently.
 *
 * @example
 * await admitLogin(scope, 'ada@uni.test', request.ip);
 */
export async function admitLogin(scope: LimitScope, email: string, address: string): Promise<void> {
  const { db, limits, now } = scope;
  await maybeSweep(db, now);
  const pair = await peekAttempts(db, pairKey(email, address), now);
  if (pair.count >= limits.loginPerAccountAddress.limit) {
    throw refusal(pair, now, 'too many failed logins for this email from your address');
  }
  const fromAddress = await peekAttempts(db, addressKey('login', address), now);
  if (fromAddress.count >= limits.loginPerAddress.limit) {
    throw refusal(fromAddress, now, 'too many failed logins from your address');
  }
}

/**
 * A wrong password: counted against the email and address, the address, and the email from anywhere (atomically: of
 * many failures at once, those past a limit are refused with 429); past the email's free failures the reply waits
 * (growing) before it goes.
 */
export async function loginFailed(scope: LimitScope, email: string, address: string): Promise<void> {
  const { db, limits, now } = scope;
  const pair = await countAttempt(db, pairKey(email, address), limits.loginPerAccountAddress, now);
  const fromAddress = await countAttempt(db, addressKey('login', address), limits.loginPerAddress, now);
  const { count } = await countAttempt(db, `login:account:${email}`, limits.loginSlowdown, now);
  const delay = slowdownDelayMs(limits.loginSlowdown, count);
  if (delay > 0) await sleep(delay);
  if (pair.count > limits.loginPerAccountAddress.limit) {
    throw refusal(pair, now, 'too many failed logins for this email from your address');
  }
  if (fromAddress.count > limits.loginPerAddress.limit) {
    throw refusal(fromAddress, now, 'too many failed logins from your address');
  }
}

/**
 * The wait before answering the `failures`-th failed login for an email within the window.
 *
 * @example
 * slowdownDelayMs({ limit: 5, windowSeconds: 900, firstDelayMs: 500, maxDelayMs: 8000 }, 7); // 1000
 */
export function slowdownDelayMs(slowdown: AbuseLimits['loginSlowdown'], failures: number): number {
  const over = failures - slowdown.limit;
  if (over <= 0) return 0;
  return Math.min(slowdown.maxDelayMs, slowdown.firstDelayMs * 2 ** Math.min(over - 1, 30));
}

/**
 * Refuses a join (429) while the address is over its limit of wrong access codes. Valid codes are never counted: a
 * whole hall may join through one address at once.
 */
export async function admitJoin(scope: LimitScope, address: string): Promise<void> {
  const { db, limits, now } = scope;
  await maybeSweep(db, now);
  const state = await peekAttempts(db, addressKey('join', address), now);
  if (state.count >= limits.joinPerAddress.limit) {
    throw refusal(state, now, 'too many wrong access codes from your address');
  }
}

/**
 * A wrong access code: counted against the address, atomically, so however many guesses arrive at once exactly
 * `limit` of them are answered as wrong codes and the rest are refused (429).
 */
export async function joinFailed(scope: LimitScope, address: string): Promise<void> {
  const state = await countAttempt(scope.db, addressKey('join', address), scope.limits.joinPerAddress, scope.now);
  if (state.count > scope.limits.joinPerAddress.limit) {
    throw refusal(state, scope.now, 'too many wrong access codes from your address');
  }
}

const pairKey = (email: string, address: string) => `login:account-address:${email}|${address}`;
const addressKey = (what: 'login' | 'join', address: string) => `${what}:address:${address}`;

async function maybeSweep(db: Kysely<Database>, now: Date): Promise<void> {
  if (Math.random() * SWEEP_EVERY < 1) await sweepRateLimits(db, now);
}
