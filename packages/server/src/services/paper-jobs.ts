import type { PageSize } from '@examforge/core';
import type { PaperJob } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { claimLeased, leaseFromNow } from '../jobs/claim-leased.js';
import type { PaperJobsTable } from '../db/schema.js';
import { conflict, HttpError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { recordPapersPrinted } from './paper-print.js';
import { drawingPapers, renderSittingQuestionPapers, sittingRoster } from './paper-render.js';

/** Progress is written at most this often: a 300-student job would otherwise write 300 times. */
const PROGRESS_WRITE_MS = 500;

const JOB_COLUMNS = [
  'id',
  'sitting_id',
  'status',
  'page_size',
  'sets_total',
  'sets_done',
  'error',
  'pdf_pages',
  'created_at',
  'finished_at',
] as const;
type JobRow = Pick<PaperJobsTable, (typeof JOB_COLUMNS)[number]>;

/**
 * Queues the rendering of a sitting's question papers for the background loop. A job already waiting or running for
 * the same paper size is returned instead of a second one (a double click, or a second instructor).
 */
export async function requestPaperJob(
  context: AppContext,
  user: UserRow,
  sittingId: string,
  pageSize: PageSize,
): Promise<PaperJob> {
  const roster = await sittingRoster(context, sittingId);
  const pending = await context.db
    .selectFrom('paper_jobs')
    .select(JOB_COLUMNS)
    .where('sitting_id', '=', sittingId)
    .where('page_size', '=', pageSize)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  if (pending) return presentPaperJob(pending);
  const id = newId();
  await context.db
    .insertInto('paper_jobs')
    .values({
      id,
      sitting_id: sittingId,
      requested_by: user.id,
      page_size: pageSize,
      status: 'queued',
      sets_total: roster.length,
      sets_done: 0,
      tries: 0,
      error: null,
      pdf_data: null,
      pdf_pages: null,
      lease_until: null,
      created_at: context.clock.now().toISOString(),
      started_at: null,
      finished_at: null,
    })
    .execute();
  return getPaperJob(context, sittingId, id);
}

/** The sitting's jobs, newest first: at most the last finished one and any still waiting or running. */
export async function listPaperJobs(context: AppContext, sittingId: string): Promise<PaperJob[]> {
  const rows = await context.db
    .selectFrom('paper_jobs')
    .select(JOB_COLUMNS)
    .where('sitting_id', '=', sittingId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(presentPaperJob);
}

export async function getPaperJob(context: AppContext, sittingId: string, jobId: string): Promise<PaperJob> {
  const row = await context.db
    .selectFrom('paper_jobs')
    .select(JOB_COLUMNS)
    .where('id', '=', jobId)
    .where('sitting_id', '=', sittingId)
    .executeTakeFirst();
  if (!row) throw notFound('question-paper job');
  return presentPaperJob(row);
}

/** A finished job's PDF; asking before it is finished is a 409 that says so. */
export async function paperJobPdf(context: AppContext, sittingId: string, jobId: string): Promise<Buffer> {
  const row = await context.db
    .selectFrom('paper_jobs')
    .select(['status', 'pdf_data'])
    .where('id', '=', jobId)
    .where('sitting_id', '=', sittingId)
    .executeTakeFirst();
  if (!row) throw notFound('question-paper job');
  if (row.status !== 'done' || row.pdf_data === null)
    throw conflict('papers-not-ready', `the question papers are ${STATUS_WORDS[row.status]}; download them once done`);
  return row.pdf_data;
}

const STATUS_WORDS: Record<PaperJobsTable['status'], string> = {
  queued: 'waiting their turn',
  running: 'being drawn',
  done: 'ready',
  failed: 'not drawn: the job failed',
};

/** Takes the oldest queued job, or one whose node died, and marks it running from its first student. */
export const claimPaperJob = (context: AppContext): Promise<string | undefined> =>
  claimLeased(context, 'paper_jobs', { sets_done: 0 });

/**
 * Renders a claimed job's papers on the worker pool, writing the progress (and renewing the lease) as students are
 * drawn, then stores the PDF in the row and drops the sitting's older finished jobs. Stopped (the node shuts down),
 * the job goes back to the queue for any node. A failure is stored in words for the instructor and thrown again for
 * the log.
 */
export async function runPaperJob(
  context: AppContext,
  jobId: string,
  signal?: AbortSignal,
): Promise<'done' | 'failed' | 'stopped'> {
  const job = await context.db
    .selectFrom('paper_jobs')
    .select(['id', 'sitting_id', 'page_size', 'requested_by'])
    .where('id', '=', jobId)
    .executeTakeFirstOrThrow();
  const progress = progressWriter(context, jobId);
  try {
    const rendered = await renderSittingQuestionPapers(context, job.sitting_id, job.page_size, {
      onTotal: (students) => progress.total(students),
      onSet: () => progress.set(),
      ...(signal ? { signal } : {}),
    });
    await progress.flush();
    const finishedAt = context.clock.now().toISOString();
    await context.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('paper_jobs')
        .set({
          status: 'done',
          sets_total: rendered.students,
          sets_done: rendered.students,
          pdf_data: rendered.pdf,
          pdf_pages: rendered.pages,
          lease_until: null,
          finished_at: finishedAt,
        })
        .where('id', '=', jobId)
        .execute();
      await trx
        .deleteFrom('paper_jobs')
        .where('sitting_id', '=', job.sitting_id)
        .where('id', '!=', jobId)
        .where('status', 'in', ['done', 'failed'])
        .execute();
    });
    await recordPapersPrinted(context, job.requested_by, job.sitting_id, job.page_size, rendered);
    return 'done';
  } catch (error) {
    await progress.flush();
    if (signal?.aborted) {
      await context.db
        .updateTable('paper_jobs')
        .set({ status: 'queued', sets_done: 0, lease_until: null })
        .where('id', '=', jobId)
        .execute();
      return 'stopped';
    }
    await context.db
      .updateTable('paper_jobs')
      .set({
        status: 'failed',
        error: failureWords(error),
        lease_until: null,
        finished_at: context.clock.now().toISOString(),
      })
      .where('id', '=', jobId)
      .execute();
    // A refusal in words (an empty roster) is the instructor's to fix; anything else is also the log's.
    if (error instanceof HttpError && error.status < 500) return 'failed';
    throw error;
  }
}

