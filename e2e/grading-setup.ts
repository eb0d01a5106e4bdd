import { randomUUID } from 'node:crypto';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { hashPassword } from '../packages/server/src/auth/passwords.js';

/** What a typed answer to `wasserstein-vs-js` earns: both rubric items, one of them, or none. */
export type AnswerKind = 'both' | 'js' | 'w1' | 'neither';

/**
 * A typed answer with math, as a student writes it. The plain word before the colon lets the test's grader decide
 * as a person would from the rendered text; the closing number keeps every answer different (no answer groups).
 */
export function typedAnswer(kind: AnswerKind, n: number): string {
  const tail = ` I checked this with $\\theta = ${n}$.`;
  switch (kind) {
    case 'both':
      return `Both: take $P = \\delta_0$, $Q_\\theta = \\delta_\\theta$. Then $JS(P \\| Q_\\theta) = \\log 2$ for every $\\theta \\neq 0$, so its gradient is $0$, while $W_1(P, Q_\\theta) = |\\theta|$ has gradient $\\operatorname{sign}(\\theta)$.${tail}`;
    case 'js':
      return `Only JS: the supports are disjoint, so $$JS(P \\| Q_\\theta) = \\tfrac12 \\log 2 + \\tfrac12 \\log 2 = \\log 2$$ and $\\nabla_\\theta JS = 0$.${tail}`;
    case 'w1':
      return `Only W: with Dirac deltas $W_1(\\delta_0, \\delta_\\theta) = |\\theta|$, whose derivative is $\\operatorname{sign}(\\theta)$.${tail}`;
    case 'neither':
      return `Neither: GANs are unstable because the discriminator becomes too good, $D(x) \\to 1$.${tail}`;
  }
}

/** The rubric items a kind earns, and the keys that apply them. */
export const ITEMS: Record<AnswerKind, readonly string[]> = {
  both: ['js-constant', 'w1-gradient'],
  js: ['js-constant'],
  w1: ['w1-gradient'],
  neither: [],
};
export const KEYS: Record<AnswerKind, readonly string[]> = { both: ['1', '2'], js: ['1'], w1: ['2'], neither: [] };

/** Which kind a rendered answer is, from its plain first word as a grader reads it. */
export function kindOfText(text: string): AnswerKind {
  if (text.includes('Both:')) return 'both';
  if (text.includes('Only JS:')) return 'js';
  if (text.includes('Only W:')) return 'w1';
  if (text.includes('Neither:')) return 'neither';
  throw new Error(`not an answer of the test: ${text}`);
}

/** One student through the API: joins, starts, types the answer to the question and submits. */
export async function submitTypedAnswer(accessCode: string, questionId: string, text: string): Promise<void> {
  const student = await playwrightRequest.newContext({ baseURL: process.env.E2E_BASE_URL });
  try {
    const joined = await student.post('/api/student/join', { data: { accessCode } });
    if (!joined.ok()) throw new Error(`join: ${await joined.text()}`);
    const headers = { 'x-csrf-token': ((await joined.json()) as { csrfToken: string }).csrfToken };
    await expectOk(student.post('/api/attempt/start', { headers, data: {} }), 'start');
    const saves = [{ seq: 1, questionId, answer: { kind: 'text', text }, flagged: false }];
    await expectOk(student.put('/api/attempt/answers', { headers, data: { saves } }), 'save');
    await expectOk(student.post('/api/attempt/submit', { headers, data: {} }), 'submit');
  } finally {
    await student.dispose();
  }
}

async function expectOk(reply: ReturnType<APIRequestContext['post']>, what: string): Promise<void> {
  const response = await reply;
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
}

function database(): Database.Database {
  const path = process.env.E2E_DATABASE;
  if (path === undefined) throw new Error('E2E_DATABASE is not set: run through playwright.config.ts');
  const db = new Database(path);
  // Browser tests run two at a time, so the server may be committing another test's saves: wait for the lock.
  db.pragma('busy_timeout = 30000');
  return db;
}

/**
 * A grader account on the exam. No route creates staff accounts yet, so the test writes the rows the server's own
 * test world writes (users, exam_staff) into the running server's database.
 */
export async function addGrader(examId: string, name: string): Promise<{ email: string; password: string }> {
  const email = `${name}@e2e.test`;
  const password = `${name}-password`;
  const db = database();
  try {
    const id = randomUUID();
    db.prepare('INSERT INTO users (id, email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      id,
      email,
      name,
      await hashPassword(password),
      'grader',
      new Date().toISOString(),
    );
    db.prepare('INSERT INTO exam_staff (exam_id, user_id, role) VALUES (?, ?, ?)').run(examId, id, 'grader');
  } finally {
    db.close();
  }
  return { email, password };
}

/** The audit trail's grading events for the question: who applied a grade to which answer, and any conflicts. */
export function gradingEvents(questionId: string): { action: string; subject: string; actor: string }[] {
  const db = database();
  try {
    const rows = db
      .prepare(
        "SELECT action, subject, actor_id AS actor, data_json FROM audit_events WHERE action IN ('grade.applied', 'grade.conflict') ORDER BY id",
      )
      .all() as { action: string; subject: string; actor: string; data_json: string }[];
    return rows
      .filter((row) => (JSON.parse(row.data_json) as { questionId?: string }).questionId === questionId)
      .map(({ action, subject, actor }) => ({ action, subject, actor }));
  } finally {
    db.close();
  }
}
