import { readFileSync } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { ExamVersionsTable } from '../db/schema.js';
import { HttpError, notFound } from '../errors.js';
import { ArchiveWriter } from './archive-writer.js';
import { recordEvent, type Actor } from './audit.js';
import { auditCsvChunks } from './audit-view.js';
import { sittingArchiveFiles, sittingsArchiveEntry } from './exam-archive-sitting.js';

/** The server's version, written in every manifest so that a reader knows which code wrote the archive. */
const APP_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Who takes an archive: the audit event's actor, named in the manifest. */
export interface ArchiveExporter {
  readonly actor: Actor;
  readonly name: string;
  readonly email: string;
}

/** A signed-in user as the exporter of an archive. */
export const userExporter = (user: UserRow): ArchiveExporter => ({
  actor: { kind: 'user', id: user.id },
  name: user.name,
  email: user.email,
});

const MANIFEST = { path: 'manifest.json', description: 'this list: what each file is, counts, who exported it' };

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
 * reply.header('content-type', 'application/zip').send(await streamExamArchive(context, userExporter(user), examId));
 */
export async function streamExamArchive(context: AppContext, by: ArchiveExporter, examId: string): Promise<Readable> {
  await recordEvent(context.db, context.clock.now(), by.actor, 'exam.archived', `exam:${examId}`, {});
  const output = new PassThrough();
  writeArchive(context, by, examId, output).catch((error: unknown) => output.destroy(error as Error));
  return output;
}

/**
 * The exam an id or an exam file's own id (`dl-endsem-winter-2025`) names, for the command line; a file id that
 * several owners imported is refused with their exams' ids.
 */
export async function findArchivableExam(context: AppContext, ref: string): Promise<string> {
  const exams = await context.db
    .selectFrom('exams')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', ref), eb('slug', '=', ref)]))
    .execute();
  const [only, ...more] = exams;
  if (!only) throw notFound(`exam \`${ref}\``);
  if (more.length > 0)
    throw new HttpError(
      400,
      'ambiguous-exam',
      `several exams have the file id \`${ref}\`; name one by its id: ${exams.map((exam) => exam.id).join(', ')}`,
    );
  return only.id;
}

/** `<exam file id>-archive.zip`: the exam file's own id is letters, digits and dashes. */
export async function examArchiveName(context: AppContext, examId: string): Promise<string> {
  const exam = await context.db.selectFrom('exams').select('slug').where('id', '=', examId).executeTakeFirst();
  if (!exam) throw notFound('exam');
  return `${exam.slug.replace(/[^A-Za-z0-9._-]/g, '-')}-archive.zip`;
}

async function writeArchive(
  context: AppContext,
  by: ArchiveExporter,
  examId: string,
  output: PassThrough,
): Promise<void> {
  const writer = new ArchiveWriter(output);
  const exam = await context.db.selectFrom('exams').select('slug').where('id', '=', examId).executeTakeFirstOrThrow();
  const versions = await writeVersions(context, writer, examId);
  const examFiles = await writeExamFiles(context, writer, examId);
  const sittings = await context.db
    .selectFrom('sittings')
    .selectAll()
    .where('exam_id', '=', examId)
    .orderBy('created_at')
    .execute();
  await writer.write(sittingsArchiveEntry(sittings, new Map(versions.map((row) => [row.id, row.version]))));
  for (const sitting of sittings) {
    for (const entry of await sittingArchiveFiles(context, sitting)) await writer.write(entry);
  }
  const audit = { events: 0 };
  const trail = 'the exam’s audit trail, newest first: who did what, when, to which student or question';
  await writer.writeChunks(
    { path: 'audit-events.csv', description: trail },
    auditCsvChunks(context, { examId }, {}, audit),
  );
  writer.count('audit-events.csv', audit.events);
  const manifest = {
    format: 'examforge-exam-archive',
    formatVersion: 1,
    examId,
    examSlug: exam.slug,
    exportedAt: context.clock.now().toISOString(),
    exportedBy: { kind: by.actor.kind, id: by.actor.id, name: by.name, email: by.email },
    appVersion: APP_VERSION,
    counts: {
      versions: versions.length,
      examFiles,
      sittings: sittings.length,
      students: writer.total('roster.csv'),
      responses: writer.total('responses.csv'),
      grades: writer.total('grades.csv'),
      auditEvents: audit.events,
    },
    files: [...writer.files, MANIFEST],
  };
  await writer.writeChunks(MANIFEST, [`${JSON.stringify(manifest, null, 2)}\n`]);
  writer.end();
}

/**
 * The files the exam's text refers to (the images an imported bank brought), beside the versions under `exam/` so
 * that each version's relative paths resolve. A stored path is written without `.` or `..` segments, so that no file
 * of the archive lands outside its folder when unpacked. Returns how many were written.
 */
async function writeExamFiles(context: AppContext, writer: ArchiveWriter, examId: string): Promise<number> {
  const files = await context.db
    .selectFrom('exam_assets')
    .select(['path', 'data'])
    .where('exam_id', '=', examId)
    .orderBy('path')
    .execute();
  for (const file of files) {
    const inside = file.path
      .split('/')
      .filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
      .join('/');
    await writer.writeChunks(
      { path: `exam/${inside}`, description: 'a file the exam refers to (an image), at its path beside the exam file' },
      [new Uint8Array(file.data)],
    );
  }
  return files.length;
}

/** Every version of the exam file, oldest first, as `exam/v<n>.md`. */
async function writeVersions(
  context: AppContext,
  writer: ArchiveWriter,
  examId: string,
): Promise<Pick<ExamVersionsTable, 'id' | 'version'>[]> {
  const versions = await context.db
    .selectFrom('exam_versions')
    .selectAll()
    .where('exam_id', '=', examId)
    .orderBy('version')
    .execute();
  for (const version of versions) {
    const how = version.published_at ? 'published' : 'imported';
    await writer.write({
      path: `exam/v${version.version}.md`,
      description: `the exam file, version ${version.version} (${how})`,
      text: version.source,
    });
  }
  return versions;
}
