import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GrantRoleSchema, StaffMemberSchema } from '../api/index.js';
import type { AppContext } from '../context.js';
import { requireExamAccess, requireUser } from '../services/access.js';
import { grantRole, listStaff, revokeRole } from '../services/exam-staff.js';

const ExamParams = z.object({ examId: z.string().min(1).max(100) });
const StaffParams = ExamParams.extend({ userId: z.string().min(1).max(100) });

/** An exam's staff: read by its staff, granted and revoked by its owner and instructors (graders cannot). */
export function examStaffRoutes(context: AppContext): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/api/exams/:examId/staff',
      { schema: { tags: ['exams'], params: ExamParams, response: { 200: z.array(StaffMemberSchema) } } },
      async (request) => {
        const user = requireUser(request.identity);
        await requireExamAccess(context, user, request.params.examId, 'staff');
        return listStaff(context, request.params.examId);
      },
    );
    app.post(
      '/api/exams/:examId/staff',
      {
        schema: {
          tags: ['exams'],
          params: ExamParams,
          body: GrantRoleSchema,
          response: { 200: z.array(StaffMemberSchema) },
        },
      },
      async (request) => {
        const user = requireUser(request.identity);
        await requireExamAccess(context, user, request.params.examId, 'instructor');
        await grantRole(context, user, request.params.examId, request.body);
        return listStaff(context, request.params.examId);
      },
    );
    app.delete(
      '/api/exams/:examId/staff/:userId',
      { schema: { tags: ['exams'], params: StaffParams, response: { 200: z.array(StaffMemberSchema) } } },
      async (request) => {
        const user = requireUser(request.identity);
        await requireExamAccess(context, user, request.params.examId, 'instructor');
        await revokeRole(context, user, request.params.examId, request.params.userId);
        return listStaff(context, request.params.examId);
      },
    );
    return Promise.resolve();
  };
}
