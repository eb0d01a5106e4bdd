import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AnswerFlagSchema,
  AnswerForGradingSchema,
  AnswerGroupSchema,
  ClaimSchema,
  GradeViewSchema,
  GradingProgressSchema,
  GroupGradeSchema,
  NewCommentSchema,
  NextAnswerResultSchema,
  NextAnswerSchema,
  QueueQuerySchema,
  QueueSchema,
  RevealNamesSchema,
  RubricItemInputSchema,
  RubricItemViewSchema,
  SavedCommentSchema,
  SaveGradeSchema,
  SetFlagSchema,
} from '../api/index.js';
import type { Identity } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { requireSittingAccess, requireUser, type ExamAccess } from '../services/access.js';
import { gradeGroup, listAnswerGroups } from '../services/answer-groups.js';
import { applyGrades } from '../services/apply-grade.js';
import { getGradeView } from '../services/grades.js';
import { claimAnswer } from '../services/grading-claims.js';
import { revealNames } from '../services/grading-names.js';
import { claimNextAnswer } from '../services/grading-navigation.js';
import { getGradingScope } from '../services/grading-scope.js';
import { gradingSummary } from '../services/grading-summary.js';
import { presentFlag, setAnswerFlag } from '../services/grading-flags.js';
import { loadQueue } from '../services/grading-queue.js';
import { listQueue, presentAnswerForGrading } from '../services/grading-view.js';
import { editRubric } from '../services/rubric-edit.js';
import { listComments, saveComment } from '../services/saved-comments.js';

const Id = z.string().min(1).max(100);
const SittingParams = z.object({ sittingId: Id });
const QuestionParams = SittingParams.extend({ questionId: Id });
const AnswerParams = QuestionParams.extend({ attemptId: Id });
const GroupParams = QuestionParams.extend({ groupId: Id });
const ItemParams = QuestionParams.extend({ itemId: Id });
const RubricSchema = z.array(RubricItemViewSchema);

/**
 * Grading written answers by question. Graders on the exam's staff grade and see progress; only instructors (and
 * owners) edit the rubric or reveal names. No route here serves a student.
 */
