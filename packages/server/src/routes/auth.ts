import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { JoinSchema, LoginSchema, MeSchema, type Me } from '../api/index.js';
import { joinWithCode } from '../auth/login.js';
import { auditedLogIn, auditLogout } from '../auth/login-audit.js';
import { deleteSession, SESSION_COOKIE, type Identity } from '../auth/sessions.js';
import type { AppContext } from '../context.js';

export function presentMe(identity: Identity): Me {
  switch (identity.kind) {
    case 'anonymous':
      return { kind: 'anonymous' };
    case 'user': {
      const { id, email, name, role } = identity.user;
      const isAdmin = identity.user.is_admin === 1;
      return { kind: 'user', csrfToken: identity.csrfToken, user: { id, email, name, role, isAdmin } };
    }
    case 'student': {
      const { id, name, student_number, sitting_id } = identity.student;
      return {
        kind: 'student',
        csrfToken: identity.csrfToken,
        student: { id, name, studentNumber: student_number, sittingId: sitting_id },
      };
    }
  }
}

export function authRoutes(context: AppContext): FastifyPluginAsyncZod {
  const cookie = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: context.settings.secureCookies };
  return (app) => {
    app.post(
      '/api/auth/login',
      { schema: { tags: ['auth'], body: LoginSchema, response: { 200: MeSchema } } },
      async (request, reply) => {
        const { user, token, csrfToken } = await auditedLogIn(
          context,
          request.body.email,
          request.body.password,
          request.ip,
        );
        reply.setCookie(SESSION_COOKIE, token, { ...cookie, maxAge: context.settings.sessionHours * 3600 });
        return presentMe({ kind: 'user', sessionId: '', csrfToken, user });
      },
    );
    app.post(
      '/api/student/join',
      { schema: { tags: ['auth'], body: JoinSchema, response: { 200: MeSchema } } },
      async (request, reply) => {
        const { student, token, csrfToken } = await joinWithCode(context, request.body.accessCode, request.ip);
        reply.setCookie(SESSION_COOKIE, token, { ...cookie, maxAge: context.settings.sessionHours * 3600 });
        return presentMe({ kind: 'student', sessionId: '', csrfToken, student });
      },
    );
    app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
      if (request.identity.kind !== 'anonymous') {
        await auditLogout(context, request.identity);
        await deleteSession(context.db, request.identity.sessionId, context.clock.now());
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    });
    app.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: MeSchema } } }, (request) =>
      Promise.resolve(presentMe(request.identity)),
    );
    return Promise.resolve();
  };
}
