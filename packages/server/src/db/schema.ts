import type { Generated } from 'kysely';

/**
 * The database schema, one for SQLite and PostgreSQL: times are ISO 8601 UTC strings (they sort as text), booleans are
 * 0/1 integers, JSON is text. Responses are the source of truth; no score is stored, every score is recomputed.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  exams: ExamsTable;
  exam_staff: ExamStaffTable;
  exam_versions: ExamVersionsTable;
  sittings: SittingsTable;
  roster: RosterTable;
  attempts: AttemptsTable;
  answers: AnswersTable;
  audit_events: AuditEventsTable;
  scan_batches: ScanBatchesTable;
  scan_pages: ScanPagesTable;
  sheet_pages: SheetPagesTable;
  review_items: ReviewItemsTable;
  grades: GradesTable;
  grading_claims: GradingClaimsTable;
  grading_comments: GradingCommentsTable;
  grading_flags: GradingFlagsTable;
  paper_answer_boxes: PaperAnswerBoxesTable;
  scan_box_crops: ScanBoxCropsTable;
  password_tokens: PasswordTokensTable;
  setup_codes: SetupCodesTable;
  rate_limits: RateLimitsTable;
  regrade_requests: RegradeRequestsTable;
  release_overrides: ReleaseOverridesTable;
  paper_jobs: PaperJobsTable;
  exam_assets: ExamAssetsTable;
  session_revocations: SessionRevocationsTable;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: 'owner' | 'instructor' | 'grader';
  created_at: string;
  /** 1: administers accounts (creates, disables, resets); orthogonal to the teaching role (decision 0011). */
  is_admin?: number;
  /** When an administrator disabled the account (null: active); its grades and audit events stay attributed. */
  disabled_at?: string | null;
}

/** A one-time secret that lets a person set their password (a new account, or a reset); only its hash is kept. */
export interface PasswordTokensTable {
  /** SHA-256 of the token. */
  id: string;
  user_id: string;
  purpose: 'set-password';
  created_at: string;
  expires_at: string;
  /** Set when used (or replaced by a newer token): a token works once. */
  used_at: string | null;
}

/** The code a production server prints on first start, to create the first administrator; only its hash is kept. */
export interface SetupCodesTable {
  /** SHA-256 of the normalised code. */
  id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a stolen database does not yield usable sessions. */
  id: string;
  user_id: string | null;
  roster_id: string | null;
  csrf_token: string;
  expires_at: string;
  created_at: string;
}

/**
 * A student's session ended (logout) or a student's roster row changed: every node's cache of students' sessions
 * reads the recent rows and forgets what they name (auth/student-session-cache.ts).
 */
export interface SessionRevocationsTable {
  id: Generated<number>;
  at: string;
  session_id: string | null;
  roster_id: string | null;
}

/** Attempts counted per key in its current fixed window (auth/rate-limits.ts). */
export interface RateLimitsTable {
  key: string;
  count: number;
  resets_at: string;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  email: string;
  at: string;
  success: number;
}

export interface ExamsTable {
  id: string;
  slug: string;
  owner_id: string;
  created_at: string;
  updated_at: string;
}

export interface ExamStaffTable {
  exam_id: string;
  user_id: string;
  role: 'instructor' | 'grader';
}

export interface ExamVersionsTable {
  id: string;
  exam_id: string;
  version: number;
  /** The exam file as imported (or as printed after a key change). */
  source: string;
  published_at: string | null;
  created_at: string;
}

export interface SittingsTable {
  id: string;
  exam_id: string;
  /** The version students are scored against; a key change moves it to a new version. */
  exam_version_id: string;
  title: string;
  opens_at: string;
  closes_at: string;
  duration_minutes: number;
  grace_seconds: number;
  shuffle_questions: number;
  shuffle_options: number;
  /** 1: students see one question per page; 0: the whole exam on one page. */
  one_question_per_page?: number;
  release_results: 'never' | 'after-close' | 'immediately';
  release_solutions: 'never' | 'after-close' | 'immediately';
  created_at: string;
  /** The paper size answer sheets were last printed on (null: none printed yet; scans are read as A4). */
  sheet_page_size?: 'A4' | 'Letter' | null;
  /** When an instructor let graders see students' names (null: grading is anonymous). */
  names_revealed_at?: string | null;
  /** Until when students may ask for a regrade once results are released (null: not offered, or closed). */
  regrade_until?: string | null;
}

