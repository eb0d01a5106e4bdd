import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface Actor {
  readonly kind: 'user' | 'student' | 'system';
  readonly id: string;
}

export const SYSTEM: Actor = { kind: 'system', id: 'system' };

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
