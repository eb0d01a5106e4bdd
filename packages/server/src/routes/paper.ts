import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PaperJobSchema, ReviewDecisionSchema, ReviewItemSchema, ScanBatchSchema } from '../api/index.js';
import type { Identity } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { replyBodyTooLarge } from '../http/body-too-large.js';
import { handleError } from '../http/error-handler.js';
import { requireSittingAccess, requireUser, type ExamAccess } from '../services/access.js';
import { annotatedSheetPage } from '../services/annotated-sheet.js';
import { getPaperJob, listPaperJobs, paperJobPdf, requestPaperJob } from '../services/paper-jobs.js';
import { printSittingQuestionPapers, printSittingSheets } from '../services/paper-print.js';
import { decideReviewItem, listReviewItems, reviewCrop } from '../services/review.js';
import {
  createScanBatch,
  getScanBatch,
  listScanBatches,
  MAX_SCAN_BYTES,
  retryScanBatch,
} from '../services/scan-batches.js';

const SittingParams = z.object({ sittingId: z.string().min(1).max(100) });
const BatchParams = SittingParams.extend({ batchId: z.string().min(1).max(100) });
const PaperJobParams = SittingParams.extend({ jobId: z.string().min(1).max(100) });
const ItemParams = SittingParams.extend({ itemId: z.string().min(1).max(100) });
const SheetParams = SittingParams.extend({
  attemptId: z.string().min(1).max(100),
  page: z.coerce.number().int().min(1).max(100),
});
const ScanQuery = z.object({ name: z.string().min(1).max(200).default('scan') });
const PrintQuery = z.object({ pageSize: z.enum(['A4', 'Letter']).default('A4') });
const ReviewQuery = z.object({ status: z.enum(['open', 'all']).default('open') });

/** Scans are sent as the file itself: the request body is the PDF, PNG or JPEG, its name in `?name=`. */
const SCAN_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream'];
const MAX_MEGABYTES = MAX_SCAN_BYTES / 1024 / 1024;

/**
 * Paper exams: print the sitting's sheets, have its question papers drawn by the background job (or, for scripts,
 * while the request waits), upload scans (read by the background job), follow the batches, work the review queue,
 * and fetch annotated sheets. Instructors print and upload; graders, like instructors, review.
 */
