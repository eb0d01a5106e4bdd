import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from './connect.js';
import { createExamAssets } from './exam-assets-migration.js';
import { createPaperJobs } from './paper-jobs-migration.js';
import { createRateLimits } from './rate-limits-migration.js';
import { createRegradeRequests } from './regrade-requests-migration.js';
import { createReleaseOverrides } from './release-overrides-migration.js';
import { createSessionRevocations } from './session-revocations-migration.js';

/**
 * Migrations, in order, under version control with the code. Each runs on SQLite and PostgreSQL alike; where the two
 * differ (auto-increment ids, triggers) the migration says so.
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-initial': { up: (db) => initial(db, dialect) },
    '0002-attempt-last-seen': {
      // The monitor tells a student reading quietly from one whose connection is gone.
      up: (db) => db.schema.alterTable('attempts').addColumn('last_seen_at', 'text').execute(),
    },
    '0003-paper-scans': { up: (db) => paperScans(db, dialect) },
    '0004-attempt-instances': {
      // A student's instances of the exam's computed questions, generated once from the variant seed (JSON).
      up: (db) => db.schema.alterTable('attempts').addColumn('generated_json', 'text').execute(),
    },
    '0005-grading': { up: (db) => grading(db) },
    '0006-paper-answer-boxes': { up: (db) => paperAnswerBoxes(db, dialect) },
    '0007-grading-flags': { up: (db) => gradingFlags(db) },
    '0008-accounts': { up: (db) => accounts(db) },
    '0009-rate-limits': { up: (db) => createRateLimits(db) },
    '0010-regrade-requests': { up: (db) => createRegradeRequests(db) },
    '0011-release-overrides': { up: (db) => createReleaseOverrides(db) },
    '0012-attempt-close-recorded': {
      // When an attempt's close was recorded, beside the deadline `closed_at` keeps: a late close job shows.
      up: (db) => db.schema.alterTable('attempts').addColumn('closed_recorded_at', 'text').execute(),
    },
    '0013-sitting-one-question': {
      // A sitting may show one question per page (1) instead of the whole exam on one page (0, the default).
      up: (db) =>
        db.schema
          .alterTable('sittings')
          .addColumn('one_question_per_page', 'integer', (c) => c.notNull().defaultTo(0))
          .execute(),
    },
    '0014-paper-jobs': { up: (db) => createPaperJobs(db, dialect) },
    '0015-exam-assets': { up: (db) => createExamAssets(db, dialect) },
    '0016-session-revocations': { up: (db) => createSessionRevocations(db, dialect) },
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrations(dialect)) };
}

async function initial(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const serial = dialect === 'postgres' ? 'bigserial' : 'integer';
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('roster_id', 'text')
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('login_attempts')
    .addColumn('id', serial, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('success', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_email_at').on('login_attempts').columns(['email', 'at']).execute();
  await db.schema
    .createTable('exams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('exam_staff')
    .addColumn('exam_id', 'text', (c) => c.notNull().references('exams.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exam_staff_pk', ['exam_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('exam_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exam_id', 'text', (c) => c.notNull().references('exams.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('exam_versions_exam_version', ['exam_id', 'version'])
    .execute();
  await db.schema
    .createTable('sittings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exam_id', 'text', (c) => c.notNull().references('exams.id'))
    .addColumn('exam_version_id', 'text', (c) => c.notNull().references('exam_versions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('grace_seconds', 'integer', (c) => c.notNull())
    .addColumn('shuffle_questions', 'integer', (c) => c.notNull())
    .addColumn('shuffle_options', 'integer', (c) => c.notNull())
    .addColumn('release_results', 'text', (c) => c.notNull())
    .addColumn('release_solutions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('roster')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sitting_id', 'text', (c) => c.notNull().references('sittings.id').onDelete('cascade'))
    .addColumn('student_number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('time_multiplier', 'real', (c) => c.notNull())
    .addColumn('access_code', 'text', (c) => c.notNull().unique())
    .addUniqueConstraint('roster_sitting_student', ['sitting_id', 'student_number'])
    .execute();
  await db.schema
    .createTable('attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sitting_id', 'text', (c) => c.notNull().references('sittings.id'))
    .addColumn('roster_id', 'text', (c) => c.notNull().unique().references('roster.id'))
    .addColumn('variant_seed', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    .addColumn('accepts_until', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('last_save_at', 'text')
    .execute();
  await db.schema.createIndex('attempts_open_deadline').on('attempts').columns(['closed_at', 'deadline_at']).execute();
  await db.schema
    .createTable('answers')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('answer_json', 'text', (c) => c.notNull())
    .addColumn('flagged', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('answers_pk', ['attempt_id', 'question_id'])
    .execute();
  await db.schema
    .createTable('audit_events')
    .addColumn('id', serial, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_subject').on('audit_events').columns(['subject', 'id']).execute();
  await appendOnly(db, dialect);
}

/**
 * Paper exams: uploaded scan batches (the file itself is kept in the database, so any app node can read it), each
 * scanned page as read (the upright page as JPEG and the reading as JSON, enough to redraw an annotated sheet), which
 * scanned page is which page of a student's sheet, and the review queue. Readings become ordinary attempts and answers.
 */
