import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { findImages, isChoiceQuestion, listQuestions, type Exam } from '@examforge/core';
import type { BankImport } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { HttpError, notFound } from '../errors.js';
import { limitConcurrency } from '../limit-concurrency.js';
import type { BankImportReply } from './bank-import-worker.js';
import { importExam } from './exams.js';

/** One bank at a time per node: an import is seconds of CPU, and exam day's requests must keep theirs. */
const oneAtATime = limitConcurrency(1);

/**
 * Imports a question bank from another system (Aiken, GIFT, Moodle XML, QTI 1.2/2.x/3.0, a content package) as a
 * new exam, or a new version of the user's exam with the same id, with its images. The conversion runs on a worker
 * thread. A bank that cannot be read is a 422 whose message says where and why; what could not be converted exactly
 * comes back as notes, so the instructor reads it before opening a sitting.
 */
export async function importQuestionBank(
  context: AppContext,
  user: UserRow,
  name: string,
  bytes: Uint8Array,
): Promise<BankImport> {
  if (bytes.length === 0) throw new HttpError(400, 'empty-bank', `${name} is empty: choose the bank file again`);
  const reply = await oneAtATime(() => convertOnWorker(name, bytes));
  if (!reply.ok) {
    if (reply.refused) throw new HttpError(422, 'bank-unreadable', reply.message);
    throw new Error(`bank import of ${name} failed: ${reply.message}`);
  }
  const assets = reply.assets.map((asset) => ({ ...asset, contentType: contentTypeOf(asset.path) }));
  const exam = await importExam(context, user, reply.source, assets);
  return {
    exam,
    format: reply.format as BankImport['format'],
    questions: reply.questions,
    assets: assets.length,
    notes: reply.notes.map((note) => ({ ...note, keptAs: note.keptAs as BankImport['notes'][number]['keptAs'] })),
  };
}

/** A file of an exam's text (an image), as stored with the exam. */
export async function readExamAsset(
  context: AppContext,
  examId: string,
  path: string,
): Promise<{ contentType: string; data: Buffer }> {
  const row = await context.db
    .selectFrom('exam_assets')
    .select(['content_type', 'data'])
    .where('exam_id', '=', examId)
    .where('path', '=', path)
    .executeTakeFirst();
  if (!row) throw notFound('exam file');
  return { contentType: row.content_type, data: Buffer.from(row.data) };
}

/** The files a student's paper shows: images in the instructions, the stems and the options (never explanations). */
export function studentVisibleFiles(exam: Exam): Set<string> {
  const texts = [
    exam.instructions ?? '',
    ...listQuestions(exam).flatMap(({ question }) => [
      question.stem,
      ...(isChoiceQuestion(question) ? question.options.map((option) => option.text) : []),
    ]),
  ];
  return new Set(texts.flatMap((text) => findImages(text).map(({ path }) => safeDecode(path))));
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function convertOnWorker(name: string, bytes: Uint8Array): Promise<BankImportReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerEntry());
    worker.once('message', (reply: BankImportReply) => {
      resolve(reply);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the bank import worker stopped with code ${code}`));
    });
    worker.postMessage({ name, bytes });
  });
}

/** Built beside this file; the tests run the sources, which find it in the package's build. */
function workerEntry(): URL {
  const here = new URL('./bank-import-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/services/bank-import-worker.js', import.meta.url);
}

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

function contentTypeOf(path: string): string {
  return CONTENT_TYPES[path.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}
