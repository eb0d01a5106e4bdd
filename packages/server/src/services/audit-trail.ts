import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { AuditFilter } from '../api/index.js';
import type { AppContext } from '../context.js';
import type { Dialect } from '../db/connect.js';
import type { AuditEventsTable, Database } from '../db/schema.js';

/** Whose trail: one exam (its own events, its sittings', their students' attempts' and answers') or one sitting. */
export interface AuditScope {
  readonly examId: string;
  readonly sittingId?: string;
}

/** The scope as the queries use it: the subjects it names directly, its sittings, and where its events start. */
interface ResolvedScope {
  readonly subjects: readonly string[];
  readonly sittingIds: readonly string[];
  /** The id of the scope's first event (the exam's import, the sitting's creation): nothing about it is older. */
  readonly firstId: number | undefined;
}

export type AuditEventRow = Pick<
  AuditEventsTable,
  'at' | 'actor_kind' | 'actor_id' | 'action' | 'subject' | 'data_json'
> & {
  readonly id: number;
};

type AuditWhere = (eb: ExpressionBuilder<Database, 'audit_events'>) => Expression<SqlBool>;

/**
 * The scope's events that pass the filter, newest first (in the order they were written), `limit` of them below
 * `beforeId`. Keyset, not offset: a page is found by the primary key, however far down the trail it is.
 *
 * @example
 * const rows = await auditEventRows(context, { examId, sittingId }, { kind: 'grade.applied' }, undefined, 50);
 */
export async function auditEventRows(
  context: AppContext,
  scope: AuditScope,
  filter: AuditFilter,
  beforeId: number | undefined,
  limit: number,
): Promise<AuditEventRow[]> {
  const where = auditWhere(context, await resolveScope(context, scope), filter);
  return context.db
    .selectFrom('audit_events')
    .select(['id', 'at', 'actor_kind', 'actor_id', 'action', 'subject', 'data_json'])
    .where(where)
    .$if(beforeId !== undefined, (query) => query.where('id', '<', beforeId ?? 0))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** How many events of each kind, and by each actor (students together as one), the scope's trail holds. */
export async function auditCounts(
  context: AppContext,
  scope: AuditScope,
): Promise<{ kinds: Map<string, number>; actors: Map<string, number> }> {
  const where = auditWhere(context, await resolveScope(context, scope), {});
  const base = context.db.selectFrom('audit_events').where(where);
  const [kinds, actors] = await Promise.all([
    base
      .select((eb) => ['action', eb.fn.countAll<number | string>().as('count')])
      .groupBy('action')
      .execute(),
    base
      .select((eb) => ['actor_kind', 'actor_id', eb.fn.countAll<number | string>().as('count')])
      .groupBy(['actor_kind', 'actor_id'])
      .execute(),
  ]);
  const actorCounts = new Map<string, number>();
  for (const row of actors) {
    const key = row.actor_kind === 'user' ? `user:${row.actor_id}` : row.actor_kind;
    actorCounts.set(key, (actorCounts.get(key) ?? 0) + Number(row.count));
  }
  return { kinds: new Map(kinds.map((row) => [row.action, Number(row.count)])), actors: actorCounts };
}

async function resolveScope(context: AppContext, scope: AuditScope): Promise<ResolvedScope> {
  const sittingIds =
    scope.sittingId !== undefined
      ? [scope.sittingId]
      : (await context.db.selectFrom('sittings').select('id').where('exam_id', '=', scope.examId).execute()).map(
          (row) => row.id,
        );
  const own = scope.sittingId !== undefined ? `sitting:${scope.sittingId}` : `exam:${scope.examId}`;
  const first = await context.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.min('id').as('id'))
    .where('subject', '=', own)
    .executeTakeFirst();
  const subjects = scope.sittingId !== undefined ? [own] : [own, ...sittingIds.map((id) => `sitting:${id}`)];
  return { subjects, sittingIds, firstId: first?.id ?? undefined };
}

/**
 * The filter as one condition. An event belongs to the scope when its subject names the exam or a sitting of the
 * scope directly, or names an attempt of one of its sittings (the attempt itself, or one of its answers); a student
 * filter keeps only the latter, for the students it matches.
 */
function auditWhere(context: AppContext, scope: ResolvedScope, filter: AuditFilter): AuditWhere {
  return (eb) => {
    const attempt = subjectAttempt(context.dialect);
    const conditions: Expression<SqlBool>[] = [];
    if (filter.rosterId !== undefined || filter.student !== undefined) {
      conditions.push(
        scope.sittingIds.length === 0
          ? sql<SqlBool>`1 = 0`
          : eb(attempt, 'in', studentAttempts(context, scope, filter)),
      );
    } else {
      const direct = eb('subject', 'in', scope.subjects);
      const attempts = context.db.selectFrom('attempts').select('id').where('sitting_id', 'in', scope.sittingIds);
      conditions.push(scope.sittingIds.length === 0 ? direct : eb.or([direct, eb(attempt, 'in', attempts)]));
    }
    if (scope.firstId !== undefined) conditions.push(eb('id', '>=', scope.firstId));
    if (filter.kind !== undefined) conditions.push(eb('action', '=', filter.kind));
    if (filter.from !== undefined) conditions.push(eb('at', '>=', filter.from));
    if (filter.to !== undefined) conditions.push(eb('at', '<', filter.to));
    if (filter.actor !== undefined) conditions.push(actorIs(eb, filter.actor));
    return eb.and(conditions);
  };
}

function actorIs(eb: ExpressionBuilder<Database, 'audit_events'>, actor: string): Expression<SqlBool> {
  if (actor === 'system' || actor === 'student') return eb('actor_kind', '=', actor);
  return eb.and([eb('actor_kind', '=', 'user'), eb('actor_id', '=', actor.slice('user:'.length))]);
}

/** The attempts, in the scope's sittings, of the students the filter names (roster id, number in any case, name). */
function studentAttempts(context: AppContext, scope: ResolvedScope, filter: AuditFilter) {
  const search = filter.student?.toLowerCase();
  return context.db
    .selectFrom('attempts')
    .innerJoin('roster', 'roster.id', 'attempts.roster_id')
    .select('attempts.id')
    .where('attempts.sitting_id', 'in', scope.sittingIds)
    .$if(filter.rosterId !== undefined, (query) => query.where('roster.id', '=', filter.rosterId ?? ''))
    .$if(search !== undefined, (query) =>
      query.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['roster.student_number']), '=', search ?? ''),
          sql<SqlBool>`lower(roster.name) like ${`%${escapeLike(search ?? '')}%`} escape '\\'`,
        ]),
      ),
    );
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
 * The attempt id inside an `attempt:<id>` or `answer:<attempt>/<question>` subject, in SQL (null for other subjects):
 * the one string function that differs is the position of the slash.
 */
function subjectAttempt(dialect: Dialect): RawBuilder<string | null> {
  const slash = dialect === 'postgres' ? sql`strpos(audit_events.subject, '/')` : sql`instr(audit_events.subject, '/')`;
  return sql<string | null>`case
    when audit_events.subject like 'attempt:%' then substr(audit_events.subject, 9)
    when audit_events.subject like 'answer:%' then substr(audit_events.subject, 8, ${slash} - 8)
  end`;
}