async function paperScans(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  // The reader rebuilds a sheet's geometry from its layout, which depends on the paper size it was printed on.
  await db.schema.alterTable('sittings').addColumn('sheet_page_size', 'text').execute();
  await db.schema
    .createTable('scan_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sitting_id', 'text', (c) => c.notNull().references('sittings.id').onDelete('cascade'))
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_kind', 'text', (c) => c.notNull())
    .addColumn('file_size', 'integer', (c) => c.notNull())
    .addColumn('file_data', blob, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('pages_total', 'integer', (c) => c.notNull())
    .addColumn('pages_done', 'integer', (c) => c.notNull())
    .addColumn('tries', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('anomalies_json', 'text', (c) => c.notNull())
    .addColumn('sheets_json', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('scan_batches_status').on('scan_batches').columns(['status', 'created_at']).execute();
  await db.schema
    .createIndex('scan_batches_sitting')
    .on('scan_batches')
    .columns(['sitting_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('scan_pages')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('scan_batches.id').onDelete('cascade'))
    .addColumn('scan_page', 'integer', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('image_jpeg', blob)
    .addColumn('crops_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scan_pages_pk', ['batch_id', 'scan_page'])
    .execute();
  await db.schema
    .createTable('sheet_pages')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id'))
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('scan_batches.id'))
    .addColumn('scan_page', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sheet_pages_pk', ['attempt_id', 'page'])
    .execute();
  await db.schema
    .createTable('review_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sitting_id', 'text', (c) => c.notNull().references('sittings.id').onDelete('cascade'))
    .addColumn('batch_id', 'text', (c) => c.notNull().references('scan_batches.id'))
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id'))
    .addColumn('roster_id', 'text', (c) => c.notNull().references('roster.id'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('printed_number', 'text', (c) => c.notNull())
    .addColumn('scan_page', 'integer', (c) => c.notNull())
    .addColumn('reasons_json', 'text', (c) => c.notNull())
    .addColumn('bubbles_json', 'text', (c) => c.notNull())
    .addColumn('proposed_json', 'text', (c) => c.notNull())
    .addColumn('crop_png', blob)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision_json', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('review_items_queue')
    .on('review_items')
    .columns(['sitting_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('review_items_attempt')
    .on('review_items')
    .columns(['attempt_id', 'question_id'])
    .execute();
}

/**
 * Grading written answers: one grade per answer (rubric item ids, an exact adjustment with its reason, a comment,
 * and a version that a save must name, so a stale save is refused rather than silently overwriting), short claims
 * so two graders are not sent the same answer, comments kept for reuse per question, and whether graders may see
 * names. Scores stay derived: points come from the stored items and the exam version's rubric.
 */
async function grading(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sittings').addColumn('names_revealed_at', 'text').execute();
  await db.schema
    .createTable('grades')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('items_json', 'text', (c) => c.notNull())
    .addColumn('adjustment', 'text')
    .addColumn('adjustment_reason', 'text')
    .addColumn('comment', 'text')
    .addColumn('graded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('graded_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('grades_pk', ['attempt_id', 'question_id'])
    .execute();
  await db.schema
    .createTable('grading_claims')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('grader_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('grading_claims_pk', ['attempt_id', 'question_id'])
    .execute();
  await db.schema
    .createTable('grading_comments')
    .addColumn('exam_id', 'text', (c) => c.notNull().references('exams.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('uses', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('grading_comments_pk', ['exam_id', 'question_id', 'text'])
    .execute();
  // The queue reads every answer to one question (and its grades and claims) on each move of each grader.
  await db.schema.createIndex('answers_question').on('answers').columns(['question_id', 'attempt_id']).execute();
  await db.schema.createIndex('grades_question').on('grades').columns(['question_id', 'attempt_id']).execute();
  await db.schema
    .createIndex('grading_claims_grader')
    .on('grading_claims')
    .columns(['grader_id', 'question_id'])
    .execute();
}

/**
 * Handwritten answers: each free-response box of an attached sheet, as JPEG with the reader's ink verdict and a
 * person's override, one row per (attempt, question), where grading, results and the student's own results find it.
 * Box crops are megapixels each, so between a page's reading and its sheet's attachment they wait in a table of
 * their own (JPEG, by scan page), not base64 in `scan_pages.crops_json`; the batch's finish clears them.
 */
async function paperAnswerBoxes(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  await db.schema
    .createTable('paper_answer_boxes')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('image_jpeg', blob, (c) => c.notNull())
    .addColumn('ink', 'text', (c) => c.notNull())
    .addColumn('ink_share', 'real', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('blank_override', 'text')
    .addColumn('overridden_by', 'text', (c) => c.references('users.id'))
    .addColumn('overridden_at', 'text')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('scan_batches.id'))
    .addColumn('scan_page', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('paper_answer_boxes_pk', ['attempt_id', 'question_id'])
    .execute();
  // The grading queue reads one question's boxes on each move of each grader.
  await db.schema
    .createIndex('paper_answer_boxes_question')
    .on('paper_answer_boxes')
    .columns(['question_id', 'attempt_id'])
    .execute();
  await db.schema
    .createTable('scan_box_crops')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('scan_batches.id').onDelete('cascade'))
    .addColumn('scan_page', 'integer', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('image_jpeg', blob, (c) => c.notNull())
    .addPrimaryKeyConstraint('scan_box_crops_pk', ['batch_id', 'scan_page', 'question_id'])
    .execute();
}

/** The audit log refuses updates and deletes at the database level, whatever the application does. */
async function appendOnly(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    for (const operation of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER audit_events_no_${operation.toLowerCase()} BEFORE ${operation} ON audit_events ` +
            `BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS ` +
        `$$ BEGIN RAISE EXCEPTION 'audit events are append-only'; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      'CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events ' +
        'FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()',
    )
    .execute(db);
}

/** An answer a grader marked for a second look (a question for the instructor, a suspected copy), with why. */
async function gradingFlags(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('grading_flags')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('flagged_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('flagged_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('grading_flags_pk', ['attempt_id', 'question_id'])
    .execute();
}

/**
 * Accounts people can run (decision 0011): an administrator flag beside the teaching role, disabled accounts that keep
 * their history, one-time set-password tokens and first-start setup codes, both stored as hashes. Every existing
 * site owner becomes an administrator, so an upgraded site is never left without one.
 */
async function accounts(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
  await sql`UPDATE users SET is_admin = 1 WHERE role = 'owner'`.execute(db);
  await db.schema
    .createTable('password_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('password_tokens_user').on('password_tokens').column('user_id').execute();
  await db.schema
    .createTable('setup_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
}
