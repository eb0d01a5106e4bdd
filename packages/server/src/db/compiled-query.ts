import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { postgresPoolOf } from './postgres-pools.js';

/**
 * A hot query built and compiled once per database (SQLite and PostgreSQL compile it differently), then run with
 * each call's values: exam day runs a few query shapes thousands of times a minute, and building and compiling one
 * with Kysely cost more of the event loop than the query itself. `build` is given placeholder strings for the values;
 * each must become a parameter of the compiled query (a value compared or inserted), never part of its text.
 * On PostgreSQL the query is also a prepared statement (named, once per connection): planning these small queries
 * cost PostgreSQL more than running them. Its plan is made once and kept, so use it for lookups by a unique key
 * (which PostgreSQL reads through the index however small the table was when planned), not for joins over input
 * whose size varies (see attempt-writes-postgres.ts).
 *
 * @example
 * const findSession = compiledQuery((db: Kysely<Database>, id) => db.selectFrom('sessions').selectAll().where('id', '=', id));
 * const [session] = await findSession(context.db, [sessionId]);
 */
export function compiledQuery<DB, Row>(
  build: (db: Kysely<DB>, ...values: string[]) => Compilable<Row>,
): (db: Kysely<DB>, values: readonly unknown[]) => Promise<Row[]> {
  const compiled = new WeakMap<Kysely<DB>, { query: CompiledQuery<Row>; slots: number[] }>();
  const name = `examforge-${(preparedStatements += 1)}`;
  return async (db, values) => {
    let entry = compiled.get(db);
    if (!entry) {
      const placeholders = Array.from({ length: build.length - 1 }, (_, index) => `\u0000value ${index}\u0000`);
      const query = build(db, ...placeholders).compile();
      const slots = query.parameters.map((parameter) => placeholders.indexOf(parameter as string));
      const lost = placeholders.findIndex((_, index) => !slots.includes(index));
      if (lost >= 0) throw new Error(`compiledQuery: value ${lost} is not a parameter of ${query.sql}`);
      entry = { query, slots };
      compiled.set(db, entry);
    }
    const { query, slots } = entry;
    const parameters = query.parameters.map((parameter, index) => {
      const slot = slots[index] ?? -1;
      return slot >= 0 ? values[slot] : parameter;
    });
    // A transaction is another Kysely instance, with no pool of its own: its queries go through Kysely.
    const pool = postgresPoolOf(db);
    if (pool) return (await pool.query<Row & object>({ name, text: query.sql, values: parameters })).rows;
    return (await db.executeQuery<Row>({ ...query, parameters })).rows;
  };
}

/** Names of the prepared statements: one per compiled query, the same in every process. */
let preparedStatements = 0;
