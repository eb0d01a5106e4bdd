import { z } from 'zod';

/**
 * The audit trail as read back: one exam's or one sitting's events, newest first, a page at a time (keyset: the next
 * page starts below the last event's id, so events written meanwhile never shift a page), with the same filters for
 * the page, the CSV and the filter choices.
 */

const Instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

/**
 * Who acted: `user:<id>` (a member of staff), `student` (any student, acting on their own attempt) or `system`
 * (closing expired attempts, reading scans).
 */
export const AuditActorFilterSchema = z.union([
  z.literal('system'),
  z.literal('student'),
  z.string().regex(/^user:[^\s]{1,100}$/),
]);

/** The filters of a view of the trail; every one optional, all of them together (and). */
export const AuditFilterSchema = z.strictObject({
  /** The event's kind, exactly: `grade.applied`, `attempt.expired`. */
  kind: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{0,99}$/)
    .optional(),
  actor: AuditActorFilterSchema.optional(),
  /** Events about one roster entry (its attempt and its answers). */
  rosterId: z.string().min(1).max(100).optional(),
  /** Events about students whose number is this (any case) or whose name contains it. */
  student: z.string().trim().min(1).max(200).optional(),
  /** From this instant, inclusive. */
  from: Instant.optional(),
  /** Until this instant, exclusive. */
  to: Instant.optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AuditPageQuerySchema = AuditFilterSchema.extend({
  /** The `nextCursor` of the previous page; none for the newest events. */
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditPageQuery = z.infer<typeof AuditPageQuerySchema>;

export const AuditActorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), id: z.string(), name: z.string(), email: z.string() }),
  z.object({ kind: z.literal('student'), id: z.string(), name: z.string(), studentNumber: z.string() }),
  z.object({ kind: z.literal('system') }),
]);
export type AuditActor = z.infer<typeof AuditActorSchema>;

/** The student an event is about (resolved from its subject), with the sitting they sat. */
export const AuditStudentSchema = z.object({
  rosterId: z.string(),
  studentNumber: z.string(),
  name: z.string(),
});

export const AuditEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.string(),
  actor: AuditActorSchema,
  /** What happened, in words: "graded wasserstein-vs-js: items js-constant (version 2)". */
  summary: z.string(),
  /** What the event names, as stored: `sitting:<id>`, `attempt:<id>`, `answer:<attempt>/<question>`, `exam:<id>`. */
  subject: z.string(),
  sittingId: z.string().nullable(),
  sittingTitle: z.string().nullable(),
  student: AuditStudentSchema.nullable(),
  questionId: z.string().nullable(),
  /** The event's payload as written (answers, grades, counts). */
  data: z.unknown(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditPageSchema = z.object({
  events: z.array(AuditEventSchema),
  /** Pass as `cursor` for the next (older) page; null when there is none. */
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** What the filters can choose from: the kinds and the actors found in the exam's or sitting's trail, with counts. */
export const AuditFacetsSchema = z.object({
  kinds: z.array(z.object({ kind: z.string(), count: z.number().int() })),
  actors: z.array(
    z.object({
      /** The value for the `actor` filter. */
      value: z.string(),
      label: z.string(),
      count: z.number().int(),
    }),
  ),
});
export type AuditFacets = z.infer<typeof AuditFacetsSchema>;
