import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccountSchema,
  AccountWithLinkSchema,
  ChangePasswordSchema,
  CreateAccountSchema,
  FirstAdminSchema,
  MeSchema,
  SetPasswordSchema,
  SetupStatusSchema,
} from '../api/index.js';
import { createSession, SESSION_COOKIE } from '../auth/sessions.js';
import { hasAdministrator } from '../auth/setup-code.js';
import type { AppContext } from '../context.js';
import { requireAdmin, requireUser } from '../services/access.js';
import { disableAccount, enableAccount, issuePasswordReset } from '../services/account-status.js';
import { createAccount, listAccounts } from '../services/accounts.js';
import { changeOwnPassword, createFirstAdmin, setPasswordWithToken } from '../services/passwords.js';
import { presentMe } from './auth.js';

const UserParams = z.object({ userId: z.string().min(1).max(100) });

/**
 * Accounts (decision 0011): first-run setup with the server's setup code, administrators' account management, and
 * passwords set from a one-time link or changed by their owner. Every change is audited in its service.
 */
export function accountRoutes(context: AppContext): FastifyPluginAsyncZod {
  const cookie = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: context.settings.secureCookies };
  return (app) => {
    app.get('/api/setup', { schema: { tags: ['accounts'], response: { 200: SetupStatusSchema } } }, async () => ({
      needed: !(await hasAdministrator(context.db)),
    }));
    app.post(
      '/api/setup',
      { schema: { tags: ['accounts'], body: FirstAdminSchema, response: { 200: MeSchema } } },
      async (request, reply) => {
        const user = await createFirstAdmin(context, request.body);
        const now = context.clock.now();
        const { token, csrfToken } = await createSession(
          context.db,
          { userId: user.id },
          now,
          context.settings.sessionHours,
        );
        reply.setCookie(SESSION_COOKIE, token, { ...cookie, maxAge: context.settings.sessionHours * 3600 });
        return presentMe({ kind: 'user', sessionId: '', csrfToken, user });
      },
    );
    app.get('/api/users', { schema: { tags: ['accounts'], response: { 200: z.array(AccountSchema) } } }, (request) => {
      requireAdmin(request.identity);
      return listAccounts(context);
    });
    app.post(
      '/api/users',
      { schema: { tags: ['accounts'], body: CreateAccountSchema, response: { 201: AccountWithLinkSchema } } },
      async (request, reply) => {
        const admin = requireAdmin(request.identity);
        const created = await createAccount(context, { kind: 'user', id: admin.id }, request.body);
        return reply.status(201).send(created);
      },
    );
    app.post(
      '/api/users/:userId/disable',
      { schema: { tags: ['accounts'], params: UserParams, response: { 200: AccountSchema } } },
      (request) => {
        const admin = requireAdmin(request.identity);
        return disableAccount(context, { kind: 'user', id: admin.id }, request.params.userId);
      },
    );
    app.post(
      '/api/users/:userId/enable',
      { schema: { tags: ['accounts'], params: UserParams, response: { 200: AccountSchema } } },
      (request) => {
        const admin = requireAdmin(request.identity);
        return enableAccount(context, { kind: 'user', id: admin.id }, request.params.userId);
      },
    );
    app.post(
      '/api/users/:userId/reset',
      { schema: { tags: ['accounts'], params: UserParams, response: { 200: AccountWithLinkSchema } } },
      (request) => {
        const admin = requireAdmin(request.identity);
        return issuePasswordReset(context, { kind: 'user', id: admin.id }, request.params.userId);
      },
    );
    app.post(
      '/api/auth/set-password',
      { schema: { tags: ['accounts'], body: SetPasswordSchema } },
      async (request, reply) => {
        await setPasswordWithToken(context, request.body.token, request.body.password);
        return reply.status(204).send();
      },
    );
    app.post(
      '/api/auth/password',
      { schema: { tags: ['accounts'], body: ChangePasswordSchema } },
      async (request, reply) => {
        const user = requireUser(request.identity);
        const sessionId = request.identity.kind === 'user' ? request.identity.sessionId : '';
        await changeOwnPassword(context, user, sessionId, request.body.currentPassword, request.body.newPassword);
        return reply.status(204).send();
      },
    );
    return Promise.resolve();
  };
}