export interface RosterTable {
  id: string;
  sitting_id: string;
  student_number: string;
  name: string;
  email: string;
  time_multiplier: number;
  access_code: string;
}

export interface AttemptsTable {
  id: string;
  sitting_id: string;
  roster_id: string;
  variant_seed: string;
  started_at: string;
  deadline_at: string;
  /** deadline + grace: saves are refused after this instant. */
  accepts_until: string;
  closed_at: string | null;
  /**
   * When the close was actually recorded: `closed_at` is the deadline for an expired attempt (what its answers count
   * up to), so a close job running late shows here. Null for attempts closed before this was recorded (0012).
   */
  closed_recorded_at: string | null;
  /** `paper`: made from a scanned answer sheet (closed from the start; its answers come from the reader and review). */
  close_reason: 'submitted' | 'expired' | 'paper' | null;
  last_seq: number;
  last_save_at: string | null;
  /** The last time the student's page was heard from (saves and heartbeats). */
  last_seen_at: string | null;
  /**
   * The student's instances of the exam version's computed questions (`Record<questionId, GeneratedQuestion>` as
   * JSON), generated from `variant_seed`; null for exams without computed questions.
   */
  generated_json: string | null;
}

export interface AnswersTable {
  attempt_id: string;
  question_id: string;
  answer_json: string;
  flagged: number;
  seq: number;
  saved_at: string;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor_kind: 'user' | 'student' | 'system';
  actor_id: string;
  action: string;
  subject: string;
  data_json: string;
}