export function paperRoutes(context: AppContext): FastifyPluginAsyncZod {
  const staff = async (identity: Identity, sittingId: string, need: ExamAccess) => {
    const user = requireUser(identity);
    await requireSittingAccess(context, user, sittingId, need);
    return user;
  };
  return (app) => {
    app.addContentTypeParser(SCAN_TYPES, { parseAs: 'buffer', bodyLimit: MAX_SCAN_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    app.setErrorHandler(uploadErrors);
    app.get(
      '/api/sittings/:sittingId/paper/sheets.pdf',
      { schema: { tags: ['paper'], params: SittingParams, querystring: PrintQuery } },
      async (request, reply) => {
        const user = await staff(request.identity, request.params.sittingId, 'instructor');
        const pdf = await printSittingSheets(context, user, request.params.sittingId, request.query.pageSize);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', 'attachment; filename="answer-sheets.pdf"')
          .send(pdf);
      },
    );
    app.get(
      '/api/sittings/:sittingId/paper/questions.pdf',
      { schema: { tags: ['paper'], params: SittingParams, querystring: PrintQuery } },
      async (request, reply) => {
        const user = await staff(request.identity, request.params.sittingId, 'instructor');
        const pdf = await printSittingQuestionPapers(context, user, request.params.sittingId, request.query.pageSize);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', 'attachment; filename="question-papers.pdf"')
          .send(pdf);
      },
    );
    app.post(
      '/api/sittings/:sittingId/paper/question-papers',
      {
        schema: { tags: ['paper'], params: SittingParams, querystring: PrintQuery, response: { 202: PaperJobSchema } },
      },
      async (request, reply) => {
        const user = await staff(request.identity, request.params.sittingId, 'instructor');
        const job = await requestPaperJob(context, user, request.params.sittingId, request.query.pageSize);
        return reply.status(202).send(job);
      },
    );
    app.get(
      '/api/sittings/:sittingId/paper/question-papers',
      { schema: { tags: ['paper'], params: SittingParams, response: { 200: z.array(PaperJobSchema) } } },
      async (request) => {
        await staff(request.identity, request.params.sittingId, 'instructor');
        return listPaperJobs(context, request.params.sittingId);
      },
    );
    app.get(
      '/api/sittings/:sittingId/paper/question-papers/:jobId',
      { schema: { tags: ['paper'], params: PaperJobParams, response: { 200: PaperJobSchema } } },
      async (request) => {
        await staff(request.identity, request.params.sittingId, 'instructor');
        return getPaperJob(context, request.params.sittingId, request.params.jobId);
      },
    );
    app.get(
      '/api/sittings/:sittingId/paper/question-papers/:jobId/questions.pdf',
      { schema: { tags: ['paper'], params: PaperJobParams } },
      async (request, reply) => {
        await staff(request.identity, request.params.sittingId, 'instructor');
        const pdf = await paperJobPdf(context, request.params.sittingId, request.params.jobId);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', 'attachment; filename="question-papers.pdf"')
          .header('cache-control', 'private, no-store')
          .send(pdf);
      },
    );
    app.post(
      '/api/sittings/:sittingId/scans',
      {
        bodyLimit: MAX_SCAN_BYTES,
        schema: { tags: ['paper'], params: SittingParams, querystring: ScanQuery, response: { 202: ScanBatchSchema } },
      },
      async (request, reply) => {
        const user = await staff(request.identity, request.params.sittingId, 'instructor');
        const body: unknown = request.body;
        if (!Buffer.isBuffer(body) || body.byteLength === 0) {
          throw new HttpError(415, 'not-a-scan', 'send the scan file itself as the body (a PDF, PNG or JPEG file)');
        }
        const batch = await createScanBatch(context, user, request.params.sittingId, request.query.name, body);
        return reply.status(202).send(batch);
      },
    );
    app.get(
      '/api/sittings/:sittingId/scans',
      { schema: { tags: ['paper'], params: SittingParams, response: { 200: z.array(ScanBatchSchema) } } },
      async (request) => {
        await staff(request.identity, request.params.sittingId, 'staff');
        return listScanBatches(context, request.params.sittingId);
      },
    );
    app.get(
      '/api/sittings/:sittingId/scans/:batchId',
      { schema: { tags: ['paper'], params: BatchParams, response: { 200: ScanBatchSchema } } },
      async (request) => {
        await staff(request.identity, request.params.sittingId, 'staff');
        return getScanBatch(context, request.params.sittingId, request.params.batchId);
      },
    );
    app.post(
      '/api/sittings/:sittingId/scans/:batchId/retry',
      { schema: { tags: ['paper'], params: BatchParams, response: { 200: ScanBatchSchema } } },
      async (request) => {
        const user = await staff(request.identity, request.params.sittingId, 'instructor');
        return retryScanBatch(context, user, request.params.sittingId, request.params.batchId);
      },
    );
    app.get(
      '/api/sittings/:sittingId/review',
      {
        schema: {
          tags: ['paper'],
          params: SittingParams,
          querystring: ReviewQuery,
          response: { 200: z.array(ReviewItemSchema) },
        },
      },
      async (request) => {
        await staff(request.identity, request.params.sittingId, 'staff');
        return listReviewItems(context, request.params.sittingId, request.query.status);
      },
    );
    app.get(
      '/api/sittings/:sittingId/review/:itemId/crop.png',
      { schema: { tags: ['paper'], params: ItemParams } },
      async (request, reply) => {
        await staff(request.identity, request.params.sittingId, 'staff');
        const png = await reviewCrop(context, request.params.sittingId, request.params.itemId);
        return reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=3600').send(png);
      },
    );
    app.post(
      '/api/sittings/:sittingId/review/:itemId',
      {
        schema: {
          tags: ['paper'],
          params: ItemParams,
          body: ReviewDecisionSchema,
          response: { 200: ReviewItemSchema },
        },
      },
      async (request) => {
        const user = await staff(request.identity, request.params.sittingId, 'staff');
        return decideReviewItem(context, user, request.params.sittingId, request.params.itemId, request.body);
      },
    );
    app.get(
      '/api/sittings/:sittingId/attempts/:attemptId/sheet/:page',
      { schema: { tags: ['paper'], params: SheetParams } },
      async (request, reply) => {
        await staff(request.identity, request.params.sittingId, 'staff');
        const { sittingId, attemptId, page } = request.params;
        const jpeg = await annotatedSheetPage(context, sittingId, attemptId, page);
        return reply.header('content-type', 'image/jpeg').header('cache-control', 'no-store').send(jpeg);
      },
    );
    return Promise.resolve();
  };
}

/** Upload mistakes in words that say what to do; everything else goes to the one error handler. */
function uploadErrors(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply | Promise<FastifyReply> {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const message = `a scan file may be at most ${MAX_MEGABYTES} MB; split the batch into smaller files`;
    return replyBodyTooLarge(request, reply, 'scan-too-large', message);
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return reply.status(415).send({
      code: 'not-a-scan',
      message: 'upload a PDF, PNG or JPEG file (content-type application/pdf, image/png or image/jpeg)',
    });
  }
  return handleError(error, request, reply);
}
