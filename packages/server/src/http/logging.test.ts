import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { startJobs } from '../jobs/jobs.js';
import { ManualClock } from '../clock.js';
import { freshDatabase } from '../test-support/databases.js';
import { createTestWorld, PASSWORD, T0, type TestWorld } from '../test-support/test-app.js';
import { createLogger, logJobFailure } from './logging.js';

/** Log lines written by a logger, parsed back. */
function captureLog() {
  const raw: string[] = [];
  return {
    destination: { write: (line: string) => void raw.push(line) },
    text: () => raw.join(''),
    lines: () => raw.map((line) => JSON.parse(line) as Record<string, any>),
  };
}

async function until<T>(read: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('logs', () => {
  const log = captureLog();
  let world: TestWorld;

  beforeAll(async () => {
    world = await createTestWorld('sqlite', {
      app: { logger: createLogger({ level: 'info', destination: log.destination }) },
    });
    // A bug on our side: any route that throws something that is not a domain error.
    world.app.get('/api/test/boom', () => {
      throw new Error('boom for the logging test');
    });
    // Our side failed behind a domain error (as a failing generator does): 5xx with the cause behind it.
    world.app.get('/api/test/unavailable', () => {
      throw Object.assign(new HttpError(503, 'variant-unavailable', 'no variant for you'), {
        cause: new Error('the generator threw'),
      });
    });
  });
  afterAll(() => world.close());

  it('logs a 500 at error level with its stack and request id, and the reply carries the same id', async () => {
    const response = await world.client().get('/api/test/boom');
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      code: 'internal-error',
      message: expect.any(String),
      requestId: expect.any(String),
    });
    const id = response.body.requestId as string;
    expect(response.headers['x-request-id']).toBe(id);
    const line = log.lines().find((entry) => entry.reqId === id && entry.level === 50);
    expect(line?.err.message).toBe('boom for the logging test');
    expect(line?.err.stack).toContain('logging.test.ts');
    expect(response.text).not.toContain('logging.test.ts');
  });

  it('logs a 5xx domain error at error level with the stack of its cause', async () => {
    const response = await world.client().get('/api/test/unavailable');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ code: 'variant-unavailable', requestId: response.headers['x-request-id'] });
    const line = log.lines().find((entry) => entry.reqId === response.body.requestId && entry.level === 50);
    expect(line?.err.cause.message).toBe('the generator threw');
    expect(line?.err.cause.stack).toContain('logging.test.ts');
  });

  it('keeps a sane incoming x-request-id and replaces one that is not', async () => {
    const client = world.client();
    const kept = await client.request('GET', '/api/test/boom', undefined, { 'x-request-id': 'lb-7f3a.42' });
    expect(kept.body.requestId).toBe('lb-7f3a.42');
    expect(log.lines().some((entry) => entry.reqId === 'lb-7f3a.42' && entry.level === 50)).toBe(true);
    const replaced = await client.request('GET', '/api/auth/me', undefined, { 'x-request-id': 'x'.repeat(200) });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a 4xx as a completed request, not as an error, and its body has the request id too', async () => {
    const response = await world.client().post('/api/auth/login', { email: 'nobody@x.test', password: 'wrong' });
    expect(response.status).toBe(401);
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
    const lines = log.lines().filter((entry) => entry.reqId === response.body.requestId);
    expect(lines.map((entry) => [entry.level, entry.msg])).toEqual([[30, 'request completed']]);
    expect(lines[0]?.res.statusCode).toBe(401);
    expect(lines[0]?.req.route).toBe('/api/auth/login');
  });

  it('puts the request id in the bodies of errors Fastify raises before a handler runs', async () => {
    const client = world.client();
    const malformed = await client.request('POST', '/api/auth/login', '{"email":', {
      'content-type': 'application/json',
    });
    expect(malformed.body).toMatchObject({ code: 'malformed-json', requestId: malformed.headers['x-request-id'] });
    const missing = await client.get('/no/such/page.js');
    expect(missing.body).toMatchObject({ code: 'not-found', requestId: missing.headers['x-request-id'] });
  });

  it('writes no password, cookie, session or CSRF token', async () => {
    const client = await world.logIn('instructor');
    await client.get('/api/exams');
    await client.post('/api/test/nothing-here', { password: PASSWORD });
    expect(client.csrfToken).toBeDefined();
    const text = log.text();
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(client.csrfToken);
    expect(text).not.toContain('ef_session');
  });

  it('logs the health probe at debug only', async () => {
    const response = await world.client().get('/api/health');
    expect(log.lines().filter((entry) => entry.reqId === response.headers['x-request-id'])).toEqual([]);
  });
});

describe('background job failures', () => {
  it('are logged with their stack and the job’s name', async () => {
    const log = captureLog();
    const handle = await freshDatabase('sqlite');
    const context: AppContext = {
      db: handle.db,
      dialect: handle.dialect,
      attemptWrites: handle.attemptWrites,
      clock: new ManualClock(T0),
      settings: DEFAULT_SETTINGS,
    };
    await handle.close(); // every query of the loop now fails
    const stop = startJobs(context, logJobFailure(createLogger({ destination: log.destination })), 20);
    try {
      const line = await until(
        () => log.lines().find((entry) => entry.job === 'close-expired-attempts'),
        'the job failure line',
      );
      expect(line.level).toBe(50);
      expect(line.msg).toBe('background job close-expired-attempts failed');
      expect(line.err.stack).toMatch(/\n\s+at /);
    } finally {
      await stop();
    }
  });
});