export type ScanBatchStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ScanBatchesTable {
  id: string;
  sitting_id: string;
  uploaded_by: string;
  file_name: string;
  file_kind: 'pdf' | 'png' | 'jpeg';
  file_size: number;
  file_data: Buffer;
  status: ScanBatchStatus;
  pages_total: number;
  pages_done: number;
  /** How many times a job has started reading this batch (a crashed run is taken up again). */
  tries: number;
  error: string | null;
  /** The batch's anomalies (JSON array of `ScanAnomalyView`), once read. */
  anomalies_json: string;
  /** What became of each sheet (JSON array of `ScanSheetView`), once read. */
  sheets_json: string;
  /** A running job holds the batch until then; past it, another job may take it up (the first one died). */
  lease_until: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** A sitting's question papers being rendered in the background (migration 0014). */
export interface PaperJobsTable {
  id: string;
  sitting_id: string;
  requested_by: string;
  page_size: 'A4' | 'Letter';
  status: ScanBatchStatus;
  /** Students whose paper the job renders, and how many are drawn so far (the progress bar). */
  sets_total: number;
  sets_done: number;
  /** How many times a job has started rendering it (a crashed or stopped run is taken up again). */
  tries: number;
  error: string | null;
  /** The finished PDF, kept in the database so that every node serves it. */
  pdf_data: Buffer | null;
  pdf_pages: number | null;
  /** A running job holds the row until then; past it, any node's loop takes it up again. */
  lease_until: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface ScanPagesTable {
  batch_id: string;
  /** 1-based position in the uploaded file. */
  scan_page: number;
  /** The page's reading (`PageResult` without images). */
  result_json: string;
  /** The upright page, for annotated sheets; only for sheet pages that were read. */
  image_jpeg: Buffer | null;
  /** Crops of question rows for review as PNG in base64, by question id (answer boxes are in `scan_box_crops`). */
  crops_json: string;
}

export interface SheetPagesTable {
  attempt_id: string;
  page: number;
  batch_id: string;
  scan_page: number;
}

export interface ReviewItemsTable {
  id: string;
  sitting_id: string;
  batch_id: string;
  attempt_id: string;
  roster_id: string;
  question_id: string;
  printed_number: string;
  scan_page: number;
  reasons_json: string;
  bubbles_json: string;
  /** What counts until a person decides (unsure marks as `unclear`). */
  proposed_json: string;
  crop_png: Buffer | null;
  status: 'open' | 'decided';
  decision_json: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

/** A grader's decision on one written answer; points are derived from it and the exam version's rubric. */
export interface GradesTable {
  attempt_id: string;
  question_id: string;
  /** The rubric item ids applied (JSON array): ids, not points, so a rubric edit rescores every answer carrying it. */
  items_json: string;
  /** Exact points added or taken off (`Rational` text, `-0.5`, `1/3`); null for none. */
  adjustment: string | null;
  adjustment_reason: string | null;
  comment: string | null;
  graded_by: string;
  graded_at: string;
  /** 1 for the first grade, +1 per change: a save names the version it saw, and a stale one is refused. */
  version: number;
}

/** A grader holds an answer until `expires_at` so that no one else is sent it; renewed while they work. */
export interface GradingClaimsTable {
  attempt_id: string;
  question_id: string;
  grader_id: string;
  expires_at: string;
}

/** An answer flagged for a second look, with the grader's note; cleared by unflagging. */
export interface GradingFlagsTable {
  attempt_id: string;
  question_id: string;
  note: string;
  flagged_by: string;
  flagged_at: string;
}

/** Comments graders wrote for a question, offered again for the same question (per exam, across its sittings). */
export interface GradingCommentsTable {
  exam_id: string;
  question_id: string;
  text: string;
  uses: number;
  created_by: string;
  last_used_at: string;
}

/**
 * One free-response box of a paper attempt's sheet: its crop (upright, at the scan's resolution) and whether it holds
 * writing. Written boxes (by the reader, or a person's override) go to grading; blank ones score as blank.
 */
export interface PaperAnswerBoxesTable {
  attempt_id: string;
  question_id: string;
  image_jpeg: Buffer;
  /** The reader's verdict. */
  ink: 'blank' | 'written';
  ink_share: number;
  /** The reader's confidence in its verdict (0.5–1). */
  confidence: number;
  /** A person's verdict, which wins over the reader's (and over a later scan's); null when none was given. */
  blank_override: 'blank' | 'written' | null;
  overridden_by: string | null;
  overridden_at: string | null;
  /** Where the box was scanned: the whole page is `scan_pages.image_jpeg` there. */
  batch_id: string;
  scan_page: number;
}

/** A box crop (JPEG) read from a scan page, waiting for its sheet to be attached to an attempt. */
export interface ScanBoxCropsTable {
  batch_id: string;
  scan_page: number;
  question_id: string;
  image_jpeg: Buffer;
}

/** A student's request that one answer be graded again, with the reason; staff accept (with the grade) or decline. */
export interface RegradeRequestsTable {
  id: string;
  sitting_id: string;
  attempt_id: string;
  question_id: string;
  reason: string;
  /** At most one `open` request per (attempt, question): a partial unique index. */
  status: 'open' | 'accepted' | 'declined' | 'withdrawn';
  /** Staff's answer to the student. */
  reply: string | null;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  /** The grade version an accepted written answer's regrade wrote (null: none, as for a choice question). */
  grade_version: number | null;
}

/** A student's exception to the sitting's release (decision 0013); null follows the sitting's policy. */
export interface ReleaseOverridesTable {
  roster_id: string;
  sitting_id: string;
  results: 'held' | 'released' | null;
  solutions: 'held' | 'released' | null;
  set_by: string;
  set_at: string;
}

/** A file an exam's text refers to (an imported bank's image), by the relative path its Markdown uses. */
export interface ExamAssetsTable {
  exam_id: string;
  path: string;
  content_type: string;
  data: Buffer;
  created_at: string;
}
