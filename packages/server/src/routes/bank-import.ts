import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BankImportSchema, MAX_BANK_BYTES } from '../api/index.js';
import type { Identity } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { requireExamAccess, requireUser } from '../services/access.js';
import { importQuestionBank, readExamAsset, studentVisibleFiles } from '../services/bank-import.js';
import { loadExamVersion } from '../services/exams.js';

const ImportQuery = z.object({ name: z.string().min(1).max(255) });
/** The file's path relative to the exam file, as one segment (`images%2Ffig.png`). */
const FileParams = z.object({ examId: z.string().min(1).max(100), path: z.string().min(1).max(500) });

/**
 * Question banks from other systems: the upload (the file's bytes as they are, whatever the content type says — a
 * browser calls a .gift file text/plain and curl a form — and its name in the query, for messages and a last-resort
 * guess of the format) and the files an imported exam's text
 * refers to, served to the exam's staff and to students of its sittings.
 */
export function bankImportRoutes(context: AppContext): FastifyPluginAsyncZod {
  return (app) => {
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_BANK_BYTES }, (_r, body, done) =>
      done(null, body),
    );
    app.post(
      '/api/exams/import-bank',
      {
        bodyLimit: MAX_BANK_BYTES,
        schema: { tags: ['exams'], querystring: ImportQuery, response: { 201: BankImportSchema } },
      },
      async (request, reply) => {
        const user = requireUser(request.identity, ['owner', 'instructor']);
        const bytes = Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : new Uint8Array();
        return reply.status(201).send(await importQuestionBank(context, user, request.query.name, bytes));
      },
    );
    app.get(
      '/api/exams/:examId/files/:path',
      { schema: { tags: ['exams'], params: FileParams } },
      async (request, reply) => {
        await requireFileAccess(context, request.identity, request.params.examId, request.params.path);
        const file = await readExamAsset(context, request.params.examId, request.params.path);
        // An SVG opened on its own must not run script from our origin.
        return reply
          .header('content-type', file.contentType)
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, max-age=3600')
          .send(file.data);
      },
    );
    return Promise.resolve();
  };
}

/**
 * The exam's staff; or a student of one of its sittings, for a file the student's own paper shows (a picture in an
 * explanation or a solution is key material until released, so students get only those of instructions, stems and
 * options).
 */
async function requireFileAccess(context: AppContext, identity: Identity, examId: string, path: string): Promise<void> {
  if (identity.kind === 'student') {
    const sitting = await context.db
      .selectFrom('sittings')
      .select(['exam_id', 'exam_version_id'])
      .where('id', '=', identity.student.sitting_id)
      .executeTakeFirst();
    if (sitting?.exam_id !== examId) throw notFound('exam file');
    const exam = await loadExamVersion(context, sitting.exam_version_id);
    if (!studentVisibleFiles(exam).has(path)) throw notFound('exam file');
    return;
  }
  await requireExamAccess(context, requireUser(identity), examId, 'staff');
}
