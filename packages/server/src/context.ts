import type { Kysely } from 'kysely';
import { DEFAULT_ABUSE_LIMITS, type AbuseLimits } from './auth/abuse-limits.js';
import { DEFAULT_PAPER_WORKERS } from './services/paper-workers.js';
import type { Clock } from './clock.js';
import type { AttemptWrites, Dialect } from './db/connect.js';
import type { Database } from './db/schema.js';

/** What every command needs from the edge: the database, the clock and the settings. */
export interface AppContext {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** The group-committed writes of exam day's hot path (the database handle's). */
  readonly attemptWrites: AttemptWrites;
  readonly clock: Clock;
  readonly settings: Settings;
}

export interface Settings {
  /** Cookies marked Secure (behind HTTPS). */
  readonly secureCookies: boolean;
  readonly sessionHours: number;
  /** Limits on guessing passwords and access codes (auth/abuse-limits.ts, decision 0012). */
  readonly limits: AbuseLimits;
  /** Worker threads that render question papers (`PAPER_WORKERS`, docs/operations.md). */
  readonly paperWorkers: number;
}

export const DEFAULT_SETTINGS: Settings = {
  secureCookies: false,
  sessionHours: 12,
  limits: DEFAULT_ABUSE_LIMITS,
  paperWorkers: DEFAULT_PAPER_WORKERS,
};
