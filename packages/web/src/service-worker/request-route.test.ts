import { describe, expect, it } from 'vitest';
import { requestRoute } from './request-route.js';

describe('requestRoute', () => {
  it.each([
    ['GET', '/exam', 'navigate', 'page'],
    ['GET', '/instructor/sittings/s1', 'navigate', 'page'],
    ['GET', '/assets/index-CFvJQUVV.js', 'cors', 'asset'],
    ['GET', '/api/attempt', 'cors', 'attempt-read'],
    ['GET', '/api/auth/me', 'cors', 'attempt-read'],
    ['PUT', '/api/attempt/answers', 'cors', 'attempt-write'],
    ['POST', '/api/attempt/start', 'cors', 'attempt-write'],
    ['POST', '/api/attempt/submit', 'cors', 'attempt-write'],
    ['POST', '/api/student/join', 'cors', 'session-change'],
    ['POST', '/api/auth/login', 'cors', 'session-change'],
    ['POST', '/api/auth/logout', 'cors', 'session-change'],
  ] as const)('%s %s (%s) → %s', (method, path, mode, kind) => {
    expect(requestRoute(method, path, mode).kind).toBe(kind);
  });

  it('never keeps staff data, the API reference or the metrics, even when opened as a page', () => {
    for (const path of ['/api/sittings/s1/results', '/api/exams', '/api/attempt/results', '/api/attempt/sheet/1']) {
      expect(requestRoute('GET', path, 'cors'), path).toEqual({ kind: 'network' });
    }
    expect(requestRoute('GET', '/api/docs', 'navigate')).toEqual({ kind: 'network' });
    expect(requestRoute('GET', '/metrics', 'navigate')).toEqual({ kind: 'network' });
    expect(requestRoute('POST', '/api/attempt/heartbeat', 'cors')).toEqual({ kind: 'network' });
  });
});
