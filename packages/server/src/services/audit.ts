import type { Kysely } from 'kysely';
import type { AuditRow } from '../db/attempt-writes.js';
import type { Database } from '../db/schema.js';

export interface Actor {
  readonly kind: 'user' | 'student' | 'system';
  readonly id: string;
}

export const SYSTEM: Actor = { kind: 'system', id: 'system' };

/** An audit event as a row for a group-committed write (`AttemptWrite`), committed with the change it records. */
export function auditRow(at: Date, actor: Actor, action: string, subject: string, data: unknown): AuditRow {
  return {
    at: at.toISOString(),
    actorKind: actor.kind,
    actorId: actor.id,
    action,
    subject,
    dataJson: JSON.stringify(data),
  };
}

/** Appends an audit event; call it with the transaction that makes the change, so both commit or neither does. */
export async function recordEvent(
  db: Kysely<Database>,
  at: Date,
  actor: Actor,
  action: string,
  subject: string,
  data: unknown,
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at: at.toISOString(),
      actor_kind: actor.kind,
      actor_id: actor.id,
      action,
      subject,
      data_json: JSON.stringify(data),
    })
    .execute();
}
