/**
 * The service worker (built on its own as /sw.js, see build/precache-plugin.ts): keeps the app shell and the exam a
 * student has started, so a reload or a reopened tab while offline shows the exam; the outbox in IndexedDB brings
 * the unsent answers. The network always comes first for the API; the kept exam is only the offline fallback, and it
 * is dropped on sign-in, join, sign-out and when the attempt closes. See docs/decisions/0016-offline-shell.md.
 */
import {
  advancedServerNow,
  isNotStartedAttempt,
  isOpenAttempt,
  studentIdOf,
  withAcknowledgedSaves,
} from './kept-attempt.js';
import { PRECACHE_MANIFEST_TOKEN, readPrecacheManifest } from './precache-manifest.js';
import { requestRoute, type StudentReadPath } from './request-route.js';

// The app is type-checked with the DOM library; these are the few service worker types it lacks.
interface WorkerEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface WorkerFetchEvent extends WorkerEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: WorkerEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: WorkerFetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: Location;
}

const worker = self as unknown as WorkerScope;
const manifest = readPrecacheManifest(PRECACHE_MANIFEST_TOKEN);
const SHELL_CACHE = `examforge-shell-${manifest.version}`;
const ATTEMPT_CACHE = 'examforge-attempt';
const KEPT_AT_HEADER = 'x-examforge-kept-at';
/** Marks a reply served from the kept copy, for whoever reads the network log. */
const OFFLINE_COPY_HEADER = 'x-examforge-offline-copy';

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(manifest.files))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(dropOldShells().then(() => worker.clients.claim()));
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  const route = requestRoute(request.method, url.pathname, request.mode);
  switch (route.kind) {
    case 'page':
      return event.respondWith(pageOrShell(request));
    case 'asset':
      return event.respondWith(keptFirst(request));
    case 'attempt-read':
      return event.respondWith(networkThenKept(request, route.path));
    case 'attempt-write':
      return event.respondWith(route.write === 'save' ? saveAndKeep(request) : attemptChange(request));
    case 'session-change':
      return event.respondWith(dropKeptAttempt().then(() => fetch(request)));
    case 'network':
      return;
  }
});

async function dropOldShells(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(
    names
      .filter((name) => name.startsWith('examforge-shell-') && name !== SHELL_CACHE)
      .map((name) => caches.delete(name)),
  );
}

async function pageOrShell(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await caches.match('/index.html');
    if (shell) return shell;
    throw error;
  }
}

async function keptFirst(request: Request): Promise<Response> {
  const kept = await caches.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    void caches.open(SHELL_CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

async function networkThenKept(request: Request, path: StudentReadPath): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    const kept = await keptReply(path);
    if (kept) return kept;
    throw error;
  }
  void serially(() => rememberRead(path, response.clone()));
  return response;
}

/** Start and submit reply with the attempt's state: an open one is kept as `GET /api/attempt`, a closed one drops it. */
async function attemptChange(request: Request): Promise<Response> {
  const response = await fetch(request);
  if (response.ok) void serially(() => rememberRead('/api/attempt', response.clone()));
  return response;
}

async function saveAndKeep(request: Request): Promise<Response> {
  const sent: unknown = await request
    .clone()
    .json()
    .catch(() => undefined);
  const response = await fetch(request);
  if (response.ok) void serially(() => applySaves(sent, response.clone()));
  return response;
}

async function rememberRead(path: StudentReadPath, response: Response): Promise<void> {
  if (!response.ok) {
    // No session, or no attempt for it: nothing here may be shown again.
    if (response.status === 401 || response.status === 403 || response.status === 404) await deleteKept();
    return;
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (path === '/api/auth/me') return rememberMe(body);
  if (isOpenAttempt(body)) return keepCopy(path, body);
  // Not started yet: no exam to keep, but who is signed in stays. Closed, or not understood: everything goes.
  if (isNotStartedAttempt(body)) await (await caches.open(ATTEMPT_CACHE)).delete(path);
  else await deleteKept();
}

/** A student's reply is kept; anyone else, or another student than the kept one, drops every copy first. */
async function rememberMe(me: unknown): Promise<void> {
  const cache = await caches.open(ATTEMPT_CACHE);
  const kept: unknown = await (await cache.match('/api/auth/me'))?.json().catch(() => undefined);
  const student = studentIdOf(me);
  if (student === undefined || (kept !== undefined && studentIdOf(kept) !== student)) await deleteKept();
  if (student !== undefined) await keepCopy('/api/auth/me', me);
}

async function applySaves(sent: unknown, response: Response): Promise<void> {
  const cache = await caches.open(ATTEMPT_CACHE);
  const [kept, keptMe] = await Promise.all([cache.match('/api/attempt'), cache.match('/api/auth/me')]);
  // The worker began controlling the page after the exam was loaded: fetch the copies now, saves included.
  if (!kept || !keptMe) return keepFromNetwork();
  const ack: unknown = await response.json().catch(() => undefined);
  const updated = withAcknowledgedSaves(await kept.json().catch(() => undefined), sent, ack);
  if (updated) await keepCopy('/api/attempt', updated);
  else await cache.delete('/api/attempt');
}

/** Once per session in this worker: a server that keeps failing these reads must not get two more with every save. */
let fetchedCopy = false;

async function keepFromNetwork(): Promise<void> {
  if (fetchedCopy) return;
  fetchedCopy = true;
  for (const path of ['/api/auth/me', '/api/attempt'] as const) {
    await rememberRead(
      path,
      await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } }),
    );
  }
}

async function keepCopy(path: StudentReadPath, body: unknown): Promise<void> {
  const cache = await caches.open(ATTEMPT_CACHE);
  const headers = { 'content-type': 'application/json; charset=utf-8', [KEPT_AT_HEADER]: String(Date.now()) };
  await cache.put(path, new Response(JSON.stringify(body), { headers }));
}

async function keptReply(path: StudentReadPath): Promise<Response | undefined> {
  const cache = await caches.open(ATTEMPT_CACHE);
  const kept = await cache.match(path);
  if (!kept || path !== '/api/attempt') return kept;
  const body: unknown = await kept.json().catch(() => undefined);
  if (!isOpenAttempt(body)) return undefined;
  const keptAt = Number(kept.headers.get(KEPT_AT_HEADER));
  const state = advancedServerNow(body, Number.isFinite(keptAt) ? Date.now() - keptAt : 0);
  const headers = { 'content-type': 'application/json; charset=utf-8', [OFFLINE_COPY_HEADER]: 'attempt' };
  return new Response(JSON.stringify(state), { headers });
}

/** Only inside `serially`. */
async function deleteKept(): Promise<void> {
  await caches.delete(ATTEMPT_CACHE);
}

/** A new session: its exam may be fetched afresh. */
function dropKeptAttempt(): Promise<void> {
  fetchedCopy = false;
  return serially(deleteKept);
}

let writes: Promise<void> = Promise.resolve();

/** Changes to the kept attempt run one after another, so a save's update never overtakes a newer read's copy. */
function serially(change: () => Promise<void>): Promise<void> {
  writes = writes.then(change).catch(() => undefined);
  return writes;
}
