import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { GradebookExport } from '../api/index.js';
import { seedWrittenAnswers } from '../test-support/grading-seed.js';
import { createTestWorld, type TestWorld } from '../test-support/test-app.js';

describe('gradebook export', () => {
  let world: TestWorld;
  afterEach(() => world.close());

  async function setUp() {
    // Three roster students who never started (s0001…) and two with a submitted attempt whose written answer is
    // not graded yet (g00000, g00001).
    world = await createTestWorld('sqlite', { students: 3 });
    await seedWrittenAnswers(world, ['JS is constant', 'W1 = |θ|']);
    return { path: `/api/sittings/${world.sitting.id}/gradebook`, instructor: await world.logIn('instructor') };
  }

  it('writes Moodle grade import by student number: blanks for no result, not-final totals listed, audited', async () => {
    const { path, instructor } = await setUp();
    const response = await instructor.post(path, { target: 'moodle', match: 'id' });
    expect(response.status).toBe(200);
    const out = response.body as GradebookExport;
    const parsed: unknown = parse(out.csv);
    const rows = parsed as string[][];
    expect(rows[0]).toEqual(['ID number', 'Main sitting']);
    expect(new Map(rows.slice(1).map(([id, grade]) => [id, grade]))).toEqual(
      new Map([
        ['s0001', ''],
        ['s0002', ''],
        ['s0003', ''],
        ['g00000', '0'],
        ['g00001', '0'],
      ]),
    );
    expect(out.written).toBe(2);
    expect(out.notFinal.map((s) => s.studentNumber).sort()).toEqual(['g00000', 'g00001']);
    expect(out.noResult).toHaveLength(3);
    const events = await world.context.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'results.exported')
      .execute();
    expect(events).toHaveLength(1);
  });

  it("fills a Canvas export matched by email and lists both sides' unmatched students", async () => {
    const { path, instructor } = await setUp();
    const lmsCsv = [
      'Student,ID,SIS User ID,SIS Login ID,Section,Quiz 1 (17)',
      '    Points Possible,,,,,5',
      '"Student, G0",901,,G0@x.test,A,4',
      '"Newcomer, Nia",902,,nia@x.test,A,5',
    ].join('\n');
    const response = await instructor.post(path, { target: 'canvas', match: 'email', lmsCsv });
    expect(response.status).toBe(200);
    const out = response.body as GradebookExport;
    expect(parse(out.csv)).toEqual([
      ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', 'Main sitting'],
      ['Points Possible', '', '', '', '', expect.any(String)],
      ['Student, G0', '901', '', 'G0@x.test', 'A', '0'],
    ]);
    expect(out.notInSitting).toEqual([{ line: 4, label: 'Newcomer, Nia' }]);
    expect(out.notInLms).toHaveLength(4);
  });

  it('refuses an LMS file without the column to match on with a 422 that says which columns it has', async () => {
    const { path, instructor } = await setUp();
    const response = await instructor.post(path, { target: 'moodle', match: 'email', lmsCsv: 'Name,Grade\nAna,3\n' });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'lms-file-unreadable', message: expect.stringContaining('"Name"') });
  });

  it("does not give another exam's instructor the file", async () => {
    const { path } = await setUp();
    const other = await world.logIn('otherInstructor');
    const response = await other.post(path, { target: 'long', match: 'id' });
    expect(response.status).toBeGreaterThanOrEqual(403);
    expect(response.status).toBeLessThan(500);
  });
});