/** What the instructor reads: a refusal's own words (an empty roster, a generator that failed), else a general line. */
function failureWords(error: unknown): string {
  if (error instanceof HttpError) return error.message;
  return 'the question papers could not be drawn (the error is in the server log); try again, or tell the administrator if it fails again';
}

/** Writes the progress at most every `PROGRESS_WRITE_MS`, one write at a time, each renewing the lease. */
function progressWriter(context: AppContext, jobId: string) {
  let done = 0;
  let total: number | undefined;
  let written = -1;
  let lastWrite = 0;
  let writing: Promise<void> = Promise.resolve();
  const write = () => {
    const values = { sets_done: done, ...(total === undefined ? {} : { sets_total: total }) };
    written = done;
    lastWrite = Date.now();
    writing = writing
      .then(async () => {
        await context.db
          .updateTable('paper_jobs')
          .set({ ...values, lease_until: leaseFromNow(context) })
          .where('id', '=', jobId)
          .where('status', '=', 'running')
          .execute();
      })
      .catch(() => undefined);
  };
  return {
    total: (students: number) => {
      total = students;
      write();
    },
    set: () => {
      done += 1;
      if (Date.now() - lastWrite >= PROGRESS_WRITE_MS) write();
    },
    flush: async () => {
      if (written !== done) write();
      await writing;
    },
  };
}

/** Renders queued jobs one after another until none is left (or the node is stopping); returns how many finished. */
export async function printQueuedPapers(context: AppContext, signal?: AbortSignal): Promise<number> {
  let finished = 0;
  // A direct download being drawn here holds the workers: leave queued jobs to other nodes or the next tick.
  while (!signal?.aborted && !drawingPapers()) {
    const jobId = await claimPaperJob(context);
    if (jobId === undefined) break;
    if ((await runPaperJob(context, jobId, signal)) !== 'stopped') finished += 1;
  }
  return finished;
}

function presentPaperJob(row: JobRow): PaperJob {
  const base = `/api/sittings/${encodeURIComponent(row.sitting_id)}/paper/question-papers/${encodeURIComponent(row.id)}`;
  return {
    id: row.id,
    status: row.status,
    pageSize: row.page_size,
    studentsTotal: row.sets_total,
    studentsDone: row.sets_done,
    ...(row.error !== null && { error: row.error }),
    ...(row.status === 'done' && { pages: row.pdf_pages ?? 0, downloadUrl: `${base}/questions.pdf` }),
    createdAt: row.created_at,
    ...(row.finished_at !== null && { finishedAt: row.finished_at }),
  };
}
