/**
 * What the service worker does with one request. Only the student's own exam is ever kept (`attempt-read`); every
 * other API call, staff pages' included, goes to the network untouched.
 */
export type RequestRoute =
  /** A page of the app: the network, or the app shell kept at install when there is none. */
  | { readonly kind: 'page' }
  /** A hashed build file: never changes, so the kept copy first. */
  | { readonly kind: 'asset' }
  /** Who is signed in, and the student's attempt: the network, the kept copy only as an offline fallback. */
  | { readonly kind: 'attempt-read'; readonly path: StudentReadPath }
  /** Replies that change the kept attempt: its start, its saves, its submission. */
  | { readonly kind: 'attempt-write'; readonly write: 'start' | 'save' | 'submit' }
  /** Signing in, joining, signing out: the kept exam is dropped before the request goes. */
  | { readonly kind: 'session-change' }
  | { readonly kind: 'network' };

export type StudentReadPath = '/api/auth/me' | '/api/attempt';

const SESSION_CHANGES = new Set(['/api/auth/login', '/api/student/join', '/api/auth/logout']);
const WRITES: Readonly<Record<string, RequestRoute>> = {
  'POST /api/attempt/start': { kind: 'attempt-write', write: 'start' },
  'PUT /api/attempt/answers': { kind: 'attempt-write', write: 'save' },
  'POST /api/attempt/submit': { kind: 'attempt-write', write: 'submit' },
};

/**
 * @example
 * requestRoute('GET', '/api/attempt', 'cors'); // { kind: 'attempt-read', path: '/api/attempt' }
 * requestRoute('GET', '/api/sittings/s1/results', 'cors'); // { kind: 'network' }
 */
export function requestRoute(method: string, pathname: string, mode: RequestMode): RequestRoute {
  const write = WRITES[`${method} ${pathname}`];
  if (write) return write;
  if (method === 'POST' && SESSION_CHANGES.has(pathname)) return { kind: 'session-change' };
  if (method !== 'GET') return { kind: 'network' };
  if (pathname === '/api/auth/me' || pathname === '/api/attempt') return { kind: 'attempt-read', path: pathname };
  if (pathname.startsWith('/assets/')) return { kind: 'asset' };
  const isAppPage = mode === 'navigate' && !pathname.startsWith('/api/') && pathname !== '/metrics';
  return isAppPage ? { kind: 'page' } : { kind: 'network' };
}
