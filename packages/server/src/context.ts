import type { Kysely } from 'kysely';
import type { Clock } from './clock.js';
import type { Dialect } from './db/connect.js';
import type { Database } from './db/schema.js';

/** What every command needs from the edge: the database, the clock and the settings. */
export interface AppContext {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  readonly clock: Clock;
  readonly settings: Settings;
}

export interface Settings {
  /** Cookies marked Secure (behind HTTPS). */
  readonly secureCookies: boolean;
  readonly sessionHours: number;
  /** Failed logins per email within the window before logins are refused. */
  readonly loginAttemptLimit: number;
  readonly loginWindowMinutes: number;
}

export const DEFAULT_SETTINGS: Settings = {
  secureCookies: false,
  sessionHours: 12,
  loginAttemptLimit: 5,
  loginWindowMinutes: 15,
};
