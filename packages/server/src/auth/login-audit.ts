import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { recordEvent, type Actor } from '../services/audit.js';
import { logIn } from './login.js';
import type { Identity } from './sessions.js';

/** Where a failed login is filed: nobody is signed in, so the event names the email tried (never the password). */
const LOGIN_FORM: Actor = { kind: 'system', id: 'login' };

/**
 * `logIn` with its audit events: `auth.login` for a success, `auth.login-failed` with the reason's code for a refusal
 * (wrong password, disabled account). The password is never recorded. Refusals by the abuse limits (429) are not
 * recorded one by one: the limiter counts them, and an attacker could otherwise grow the append-only trail at will.
 */
export async function auditedLogIn(...args: Parameters<typeof logIn>): Promise<Awaited<ReturnType<typeof logIn>>> {
  const [context, email] = args;
  const address = typeof args[3] === 'string' ? args[3] : undefined;
  try {
    const result = await logIn(...args);
    await recordEvent(
      context.db,
      context.clock.now(),
      { kind: 'user', id: result.user.id },
      'auth.login',
      `user:${result.user.id}`,
      {
        address,
      },
    );
    return result;
  } catch (error) {
    if (error instanceof HttpError && error.status < 500 && error.status !== 429) {
      await recordEvent(
        context.db,
        context.clock.now(),
        LOGIN_FORM,
        'auth.login-failed',
        `email:${email.trim().toLowerCase()}`,
        {
          reason: error.code,
          address,
        },
      );
    }
    throw error;
  }
}

/** `auth.logout`, for staff and students alike. */
export async function auditLogout(
  context: AppContext,
  identity: Exclude<Identity, { kind: 'anonymous' }>,
): Promise<void> {
  const actor: Actor =
    identity.kind === 'user' ? { kind: 'user', id: identity.user.id } : { kind: 'student', id: identity.student.id };
  await recordEvent(
    context.db,
    context.clock.now(),
    actor,
    'auth.logout',
    `${identity.kind === 'user' ? 'user' : 'roster'}:${actor.id}`,
    {},
  );
}
