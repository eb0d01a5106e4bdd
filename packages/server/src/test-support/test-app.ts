import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { RosterEntry, Sitting } from '../api/index.js';
import { buildApp, type AppOptions } from '../app.js';
import { hashPassword } from '../auth/passwords.js';
import { ManualClock } from '../clock.js';
import { DEFAULT_SETTINGS, type AppContext, type Settings } from '../context.js';
import type { UsersTable } from '../db/schema.js';
import { newId } from '../ids.js';
import { importExam } from '../services/exams.js';
import { importRoster } from '../services/roster.js';
import { createSitting } from '../services/sittings.js';
import { freshDatabase, type TestDialect } from './databases.js';

export const BUNDLED_SOURCE = readFileSync(
  fileURLToPath(new URL('../../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url)),
  'utf8',
);
/** The bundled practice exam: every question computed, so each student gets their own instances. */
export const PRACTICE_SOURCE = readFileSync(
  fileURLToPath(new URL('../../../../exams/dl-practice/exam.md', import.meta.url)),
  'utf8',
);
export const PASSWORD = 'correct horse battery staple';
export const T0 = new Date('2026-12-01T09:00:00.000Z');

/** A response from the app: status, parsed JSON (or text) and headers. */
export interface TestResponse {
  readonly status: number;
  readonly body: any; // tests read whatever the route returns
  readonly text: string;
  readonly headers: Record<string, string | string[] | number | undefined>;
  /** The body's bytes (images, PDFs). */
  readonly raw: Buffer;
}

/** A browser-like client: keeps its session cookie and sends the CSRF token on state-changing requests. */
export class TestClient {
  private cookie?: string;
  csrfToken?: string;

  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse> {
    const response = await this.app.inject({
      method,
      url,
      ...(payload !== undefined && {
        payload: typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload),
      }),
      headers: {
        ...(payload !== undefined && !Buffer.isBuffer(payload) && { 'content-type': 'application/json' }),
        ...(this.cookie && { cookie: this.cookie }),
        ...(this.csrfToken && method !== 'GET' && { 'x-csrf-token': this.csrfToken }),
        ...headers,
      },
    });
    const setCookie = response.cookies.find((c) => c.name === 'ef_session');
    if (setCookie) this.cookie = `ef_session=${setCookie.value}`;
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      body = undefined;
    }
    const token = (body as { csrfToken?: unknown } | undefined)?.csrfToken;
    if (typeof token === 'string') this.csrfToken = token;
    return {
      status: response.statusCode,
      body,
      text: response.body,
      headers: response.headers,
      raw: response.rawPayload,
    };
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, payload?: unknown) => this.request('POST', url, payload ?? {});
  put = (url: string, payload?: unknown) => this.request('PUT', url, payload);
  /** Sends a file as the request body, as the browser's upload does. */
  upload = (url: string, data: Buffer, contentType: string) =>
    this.request('POST', url, data, { 'content-type': contentType });
}

export interface TestWorld {
  readonly app: FastifyInstance;
  readonly context: AppContext;
  /** The database's URL, for a second handle on it (another node). */
  readonly databaseUrl: string;
  readonly clock: ManualClock;
  readonly users: Record<'owner' | 'instructor' | 'otherInstructor' | 'grader', UsersTable>;
  readonly examId: string;
  readonly sitting: Sitting;
  readonly otherSitting: Sitting;
  readonly roster: readonly RosterEntry[];
  readonly otherRoster: readonly RosterEntry[];
  client(): TestClient;
  logIn(who: keyof TestWorld['users']): Promise<TestClient>;
  join(student: RosterEntry): Promise<TestClient>;
  close(): Promise<void>;
}

