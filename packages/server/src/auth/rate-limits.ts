import { sql, type Kysely } from 'kysely';
import { compiledQuery } from '../db/compiled-query.js';
import type { Database } from '../db/schema.js';
import { HttpError } from '../errors.js';

/** At most `limit` counted attempts per key in each fixed window of `windowSeconds`. */
export interface RateLimit {
  readonly limit: number;
  readonly windowSeconds: number;
}

/** A refusal by a limit: 429 with `Retry-After` (the error handler sets the header from `retryAfterSeconds`). */
export class RateLimitedError extends HttpError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'too-many-attempts', message);
  }
}

/** Where a key stands after an attempt was counted. */
export interface LimitState {
  readonly count: number;
  readonly resetsAt: Date;
}

/**
 * Counts one attempt against `key` and returns the count in the current window. The increment and the window reset are
 * one statement (an upsert with RETURNING), so app processes sharing the database count together and two requests at
 * once cannot both see the old count. An expired window starts again at 1.
 *
 * @example
 * const state = await countAttempt(db, 'join:ip:10.0.0.1', { limit: 30, windowSeconds: 600 }, now);
 * if (state.count > 30) throw refusal(state, now, 'too many wrong access codes from your network');
 */
export async function countAttempt(
  db: Kysely<Database>,
  key: string,
  limit: RateLimit,
  now: Date,
): Promise<LimitState> {
  const nowIso = now.toISOString();
  const resetsAt = new Date(now.getTime() + limit.windowSeconds * 1000).toISOString();
  const expired = sql<boolean>`rate_limits.resets_at <= ${nowIso}`;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, count: 1, resets_at: resetsAt })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({
        count: sql<number>`CASE WHEN ${expired} THEN 1 ELSE rate_limits.count + 1 END`,
        resets_at: sql<string>`CASE WHEN ${expired} THEN ${resetsAt} ELSE rate_limits.resets_at END`,
      }),
    )
    .returning(['count', 'resets_at'])
    .executeTakeFirstOrThrow();
  return { count: row.count, resetsAt: new Date(row.resets_at) };
}

/** Where `key` stands without counting anything (count 0 when its window has ended or it has none). */
export async function peekAttempts(db: Kysely<Database>, key: string, now: Date): Promise<LimitState> {
  // Every join peeks at its address's counter: a class joining at once makes it a hot query.
  const [row] = await liveCounter(db, [key, now.toISOString()]);
  return row ? { count: row.count, resetsAt: new Date(row.resets_at) } : { count: 0, resetsAt: now };
}

const liveCounter = compiledQuery((db: Kysely<Database>, key, now) =>
  db.selectFrom('rate_limits').select(['count', 'resets_at']).where('key', '=', key).where('resets_at', '>', now),
);

/** Forgets counters whose window has ended; run now and then so the table holds only live keys. */
export async function sweepRateLimits(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('rate_limits').where('resets_at', '<=', now.toISOString()).execute();
}

/** The refusal for a key over its limit, saying when to try again. */
export function refusal(state: LimitState, now: Date, message: string): RateLimitedError {
  const seconds = Math.max(1, Math.ceil((state.resetsAt.getTime() - now.getTime()) / 1000));
  return new RateLimitedError(`${message}; try again in ${describeWait(seconds)}`, seconds);
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
