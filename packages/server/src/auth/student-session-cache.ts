import type { Kysely } from 'kysely';
import { compiledQuery } from '../db/compiled-query.js';
import type { Database } from '../db/schema.js';
import type { Identity } from './identity.js';

export type StudentIdentity = Extract<Identity, { kind: 'student' }>;

/**
 * How long this process keeps a student's session without reading it again (never past the session's expiry). Exam
 * day's every save is a request, about every 15 s per student: a cache that forgot sooner than that missed on most
 * saves (decision 0014).
 */
export const STUDENT_SESSION_CACHE_MS = 300_000;
/** A cache not brought up to date with the revocations for this long is not trusted: every request reads again. */
export const REVOCATIONS_TRUSTED_MS = 5_000;
/** Revocations are read again for this long after they were written, so one committed late is not missed. */
export const REVOCATION_WINDOW_MS = 60_000;
/** Revocations older than this are deleted (every node has long applied them). */
const REVOCATION_KEPT_MS = 600_000;
const CACHE_SIZE = 50_000;

/**
 * Students' sessions known to this process, kept up to date across nodes by a revocation feed (decision 0014): a
 * logout, or a change to a student's roster row, writes a `session_revocations` row, and every node reads the recent
 * ones once a second (the jobs loop) and forgets the sessions they name. A node that has not read them for
 * `REVOCATIONS_TRUSTED_MS` (its database or event loop is in trouble) trusts no cached session. So a logout or a
 * roster change reaches every node within seconds, while a student's saves cost no query to learn who is calling.
 *
 * Each read goes over the last minute of revocations: a row written by a transaction that commits after a later
 * one's (ids are not committed in order) is still seen, and a session cached by a request that read it just before
 * its revocation committed is forgotten by the next read.
 */
export class StudentSessionCache {
  private readonly entries = new Map<string, { readonly identity: StudentIdentity; readonly until: number }>();
  /** When the revocations were last read (the app's clock, at the start of the read); never, at first. */
  private syncedAt = Number.NEGATIVE_INFINITY;
  private syncs = 0;

  get(sessionId: string, now: Date): StudentIdentity | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    const time = now.getTime();
    if (entry.until > time && time - this.syncedAt < REVOCATIONS_TRUSTED_MS) return entry.identity;
    this.entries.delete(sessionId);
    return undefined;
  }

  /** Keeps a session read from the database now, until `expiresAt` at the latest. */
  set(sessionId: string, identity: StudentIdentity, now: Date, expiresAt: string): void {
    if (this.entries.size >= CACHE_SIZE) this.entries.delete(this.entries.keys().next().value as string);
    const until = Math.min(now.getTime() + STUDENT_SESSION_CACHE_MS, new Date(expiresAt).getTime());
    this.entries.set(sessionId, { identity, until });
  }

  forget(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  /** Reads the recent revocations and forgets the sessions they name; now and then deletes old ones. */
  async sync(db: Kysely<Database>, now: Date): Promise<void> {
    const rows = await recentRevocations(db, [new Date(now.getTime() - REVOCATION_WINDOW_MS).toISOString()]);
    const rosterIds = new Set<string>();
    for (const row of rows) {
      if (row.session_id) this.entries.delete(row.session_id);
      if (row.roster_id) rosterIds.add(row.roster_id);
    }
    if (rosterIds.size > 0) {
      for (const [sessionId, entry] of this.entries) {
        if (rosterIds.has(entry.identity.student.id)) this.entries.delete(sessionId);
      }
    }
    this.syncedAt = now.getTime();
    this.syncs += 1;
    if (this.syncs % 60 === 0) {
      await db
        .deleteFrom('session_revocations')
        .where('at', '<', new Date(now.getTime() - REVOCATION_KEPT_MS).toISOString())
        .execute();
    }
  }
}

const recentRevocations = compiledQuery((db: Kysely<Database>, since) =>
  db.selectFrom('session_revocations').select(['session_id', 'roster_id']).where('at', '>', since),
);

/** Ends a session everywhere: the row that every node's cache reads (write it in the transaction that ends it). */
export async function revokeSession(db: Kysely<Database>, sessionId: string, now: Date): Promise<void> {
  await db
    .insertInto('session_revocations')
    .values({ at: now.toISOString(), session_id: sessionId, roster_id: null })
    .execute();
}

/** A student's roster row changed: every node reads its sessions again (in the transaction that changes it). */
export async function revokeRosterSessions(
  db: Kysely<Database>,
  rosterIds: readonly string[],
  now: Date,
): Promise<void> {
  if (rosterIds.length === 0) return;
  const at = now.toISOString();
  await db
    .insertInto('session_revocations')
    .values(rosterIds.map((rosterId) => ({ at, session_id: null, roster_id: rosterId })))
    .execute();
}

/** Per database handle (several apps in one test process do not share sessions, as several nodes do not). */
const caches = new WeakMap<Kysely<Database>, StudentSessionCache>();

export function studentSessionCache(db: Kysely<Database>): StudentSessionCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new StudentSessionCache()));
  return cache;
}
