import type { Kysely } from 'kysely';
import type { Database, ReleaseOverridesTable } from '../db/schema.js';

/** A student's exception to the sitting's release: `held`, `released`, or null (the sitting decides). */
export type StoredOverride = Pick<ReleaseOverridesTable, 'results' | 'solutions'>;

/** A student's own override, if the instructor set one (read by the student's pages and the instructor's). */
export async function findReleaseOverride(db: Kysely<Database>, rosterId: string): Promise<StoredOverride | undefined> {
  return db
    .selectFrom('release_overrides')
    .select(['results', 'solutions'])
    .where('roster_id', '=', rosterId)
    .executeTakeFirst();
}