export function gradingRoutes(context: AppContext): FastifyPluginAsyncZod {
  const staffIn = async (identity: Identity, params: { sittingId: string; questionId?: string }, need: ExamAccess) => {
    const user = requireUser(identity);
    await requireSittingAccess(context, user, params.sittingId, need);
    return user;
  };
  const scopeOf = async (identity: Identity, params: { sittingId: string; questionId: string }, need: ExamAccess) => {
    const user = await staffIn(identity, params, need);
    return { user, scope: await getGradingScope(context, params.sittingId, params.questionId) };
  };
  const base = '/api/sittings/:sittingId/grading';
  return (app) => {
    app.get(
      base,
      { schema: { tags: ['grading'], params: SittingParams, response: { 200: z.array(GradingProgressSchema) } } },
      async (request) =>
        gradingSummary(context, await staffIn(request.identity, request.params, 'staff'), request.params.sittingId),
    );
    app.post(
      `${base}/names`,
      {
        schema: {
          tags: ['grading'],
          params: SittingParams,
          body: RevealNamesSchema,
          response: { 200: RevealNamesSchema },
        },
      },
      async (request) => {
        const user = await staffIn(request.identity, request.params, 'instructor');
        return revealNames(context, user, request.params.sittingId, request.body.revealed);
      },
    );
    app.get(
      `${base}/:questionId`,
      {
        schema: {
          tags: ['grading'],
          params: QuestionParams,
          querystring: QueueQuerySchema,
          response: { 200: QueueSchema },
        },
      },
      async (request) => {
        const { user, scope } = await scopeOf(request.identity, request.params, 'staff');
        return listQueue(context, user, scope, request.query);
      },
    );
    app.post(
      `${base}/:questionId/next`,
      {
        schema: {
          tags: ['grading'],
          params: QuestionParams,
          body: NextAnswerSchema,
          response: { 200: NextAnswerResultSchema },
        },
      },
      async (request) => {
        const { user, scope } = await scopeOf(request.identity, request.params, 'staff');
        return claimNextAnswer(context, user, scope, request.body);
      },
    );
    app.get(
      `${base}/:questionId/answers/:attemptId`,
      { schema: { tags: ['grading'], params: AnswerParams, response: { 200: AnswerForGradingSchema } } },
      async (request) => {
        const { user, scope } = await scopeOf(request.identity, request.params, 'staff');
        return presentAnswerForGrading(context, user, scope, request.params.attemptId);
      },
    );
    app.post(
      `${base}/:questionId/answers/:attemptId/claim`,
      { schema: { tags: ['grading'], params: AnswerParams, response: { 200: ClaimSchema } } },
      async (request) => {
        const { user, scope } = await scopeOf(request.identity, request.params, 'staff');
        await presentAnswerForGrading(context, user, scope, request.params.attemptId);
        return { expiresAt: await claimAnswer(context, user, scope, request.params.attemptId) };
      },
    );
    app.put(
      `${base}/:questionId/answers/:attemptId/flag`,
      {
        schema: {
          tags: ['grading'],
          params: AnswerParams,
          body: SetFlagSchema,
          response: { 200: z.object({ flag: AnswerFlagSchema.optional() }) },
        },
      },
      async (request) => {
        const { user, scope } = await scopeOf(request.identity, request.params, 'staff');
        const queue = await loadQueue(context, scope);
        if (!queue.answers.some((answer) => answer.attemptId === request.params.attemptId))
          throw notFound('answer to grade');
        const row = await setAnswerFlag(context, user, scope, request.params.attemptId, request.body);
        return row ? { flag: presentFlag(row, user.name) } : {};
      },
    );
    app.put(
      `${base}/:questionId/answers/:attemptId/grade`,
      {
        schema: {
          tags: ['grading'],
          params: AnswerParams,
          body: SaveGradeSchema,
          response: { 200: z.object({ grade: GradeViewSchema }) },
        },
      },
      async (request) => {
        const { user, scope } = await scopeOf(request.identity, request.params, 'staff');
        const { expectedVersion, ...grade } = request.body;
        await applyGrades(context, user, scope, [{ attemptId: request.params.attemptId, expectedVersion }], grade);
        // Only the saved grade: the page moves on with `next`, which brings the next answer and the progress.
        return { grade: await getGradeView(context, scope, request.params.attemptId) };
      },
    );
    app.get(
      `${base}/:questionId/comments`,
      { schema: { tags: ['grading'], params: QuestionParams, response: { 200: z.array(SavedCommentSchema) } } },
      async (request) => listComments(context, (await scopeOf(request.identity, request.params, 'staff')).scope),
    );
    app.post(
      `${base}/:questionId/comments`,
      {
        schema: {
          tags: ['grading'],
          params: QuestionParams,
          body: NewCommentSchema,
          response: { 200: z.array(SavedCommentSchema) },
        },
      },
      async (request) => {
        const { user, scope } = await scopeOf(request.identity, request.params, 'staff');
        return saveComment(context, user, scope, request.body.text);
      },
    );
    app.get(
      `${base}/:questionId/groups`,
      { schema: { tags: ['grading'], params: QuestionParams, response: { 200: z.array(AnswerGroupSchema) } } },
      async (request) => listAnswerGroups(context, (await scopeOf(request.identity, request.params, 'staff')).scope),
    );
    app.put(
      `${base}/:questionId/groups/:groupId/grade`,
      {
        schema: {
          tags: ['grading'],
          params: GroupParams,
          body: GroupGradeSchema,
          response: { 200: AnswerGroupSchema },
        },
      },
      async (request) => {
        const { user, scope } = await scopeOf(request.identity, request.params, 'staff');
        return gradeGroup(context, user, scope, request.params.groupId, request.body);
      },
    );
    app.put(
      '/api/sittings/:sittingId/rubric/:questionId/items/:itemId',
      {
        schema: { tags: ['grading'], params: ItemParams, body: RubricItemInputSchema, response: { 200: RubricSchema } },
      },
      async (request) => {
        const { user, scope } = await scopeOf(request.identity, request.params, 'instructor');
        const rubric = await editRubric(context, user, scope, {
          kind: 'set',
          itemId: request.params.itemId,
          ...request.body,
        });
        return rubric.map((item) => ({ id: item.id, points: item.points.toString(), text: item.text }));
      },
    );
    app.delete(
      '/api/sittings/:sittingId/rubric/:questionId/items/:itemId',
      { schema: { tags: ['grading'], params: ItemParams, response: { 200: RubricSchema } } },
      async (request) => {
        const { user, scope } = await scopeOf(request.identity, request.params, 'instructor');
        const rubric = await editRubric(context, user, scope, { kind: 'remove', itemId: request.params.itemId });
        return rubric.map((item) => ({ id: item.id, points: item.points.toString(), text: item.text }));
      },
    );
    return Promise.resolve();
  };
}
