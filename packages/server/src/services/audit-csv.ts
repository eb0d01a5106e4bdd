import { stringify } from 'csv-stringify/sync';
import type { AuditActor, AuditEvent } from '../api/index.js';
import { guardTextCell } from './csv-text-cell.js';

/** The columns of an audit CSV: the event as the page shows it, then its subject and payload as written. */
export const AUDIT_CSV_HEADER = [
  'id',
  'at',
  'kind',
  'actor kind',
  'actor',
  'actor email',
  'student',
  'name',
  'question',
  'sitting',
  'summary',
  'subject',
  'data',
] as const;

export const AUDIT_CSV_HEADER_LINE = stringify([[...AUDIT_CSV_HEADER]]);

/**
 * Events as CSV rows (no header): every cell a person or a student wrote (names, titles, the summary quoting a comment
 * or a typed answer, the payload) is guarded, so a name like `=HYPERLINK(…)` is text in a spreadsheet.
 *
 * @example
 * AUDIT_CSV_HEADER_LINE + presentAuditCsv(events);
 */
export function presentAuditCsv(events: readonly AuditEvent[]): string {
  return stringify(
    events.map((event) => [
      String(event.id),
      event.at,
      event.kind,
      event.actor.kind,
      guardTextCell(actorName(event.actor)),
      guardTextCell(event.actor.kind === 'user' ? event.actor.email : ''),
      guardTextCell(event.student?.studentNumber ?? ''),
      guardTextCell(event.student?.name ?? ''),
      event.questionId ?? '',
      guardTextCell(event.sittingTitle ?? ''),
      guardTextCell(event.summary),
      event.subject,
      guardTextCell(JSON.stringify(event.data)),
    ]),
  );
}

function actorName(actor: AuditActor): string {
  switch (actor.kind) {
    case 'system':
      return 'system';
    case 'student':
      return actor.name;
    case 'user':
      return actor.name;
  }
}
