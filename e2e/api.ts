import type { APIRequestContext } from '@playwright/test';

export const DEMO = { email: 'instructor@examforge.test', password: 'examforge-demo' };

/** Signs in as the demo instructor through the API (the cookie stays in this request context). */
export async function instructorApi(request: APIRequestContext): Promise<{ csrf: string }> {
  const response = await request.post('/api/auth/login', { data: DEMO });
  if (!response.ok()) throw new Error(`login failed: ${response.status()} ${await response.text()}`);
  return { csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

export interface SittingSetup {
  readonly sittingId: string;
  readonly codes: Record<string, string>;
}

interface SittingOptions {
  durationMinutes: number;
  graceSeconds: number;
  students: string[];
  release?: 'never' | 'after-close' | 'immediately';
  /** Students see one question per page. */
  oneQuestionPerPage?: boolean;
}

/** Imports an exam, opens a sitting from now and imports a roster; returns access codes by student number. */
export async function openSitting(
  request: APIRequestContext,
  source: string,
  options: SittingOptions,
): Promise<SittingSetup & { examId: string }> {
  const { csrf } = await instructorApi(request);
  const exam = await request.post('/api/exams', { data: { source }, headers: { 'x-csrf-token': csrf } });
  if (exam.status() !== 201) throw new Error(`import failed: ${await exam.text()}`);
  const examId = ((await exam.json()) as { id: string }).id;
  return { examId, ...(await addSitting(request, csrf, examId, options)) };
}

/** Opens another sitting of an imported exam (on its latest version) from now, with its roster. */
export async function addSitting(
  request: APIRequestContext,
  csrf: string,
  examId: string,
  options: SittingOptions & { title?: string },
): Promise<SittingSetup> {
  const headers = { 'x-csrf-token': csrf };
  const now = Date.now();
  const sitting = await request.post(`/api/exams/${examId}/sittings`, {
    headers,
    data: {
      title: options.title ?? 'E2E sitting',
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 3 * 3_600_000).toISOString(),
      durationMinutes: options.durationMinutes,
      graceSeconds: options.graceSeconds,
      releaseResults: options.release ?? 'immediately',
      releaseSolutions: options.release ?? 'immediately',
      ...(options.oneQuestionPerPage !== undefined && { oneQuestionPerPage: options.oneQuestionPerPage }),
    },
  });
  if (sitting.status() !== 201) throw new Error(`sitting failed: ${await sitting.text()}`);
  const sittingId = ((await sitting.json()) as { id: string }).id;
  const csv = ['id,name,email,extra_time', ...options.students.map((id) => `${id},Student ${id},${id}@e2e.test,`)].join(
    '\n',
  );
  const roster = await request.post(`/api/sittings/${sittingId}/roster`, { headers, data: { csv } });
  const entries = (await roster.json()) as { studentNumber: string; accessCode: string }[];
  return { sittingId, codes: Object.fromEntries(entries.map((entry) => [entry.studentNumber, entry.accessCode])) };
}

export async function attemptAnswers(
  request: APIRequestContext,
  sittingId: string,
  studentNumber: string,
): Promise<Record<string, unknown>> {
  await instructorApi(request);
  const results = (await (await request.get(`/api/sittings/${sittingId}/results`)).json()) as {
    studentNumber: string;
    attemptId?: string;
  }[];
  const attemptId = results.find((row) => row.studentNumber === studentNumber)?.attemptId;
  if (!attemptId) return {};
  const detail = (await (await request.get(`/api/sittings/${sittingId}/attempts/${attemptId}`)).json()) as {
    questions: { questionId: string; answer?: unknown }[];
  };
  return Object.fromEntries(
    detail.questions.filter((q) => q.answer !== undefined).map((q) => [q.questionId, q.answer]),
  );
}
