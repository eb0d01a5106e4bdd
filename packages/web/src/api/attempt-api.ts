import {
  AttemptStateSchema,
  HeartbeatSchema,
  SaveAckSchema,
  StudentResultsSchema,
  type AttemptState,
  type Save,
  type SaveAck,
  type StudentResults,
} from '@examforge/server/api';
import { measureServerClock, type ServerClock } from '../lib/clock/server-clock.js';
import { apiRequest } from './http.js';

/** A reply together with the clock offset measured from it: every attempt reply resyncs the countdown. */
export interface Timed<T> {
  readonly body: T;
  readonly clock: ServerClock;
}

/** Long enough for a slow exam-hall network, short enough that a hung request does not stall the outbox. */
const SAVE_TIMEOUT_MS = 10_000;

export function fetchAttempt(): Promise<Timed<AttemptState>> {
  return timed(() => apiRequest('GET', '/api/attempt', AttemptStateSchema));
}

export function startAttempt(): Promise<Timed<AttemptState>> {
  return timed(() => apiRequest('POST', '/api/attempt/start', AttemptStateSchema));
}

export function submitAttempt(): Promise<Timed<AttemptState>> {
  return timed(() => apiRequest('POST', '/api/attempt/submit', AttemptStateSchema));
}

export function saveAnswers(saves: readonly Save[]): Promise<Timed<SaveAck>> {
  const body = { saves };
  return timed(() => apiRequest('PUT', '/api/attempt/answers', SaveAckSchema, { body, timeoutMs: SAVE_TIMEOUT_MS }));
}

/** Tells the server the page is still open, for the instructor's live monitor. */
export async function sendHeartbeat(): Promise<void> {
  await apiRequest('POST', '/api/attempt/heartbeat', HeartbeatSchema);
}

export function fetchStudentResults(): Promise<StudentResults> {
  return apiRequest('GET', '/api/attempt/results', StudentResultsSchema);
}

async function timed<T extends { serverNow: string }>(request: () => Promise<T>): Promise<Timed<T>> {
  const sentAt = performance.now();
  const body = await request();
  return { body, clock: measureServerClock(body.serverNow, sentAt, performance.now()) };
}
