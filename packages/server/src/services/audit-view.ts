import type { AuditFacets, AuditFilter, AuditPage, AuditPageQuery } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { recordEvent } from './audit.js';
import { AUDIT_CSV_HEADER_LINE, presentAuditCsv } from './audit-csv.js';
import { presentAuditEvents } from './audit-present.js';
import { auditCounts, auditEventRows, type AuditScope } from './audit-trail.js';

/** Events presented per query while a CSV is written: the memory one chunk takes, whatever the trail's length. */
const CSV_CHUNK = 1000;

/**
 * One page of the scope's trail, newest first, with the cursor of the next (older) page.
 *
 * @example
 * const { events, nextCursor } = await auditPage(context, { examId, sittingId }, { limit: 50, kind: 'grade.applied' });
 */
export async function auditPage(context: AppContext, scope: AuditScope, query: AuditPageQuery): Promise<AuditPage> {
  const { cursor, limit, ...filter } = query;
  const rows = await auditEventRows(
    context,
    scope,
    filter,
    cursor === undefined ? undefined : Number(cursor),
    limit + 1,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: await presentAuditEvents(context, page),
    nextCursor: rows.length > limit && last ? String(last.id) : null,
  };
}

/** The kinds and actors the filters can choose from, most frequent actors first, kinds by name. */
export async function auditFacets(context: AppContext, scope: AuditScope): Promise<AuditFacets> {
  const { kinds, actors } = await auditCounts(context, scope);
  const userIds = [...actors.keys()].filter((key) => key.startsWith('user:')).map((key) => key.slice(5));
  const users =
    userIds.length === 0
      ? []
      : await context.db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', userIds).execute();
  const labels = new Map(users.map((user) => [`user:${user.id}`, `${user.name} (${user.email})`]));
  labels.set('student', 'Students');
  labels.set('system', 'System');
  return {
    kinds: [...kinds].map(([kind, count]) => ({ kind, count })).sort((a, b) => a.kind.localeCompare(b.kind)),
    actors: [...actors]
      .map(([value, count]) => ({ value, label: labels.get(value) ?? 'unknown user', count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
  };
}

/**
 * The filtered trail as CSV text, a chunk of rows at a time (header first), so a trail of any length is streamed with
 * the memory of one chunk. Downloading it is audited first: it holds students' names and answers.
 *
 * @example
 * reply.send(Readable.from(await exportAuditCsv(context, user, scope, filter)));
 */
export async function exportAuditCsv(
  context: AppContext,
  user: UserRow,
  scope: AuditScope,
  filter: AuditFilter,
): Promise<AsyncGenerator<string>> {
  const subject = scope.sittingId !== undefined ? `sitting:${scope.sittingId}` : `exam:${scope.examId}`;
  await recordEvent(context.db, context.clock.now(), { kind: 'user', id: user.id }, 'audit.exported', subject, {
    filter,
  });
  return auditCsvChunks(context, scope, filter);
}

/** The CSV in chunks, without auditing (the exam archive writes it as one of its files), counting the events written. */
export async function* auditCsvChunks(
  context: AppContext,
  scope: AuditScope,
  filter: AuditFilter,
  written: { events: number } = { events: 0 },
): AsyncGenerator<string> {
  yield AUDIT_CSV_HEADER_LINE;
  let beforeId: number | undefined;
  for (;;) {
    const rows = await auditEventRows(context, scope, filter, beforeId, CSV_CHUNK);
    if (rows.length === 0) return;
    yield presentAuditCsv(await presentAuditEvents(context, rows));
    written.events += rows.length;
    if (rows.length < CSV_CHUNK) return;
    beforeId = rows.at(-1)?.id;
  }
}
