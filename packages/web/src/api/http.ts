import { ErrorSchema } from '@examforge/server/api';
import { ApiRequestError } from './api-error.js';
import { currentCsrfToken } from './csrf-token.js';

/** Anything that checks a reply's shape: the contract's zod schemas fit, and so do small hand-written readers. */
export interface ReplyParser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestOptions {
  readonly body?: unknown;
  /** Give up (as a network failure) after this long. */
  readonly timeoutMs?: number;
}

/** For replies whose body does not matter (204). */
export const IGNORE_REPLY: ReplyParser<undefined> = { safeParse: () => ({ success: true, data: undefined }) };

/**
 * One request to the API: JSON in, the CSRF header on every state-changing method, the reply checked against the
 * contract. Throws `ApiRequestError` for every failure — the server's `{code, message}`, or `network` / `timeout` /
 * `bad-reply` of our own — so callers never see a raw `TypeError` or an unchecked body.
 *
 * @example
 * const exams = await apiRequest('GET', '/api/exams', ExamSummarySchema.array());
 */
export async function apiRequest<T>(
  method: Method,
  path: string,
  parser: ReplyParser<T>,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(method, path, options);
  const body = await readBody(response);
  if (!response.ok) throw errorFromReply(response, body);
  const parsed = parser.safeParse(body);
  if (!parsed.success) {
    throw new ApiRequestError(
      response.status,
      'bad-reply',
      `The server's reply to ${path} was not understood.`,
      parsed.error.message,
    );
  }
  return parsed.data;
}

/**
 * Sends a file as the request body (the scan upload): its own content type, the CSRF header, the reply checked like
 * any other.
 */
export async function apiUpload<T>(path: string, file: Blob, parser: ReplyParser<T>): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': file.type === '' ? 'application/octet-stream' : file.type,
  };
  const token = currentCsrfToken();
  if (token !== undefined) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiRequestError(0, 'network', 'Could not reach the server. Check your connection.');
  }
  const body = await readBody(response);
  if (!response.ok) throw errorFromReply(response, body);
  const parsed = parser.safeParse(body);
  if (!parsed.success)
    throw new ApiRequestError(response.status, 'bad-reply', `The server's reply to ${path} was not understood.`);
  return parsed.data;
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = currentCsrfToken();
  if (method !== 'GET' && token !== undefined) headers['x-csrf-token'] = token;
  // No content type without a body: Fastify refuses an empty body declared as JSON.
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
      ...(options.timeoutMs !== undefined && { signal: AbortSignal.timeout(options.timeoutMs) }),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw new ApiRequestError(0, 'timeout', 'The server took too long to answer.');
    }
    throw new ApiRequestError(0, 'network', 'Could not reach the server. Check your connection.');
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from now; undefined if absent. */
export function retryAfterMs(header: string | null, nowMs = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function errorFromReply(response: Response, body: unknown): ApiRequestError {
  const parsed = ErrorSchema.safeParse(body);
  if (parsed.success) {
    return new ApiRequestError(
      response.status,
      parsed.data.code,
      parsed.data.message,
      parsed.data.details,
      retryAfterMs(response.headers.get('retry-after')),
    );
  }
  const reason = response.statusText === '' ? `status ${response.status}` : response.statusText;
  return new ApiRequestError(response.status, `http-${response.status}`, `The server answered: ${reason}.`);
}
