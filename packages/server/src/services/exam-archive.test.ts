import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { seedWrittenAnswers, WRITTEN } from '../test-support/grading-seed.js';
import { BUNDLED_SOURCE, createTestWorld, T0, type TestWorld } from '../test-support/test-app.js';
import { responsesCsv } from './responses-csv.js';

const readCsv = (text: string) => parse<Record<string, string>>(text, { columns: true });

describe.each(DIALECTS)('the exam archive on %s', (dialect) => {
  let world: TestWorld;
  afterEach(() => world.close());

  it('holds every version, sitting, roster, response, grade and audit event of the exam, as the manifest says', async () => {
    world = await createTestWorld(dialect);
    const attempts = await seedWrittenAnswers(world, ['JS is constant', '=cmd|calc']);
    const grader = await world.logIn('grader');
    const grading = `/api/sittings/${world.sitting.id}/grading/${WRITTEN}/answers`;
    await grader.put(`${grading}/${attempts[0]}/grade`, { items: ['js-constant'], expectedVersion: 0 });
    await grader.put(`${grading}/${attempts[1]}/grade`, {
      items: [],
      adjustment: '0.5',
      adjustmentReason: 'partly right',
      comment: 'see the notes',
      expectedVersion: 0,
    });
    // A student's regrade request, declined (written as the regrade service stores one).
    await world.context.db
      .insertInto('regrade_requests')
      .values({
        id: 'regrade-1',
        sitting_id: world.sitting.id,
        attempt_id: attempts[0]!,
        question_id: WRITTEN,
        reason: '=the key says constant',
        status: 'declined',
        reply: 'the rubric gives the point only with the gradient',
        created_at: T0.toISOString(),
        decided_at: T0.toISOString(),
        decided_by: null,
        grade_version: null,
      })
      .execute();
    const instructor = await world.logIn('instructor');
    await instructor.post(`/api/sittings/${world.sitting.id}/key`, { questionId: 'l2-prior', letters: ['b'] });
    await instructor.post('/api/exams', { source: BUNDLED_SOURCE });
    const second = await instructor.post(`/api/exams/${world.examId}/sittings`, {
      title: 'Resit',
      opensAt: T0.toISOString(),
      closesAt: new Date(T0.getTime() + 3_600_000).toISOString(),
      durationMinutes: 30,
    });
    expect(second.status).toBe(201);

    // A picture an imported bank brought, kept with the exam: the archive keeps it beside the exam file.
    const picture = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await world.context.db
      .insertInto('exam_assets')
      .values({
        exam_id: world.examId,
        path: 'images/net.png',
        content_type: 'image/png',
        data: Buffer.from(picture),
        created_at: T0.toISOString(),
      })
      .execute();

    const response = await instructor.get(`/api/exams/${world.examId}/archive`);
    expect(response.status, response.text).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toBe('attachment; filename="dl-endsem-winter-2025-archive.zip"');
    const files = unzipSync(new Uint8Array(response.raw));
    const text = (path: string) => strFromU8(files[path] ?? new Uint8Array());
    const manifest = JSON.parse(text('manifest.json')) as {
      examId: string;
      appVersion: string;
      exportedAt: string;
      counts: Record<string, number>;
      files: { path: string; description: string; rows?: number }[];
    };
    expect(Object.keys(files).sort()).toEqual(manifest.files.map((file) => file.path).sort());
    expect(manifest).toMatchObject({ examId: world.examId, appVersion: '0.1.0', exportedAt: T0.toISOString() });
    for (const file of manifest.files) expect(file.description.length).toBeGreaterThan(3);

    const db = world.context.db;
    const versions = await db.selectFrom('exam_versions').selectAll().where('exam_id', '=', world.examId).execute();
    expect(versions).toHaveLength(3);
    for (const version of versions) expect(text(`exam/v${version.version}.md`)).toBe(version.source);
    expect(files['exam/images/net.png']).toEqual(picture);
    const sittings = JSON.parse(text('sittings.json')) as { id: string; title: string; examVersion: number }[];
    expect(sittings.map((sitting) => sitting.title)).toEqual(['Main sitting', 'Resit']);
    expect(sittings[0]!.examVersion).toBe(2);

    const main = `sittings/${world.sitting.id}`;
    const roster = readCsv(text(`${main}/roster.csv`));
    expect(roster).toHaveLength(5);
    expect(Object.keys(roster[0]!)).not.toContain('access code');
    expect(text(`${main}/responses.csv`)).toBe(
      await responsesCsv(world.context, world.sitting.id, { withNames: true }),
    );
    const grades = readCsv(text(`${main}/grades.csv`));
    expect(grades).toEqual([
      expect.objectContaining({
        student: 'g00000',
        question: WRITTEN,
        'rubric items': 'js-constant',
        grader: 'grader',
      }),
      expect.objectContaining({ student: 'g00001', adjustment: '0.5', comment: 'see the notes', version: '1' }),
    ]);
    expect(readCsv(text(`${main}/results.csv`))).toHaveLength(5);
    expect(readCsv(text(`${main}/regrade-requests.csv`))).toEqual([
      expect.objectContaining({
        student: 'g00000',
        question: WRITTEN,
        // A formula-like reason is kept as text, never run by a spreadsheet.
        reason: "'=the key says constant",
        status: 'declined',
        reply: 'the rubric gives the point only with the gradient',
      }),
    ]);

    const auditRows = readCsv(text('audit-events.csv'));
    const sittingIds = sittings.map((sitting) => sitting.id);
    const attemptIds = (
      await db.selectFrom('attempts').select('id').where('sitting_id', 'in', sittingIds).execute()
    ).map((row) => row.id);
    const inExam = (await db.selectFrom('audit_events').select('subject').execute()).filter(
      ({ subject }) =>
        subject === `exam:${world.examId}` ||
        sittingIds.some((id) => subject === `sitting:${id}`) ||
        attemptIds.some((id) => subject === `attempt:${id}` || subject.startsWith(`answer:${id}/`)),
    );
    expect(auditRows).toHaveLength(inExam.length);
    expect(auditRows.map((row) => row.kind)).toContain('exam.archived');
    expect(auditRows.filter((row) => row.kind === 'grade.applied')).toHaveLength(2);
    expect(manifest.counts).toEqual({
      versions: 3,
      examFiles: 1,
      sittings: 2,
      students: 5,
      responses: readCsv(text(`${main}/responses.csv`)).length,
      grades: 2,
      auditEvents: inExam.length,
    });
    expect(manifest.files.find((file) => file.path === 'audit-events.csv')?.rows).toBe(inExam.length);
  });

  it('is refused to graders and to another exam’s instructor', async () => {
    world = await createTestWorld(dialect);
    for (const who of ['grader', 'otherInstructor'] as const) {
      const response = await (await world.logIn(who)).get(`/api/exams/${world.examId}/archive`);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'forbidden' });
    }
    const archived = await world.context.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'exam.archived')
      .execute();
    expect(archived).toHaveLength(0);
  });
});
