import { readFileSync } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { SittingsTable } from '../db/schema.js';
import { notFound } from '../errors.js';
import { recordEvent } from './audit.js';
import { auditCsvChunks } from './audit-view.js';
import { sittingArchiveFiles } from './exam-archive-sitting.js';

/** The server's version, written in every manifest so that a reader knows which code wrote the archive. */
const APP_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const MANIFEST_FILE = { path: 'manifest.json', description: 'this list: what each file is, counts, who exported it' };

/** One file of the archive, as the manifest lists it. */
export interface ArchiveFile {
  readonly path: string;
  readonly description: string;
  /** Data rows (CSV, without the header) or items (JSON arrays). */
  readonly rows?: number;
}

/** A file before it is written: its text at once, or in chunks (the audit trail), with its manifest entry. */
export interface ArchiveEntry {
  readonly path: string;
  readonly description: string;
  readonly text: string;
  readonly rows?: number;
}

/**
 * Everything of one exam as one `.zip`: every exam version's source, the sittings, and per sitting its roster, every
 * response (`responses.csv`, names included), results, grades, then the exam's whole audit trail and `manifest.json`
 * (what each file is, counts, exam id, export time, app version). Downloading it is audited before anything is read.
 *
 * Written as it is read: each sitting's files are built in memory one sitting at a time (a sitting of 1,000 students
 * and 30 questions is a few MB), the audit trail a thousand events at a time, and the compressed bytes wait for the
 * client (backpressure), so memory stays at one sitting's files whatever the exam's size.
 *
 * @example
 * reply.header('content-type', 'application/zip').send(await streamExamArchive(context, user, examId));
 */
export async function streamExamArchive(context: AppContext, user: UserRow, examId: string): Promise<Readable> {
  await recordEvent(
    context.db,
    context.clock.now(),
    { kind: 'user', id: user.id },
    'exam.archived',
    `exam:${examId}`,
    {},
  );
  const output = new PassThrough();
  writeArchive(context, user, examId, output).catch((error: unknown) => output.destroy(error as Error));
  return output;
}

/** `<exam slug>-archive.zip`: the slug is the exam file's own id, letters, digits and dashes. */
export async function examArchiveName(context: AppContext, examId: string): Promise<string> {
  const exam = await context.db.selectFrom('exams').select('slug').where('id', '=', examId).executeTakeFirst();
  if (!exam) throw notFound('exam');
  return `${exam.slug.replace(/[^A-Za-z0-9._-]/g, '-')}-archive.zip`;
}

async function writeArchive(context: AppContext, user: UserRow, examId: string, output: PassThrough): Promise<void> {
  const zip = new Zip((error, chunk, final) => {
    // The client went away: the writer stops at its next file or chunk.
    if (output.destroyed) return;
    if (error) output.destroy(error);
    else {
      output.write(chunk);
      if (final) output.end();
    }
  });
  const writer = new ArchiveWriter(zip, output);
  const exam = await context.db.selectFrom('exams').selectAll().where('id', '=', examId).executeTakeFirstOrThrow();
  const versions = await context.db
    .selectFrom('exam_versions')
    .selectAll()
    .where('exam_id', '=', examId)
    .orderBy('version')
    .execute();
  for (const version of versions) {
    await writer.write({
      path: `exam/v${version.version}.md`,
      description: `the exam file, version ${version.version} (${version.published_at ? 'published' : 'imported'})`,
      text: version.source,
    });
  }
  const sittings = await context.db
    .selectFrom('sittings')
    .selectAll()
    .where('exam_id', '=', examId)
    .orderBy('created_at')
    .execute();
  const versionNumbers = new Map(versions.map((version) => [version.id, version.version]));
  await writer.write(sittingsEntry(sittings, versionNumbers));
  for (const sitting of sittings) {
    for (const entry of await sittingArchiveFiles(context, sitting)) await writer.write(entry);
  }
  const audit = { events: 0 };
  await writer.writeChunks(
    'audit-events.csv',
    'the exam’s audit trail, newest first: who did what, when, to which student or question (payload as JSON)',
    auditCsvChunks(context, { examId }, {}, audit),
  );
  writer.note('audit-events.csv', audit.events);
  const manifest = {
    format: 'examforge-exam-archive',
    formatVersion: 1,
    examId,
    examSlug: exam.slug,
    exportedAt: context.clock.now().toISOString(),
    exportedBy: { id: user.id, name: user.name, email: user.email },
    appVersion: APP_VERSION,
    counts: {
      versions: versions.length,
      sittings: sittings.length,
      students: writer.total('roster.csv'),
      responses: writer.total('responses.csv'),
      grades: writer.total('grades.csv'),
      auditEvents: audit.events,
    },
    files: [...writer.files, MANIFEST_FILE],
  };
  await writer.writeChunks(MANIFEST_FILE.path, MANIFEST_FILE.description, [`${JSON.stringify(manifest, null, 2)}\n`]);
  zip.end();
}

