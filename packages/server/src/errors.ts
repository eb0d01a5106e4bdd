/**
 * The one error class of the API: a status, a stable code and a message for people. The error handler in `app.ts`
 * is the only place that turns errors into responses.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const unauthorized = (message = 'sign in first') => new HttpError(401, 'unauthorized', message);
export const forbidden = (message = 'you may not do this') => new HttpError(403, 'forbidden', message);
export const notFound = (what: string) => new HttpError(404, 'not-found', `${what} not found`);
export const conflict = (code: string, message: string) => new HttpError(409, code, message);
