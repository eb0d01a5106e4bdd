import { MeSchema } from '@examforge/server/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from './api-error.js';
import { setCsrfToken } from './csrf-token.js';
import { apiRequest, IGNORE_REPLY, retryAfterMs } from './http.js';

/** Stands in for the network: records each request and answers with the given response. */
function serve(reply: () => Response | Promise<Response>) {
  const requests: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return Promise.resolve().then(reply);
  });
  return requests;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
});

describe('apiRequest', () => {
  it('sends the CSRF token on state-changing requests only', async () => {
    setCsrfToken('token-1');
    const requests = serve(() => new Response(null, { status: 204 }));
    await apiRequest('PUT', '/api/attempt/answers', IGNORE_REPLY, { body: { saves: [] } });
    await apiRequest('GET', '/api/auth/me', IGNORE_REPLY);
    const [put, get] = requests.map((request) => new Headers(request.init.headers));
    expect(put?.get('x-csrf-token')).toBe('token-1');
    expect(put?.get('content-type')).toBe('application/json');
    expect(get?.get('x-csrf-token')).toBeNull();
  });

  it('declares no JSON body when there is none', async () => {
    setCsrfToken('token-1');
    const requests = serve(() => new Response(null, { status: 204 }));
    await apiRequest('POST', '/api/attempt/start', IGNORE_REPLY);
    expect(new Headers(requests[0]?.init.headers).get('content-type')).toBeNull();
    expect(requests[0]?.init.body).toBeUndefined();
  });

  it('returns the reply checked against the contract', async () => {
    serve(() => json(200, { kind: 'anonymous' }));
    await expect(apiRequest('GET', '/api/auth/me', MeSchema)).resolves.toEqual({ kind: 'anonymous' });
  });

  it('turns the server’s error into an ApiRequestError with its code and message', async () => {
    serve(() => json(409, { code: 'attempt-closed', message: 'Time is up.', details: { at: 1 } }));
    const error = await apiRequest('PUT', '/api/attempt/answers', IGNORE_REPLY).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 409, code: 'attempt-closed', message: 'Time is up.', details: { at: 1 } });
    expect((error as ApiRequestError).isTransient).toBe(false);
  });

  it('reads a busy server’s Retry-After, in seconds or as a date', async () => {
    serve(
      () =>
        new Response(JSON.stringify({ code: 'busy', message: 'the server is busy' }), {
          status: 503,
          headers: { 'content-type': 'application/json', 'retry-after': '3' },
        }),
    );
    const error = await apiRequest('PUT', '/api/attempt/answers', IGNORE_REPLY).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 503, code: 'busy', retryAfterMs: 3000 });
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:05 GMT', Date.parse('2026-10-21T07:28:00Z'))).toBe(5000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });

  it('reports no reply as a transient network failure', async () => {
    serve(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await apiRequest('GET', '/api/attempt', IGNORE_REPLY).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 0, code: 'network' });
    expect((error as ApiRequestError).isTransient).toBe(true);
  });

  it('refuses a reply that breaks the contract', async () => {
    serve(() => json(200, { kind: 'wizard' }));
    await expect(apiRequest('GET', '/api/auth/me', MeSchema)).rejects.toMatchObject({ code: 'bad-reply' });
  });

  it('describes an error without a body by its status', async () => {
    serve(() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = await apiRequest('GET', '/api/attempt', IGNORE_REPLY).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502, code: 'http-502', message: 'The server answered: Bad Gateway.' });
    expect((error as ApiRequestError).isTransient).toBe(true);
  });
});