function sittingsEntry(sittings: readonly SittingsTable[], versions: ReadonlyMap<string, number>): ArchiveEntry {
  const presented = sittings.map((sitting) => ({
    id: sitting.id,
    title: sitting.title,
    examVersion: versions.get(sitting.exam_version_id) ?? null,
    opensAt: sitting.opens_at,
    closesAt: sitting.closes_at,
    durationMinutes: sitting.duration_minutes,
    graceSeconds: sitting.grace_seconds,
    shuffleQuestions: sitting.shuffle_questions === 1,
    shuffleOptions: sitting.shuffle_options === 1,
    releaseResults: sitting.release_results,
    releaseSolutions: sitting.release_solutions,
    namesRevealedAt: sitting.names_revealed_at ?? null,
    createdAt: sitting.created_at,
  }));
  return {
    path: 'sittings.json',
    description: 'the sittings: window, duration, settings, and the exam version each is scored against now',
    text: `${JSON.stringify(presented, null, 2)}\n`,
    rows: presented.length,
  };
}

/** Adds files to the zip one after another, waiting for the client when it reads slower than we write. */
class ArchiveWriter {
  readonly files: ArchiveFile[] = [];

  constructor(
    private readonly zip: Zip,
    private readonly output: PassThrough,
  ) {}

  async write(entry: ArchiveEntry): Promise<void> {
    await this.writeChunks(entry.path, entry.description, [entry.text]);
    if (entry.rows !== undefined) this.note(entry.path, entry.rows);
    else if (entry.path.endsWith('.csv')) this.note(entry.path, countCsvRows(entry.text));
  }

  async writeChunks(path: string, description: string, chunks: AsyncIterable<string> | Iterable<string>) {
    const file = new ZipDeflate(path, { level: 6 });
    this.zip.add(file);
    this.files.push({ path, description });
    for await (const chunk of chunks) {
      file.push(strToU8(chunk));
      await this.drained();
    }
    file.push(new Uint8Array(0), true);
  }

  note(path: string, rows: number): void {
    const index = this.files.findIndex((file) => file.path === path);
    const file = this.files[index];
    if (file) this.files[index] = { ...file, rows };
  }

  /** Rows of every file with this name (one per sitting). */
  total(name: string): number {
    return this.files.filter((file) => file.path.endsWith(`/${name}`)).reduce((sum, file) => sum + (file.rows ?? 0), 0);
  }

  private async drained(): Promise<void> {
    if (this.output.destroyed) throw new Error('the client went away');
    if (!this.output.writableNeedDrain) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.output.off('drain', done).off('close', done);
        resolve();
      };
      this.output.on('drain', done).on('close', done);
    });
  }
}

/** Data rows of a CSV we wrote: parsed, since a typed answer may hold line breaks. */
function countCsvRows(text: string): number {
  return Math.max(0, (parse(text, { relax_column_count: true }) as unknown[]).length - 1);
}
