import { listQuestions, parseExam } from '@examforge/core';
import { importBank } from '@examforge/interop';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExamExportReport } from '../api/index.js';
import { createTestWorld, type TestWorld } from '../test-support/test-app.js';

describe('exporting an exam for another system', () => {
  let world: TestWorld;
  afterEach(() => world.close());

  it('reports what each format cannot hold, then serves a file that imports back with the same questions', async () => {
    world = await createTestWorld('sqlite');
    const instructor = await world.logIn('instructor');
    const base = `/api/exams/${world.examId}/export`;
    const version = await world.context.db
      .selectFrom('exam_versions')
      .select('source')
      .where('exam_id', '=', world.examId)
      .executeTakeFirstOrThrow();
    const parsed = parseExam(version.source);
    if (!parsed.ok) throw new Error('the seeded exam does not parse');
    const questionIds = listQuestions(parsed.exam).map(({ question }) => question.id);

    for (const format of ['moodle-xml', 'qti3', 'gift', 'aiken'] as const) {
      const report = (await instructor.get(`${base}/${format}/report`)).body as ExamExportReport;
      expect(report.format).toBe(format);
      expect(report.bytes).toBeGreaterThan(0);
      const leftOut = report.notes.filter((note) => note.keptAs === 'left-out' && note.questionId);
      expect(report.questionsWritten).toBe(questionIds.length - leftOut.length);
      for (const note of report.notes) expect(note.reason).not.toBe('');

      const file = await instructor.get(`${base}/${format}`);
      expect(file.status).toBe(200);
      expect(file.headers['content-disposition']).toBe(`attachment; filename="${report.fileName}"`);
      const bytes = new Uint8Array(file.raw);
      expect(bytes.length).toBe(report.bytes);
      // Every question the report does not name comes back, under its own id; nothing comes back that was left out.
      // (Aiken has no ids: its questions are compared by count.)
      const back = listQuestions(importBank({ name: report.fileName, bytes }).exam).map(({ question }) => question.id);
      if (format === 'aiken') {
        expect(back).toHaveLength(report.questionsWritten);
        continue;
      }
      const named = new Set(report.notes.map((note) => note.questionId));
      expect(
        back.filter((id) => !questionIds.includes(id)),
        format,
      ).toEqual([]);
      expect(
        questionIds.filter((id) => !named.has(id) && !back.includes(id)),
        format,
      ).toEqual([]);
      for (const note of leftOut) expect(back, format).not.toContain(note.questionId);
    }
    // Aiken holds single-answer choice questions only: the written answers are named as left out.
    const aiken = (await instructor.get(`${base}/aiken/report`)).body as ExamExportReport;
    expect(aiken.notes.some((note) => note.keptAs === 'left-out' && note.questionId === 'wasserstein-vs-js')).toBe(
      true,
    );
    // Each download is in the audit trail with its format; the reports are not.
    const events = await world.context.db
      .selectFrom('audit_events')
      .select(['data_json'])
      .where('action', '=', 'exam.exported')
      .execute();
    expect(events.map((event) => (JSON.parse(event.data_json) as { format: string }).format)).toEqual([
      'moodle-xml',
      'qti3',
      'gift',
      'aiken',
    ]);
  });

  it('refuses a format it does not write with a message naming the ones it does, and an exam that is not there', async () => {
    world = await createTestWorld('sqlite');
    const instructor = await world.logIn('instructor');
    const response = await instructor.get(`/api/exams/${world.examId}/export/blackboard`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: expect.any(String), message: expect.stringContaining('moodle-xml') });
    for (const path of ['/api/exams/no-such-exam/export/gift', '/api/exams/no-such-exam/export/gift/report']) {
      const missing = await instructor.get(path);
      expect(missing.status, path).toBe(404);
      expect(missing.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
  });
});