/**
 * A running app on a fresh database with a fixed clock: an owner, the bundled exam's instructor, an instructor of
 * another exam, a grader on the bundled exam; a sitting of the bundled exam (window 09:00–17:00, 120 minutes, grace
 * 60 s) with three students, and a sitting of another exam with one student. `source` replaces the bundled exam
 * (e.g. `PRACTICE_SOURCE`) in the main sitting; `app` is handed to buildApp (a logger to read back, metrics).
 */
export async function createTestWorld(
  dialect: TestDialect,
  options: { students?: number; source?: string; settings?: Partial<Settings>; app?: AppOptions } = {},
): Promise<TestWorld> {
  const handle = await freshDatabase(dialect);
  const clock = new ManualClock(T0);
  const context: AppContext = {
    db: handle.db,
    dialect: handle.dialect,
    attemptWrites: handle.attemptWrites,
    clock,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
  };
  const passwordHash = await hashPassword(PASSWORD);
  const user = (role: UsersTable['role'], name: string): UsersTable => ({
    id: newId(),
    email: `${name}@examforge.test`,
    name,
    role,
    // The site's owner administers accounts too, as the demo instructor does.
    is_admin: role === 'owner' ? 1 : 0,
    password_hash: passwordHash,
    created_at: T0.toISOString(),
  });
  const users = {
    owner: user('owner', 'owner'),
    instructor: user('instructor', 'instructor'),
    otherInstructor: user('instructor', 'other'),
    grader: user('grader', 'grader'),
  };
  await handle.db.insertInto('users').values(Object.values(users)).execute();
  const exam = await importExam(context, users.instructor, options.source ?? BUNDLED_SOURCE);
  await handle.db
    .insertInto('exam_staff')
    .values({ exam_id: exam.id, user_id: users.grader.id, role: 'grader' })
    .execute();
  const sittingInput = {
    opensAt: T0.toISOString(),
    closesAt: new Date(T0.getTime() + 8 * 3_600_000).toISOString(),
    durationMinutes: 120,
    graceSeconds: 60,
    shuffleQuestions: true,
    shuffleOptions: true,
    oneQuestionPerPage: false,
    releaseResults: 'after-close' as const,
    releaseSolutions: 'after-close' as const,
  };
  const sitting = await createSitting(context, users.instructor, exam.id, { ...sittingInput, title: 'Main sitting' });
  const count = options.students ?? 3;
  const roster = await importRoster(
    context,
    users.instructor,
    sitting.id,
    [
      'id,name,email,extra_time',
      ...Array.from(
        { length: count },
        (_, i) => `s${String(i + 1).padStart(4, '0')},Student ${i + 1},s${i + 1}@x.test,`,
      ),
    ].join('\n'),
  );
  const other = await importExam(
    context,
    users.otherInstructor,
    BUNDLED_SOURCE.replace('id: dl-endsem-winter-2025', 'id: other-exam'),
  );
  const otherSitting = await createSitting(context, users.otherInstructor, other.id, {
    ...sittingInput,
    title: 'Other sitting',
  });
  const otherRoster = await importRoster(context, users.otherInstructor, otherSitting.id, 'id,name\no1,Other Student');
  // Tests stand behind one proxy hop: a request's `x-forwarded-for` is its client's address.
  const app = await buildApp(context, { trustProxy: 1, ...options.app });
  const world: TestWorld = {
    app,
    context,
    databaseUrl: handle.url,
    clock,
    users,
    examId: exam.id,
    sitting,
    otherSitting,
    roster,
    otherRoster,
    client: () => new TestClient(app),
    logIn: async (who) => {
      const client = new TestClient(app);
      const response = await client.post('/api/auth/login', { email: users[who].email, password: PASSWORD });
      if (response.status !== 200) throw new Error(`login failed: ${response.text}`);
      return client;
    },
    join: async (student) => {
      const client = new TestClient(app);
      const response = await client.post('/api/student/join', { accessCode: student.accessCode });
      if (response.status !== 200) throw new Error(`join failed: ${response.text}`);
      return client;
    },
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
  return world;
}
