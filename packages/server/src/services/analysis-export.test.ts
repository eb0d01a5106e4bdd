import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnotherSitting, sitChoiceClass } from '../test-support/analysis-class.js';
import { DIALECTS } from '../test-support/databases.js';
import { createTestWorld, T0, type TestClient, type TestWorld } from '../test-support/test-app.js';

type Row = Record<string, string>;
const csvRows = (text: string) => parse<Row>(text, { columns: true });

describe.each(DIALECTS)('the item analysis as downloads on %s', (dialect) => {
  let world: TestWorld;
  let instructor: TestClient;
  const sitting = () => `/api/sittings/${world.sitting.id}/analysis`;
  const version = () => `/api/exams/${world.examId}/versions/1/analysis`;

  beforeAll(async () => {
    world = await createTestWorld(dialect, { students: 6 });
    world.clock.set(T0);
    instructor = await world.logIn('instructor');
    await sitChoiceClass(world, world.roster, ['b', 'b', 'b', 'a', 'c', undefined]);
    const other = await openAnotherSitting(instructor, world, 2);
    await sitChoiceClass(world, other.roster, ['b', 'a']);
  });
  afterAll(() => world.close());

  it('serves the HTML report named after the exam, with its charts as SVG and the sitting it covers', async () => {
    const response = await instructor.get(`${sitting()}/report.html`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="dl-endsem-winter-2025.report.html"');
    expect(response.text).toMatch(/^<!doctype html>/);
    expect(response.text).toContain('Item analysis: ');
    expect(response.text).toContain('version 1, sitting “Main sitting”');
    for (const chart of ['Score histogram', 'Facility against discrimination', 'Options of Q'])
      expect(response.text).toMatch(new RegExp(`<svg[^>]*role="img"[^>]*>\\s*<title[^>]*>${chart}`));
    expect(response.text).toContain('its key is unknown: not scored');
    expect(response.text).not.toContain('<script');
  });

  it('serves the question and option tables as CSV, with the figures the page shows', async () => {
    const page = (await instructor.get(sitting())).body as {
      items: { questionId: string; n: number; facility: number; options?: { option: string; count: number }[] }[];
    };
    const statistics = await instructor.get(`${sitting()}/statistics.csv`);
    expect(statistics.status).toBe(200);
    expect(statistics.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(statistics.headers['content-disposition']).toBe(
      'attachment; filename="dl-endsem-winter-2025.statistics.csv"',
    );
    const rows = csvRows(statistics.text);
    const l2 = page.items.find((item) => item.questionId === 'l2-prior');
    expect(rows.find((row) => row.question === 'l2-prior')).toMatchObject({
      n: String(l2?.n),
      facility: String(l2?.facility),
      blank: '1',
    });
    expect(rows.find((row) => row.question === 'conv-grad-valid')?.not_analysed).toBe('its key is unknown: not scored');
    const options = csvRows((await instructor.get(`${sitting()}/options.csv`)).text);
    expect(options.filter((row) => row.question === 'l2-prior').map((row) => [row.option, row.count])).toEqual(
      (l2?.options ?? []).map((option) => [option.option, String(option.count)]),
    );
  });

  it('serves every sitting of the version together, named after the exam and the version', async () => {
    const report = await instructor.get(`${version()}/report.html`);
    expect(report.status).toBe(200);
    expect(report.headers['content-disposition']).toBe('attachment; filename="dl-endsem-winter-2025-v1.report.html"');
    expect(report.text).toContain('version 1, all 2 sittings: “Second sitting”, “Main sitting”');
    const options = csvRows((await instructor.get(`${version()}/options.csv`)).text);
    const chose = (letter: string) => options.find((row) => row.question === 'l2-prior' && row.option === letter);
    expect([chose('a')?.count, chose('b')?.count, chose('c')?.count]).toEqual(['2', '4', '1']);
    const statistics = await instructor.get(`${version()}/statistics.csv`);
    expect(csvRows(statistics.text).find((row) => row.question === 'l2-prior')?.n).toBe('8');
  });

  it('audits every download, under the sitting or the exam', async () => {
    const grader = await world.logIn('grader');
    expect((await grader.get(`${sitting()}/options.csv`)).status).toBe(200);
    const events = await world.context.db
      .selectFrom('audit_events')
      .select(['action', 'subject', 'data_json', 'actor_id'])
      .where('action', '=', 'analysis.exported')
      .orderBy('id')
      .execute();
    expect(events.map((event) => [event.subject, JSON.parse(event.data_json).file])).toEqual([
      [`sitting:${world.sitting.id}`, 'report.html'],
      [`sitting:${world.sitting.id}`, 'statistics.csv'],
      [`sitting:${world.sitting.id}`, 'options.csv'],
      [`exam:${world.examId}`, 'report.html'],
      [`exam:${world.examId}`, 'options.csv'],
      [`exam:${world.examId}`, 'statistics.csv'],
      [`sitting:${world.sitting.id}`, 'options.csv'],
    ]);
    expect(events.at(-1)?.actor_id).toBe(world.users.grader.id);
    expect(JSON.parse(events[3]!.data_json)).toMatchObject({ version: 1, students: 8 });
    const trail = await instructor.get(`/api/sittings/${world.sitting.id}/audit?kind=analysis.exported`);
    expect(trail.text).toContain('downloaded the item analysis (options.csv)');
  });

  it('refuses students, other instructors and strangers, in words', async () => {
    const callers = [
      [world.client(), 401],
      [await world.join(world.roster[0]!), 403],
      [await world.logIn('otherInstructor'), 403],
    ] as const;
    for (const [client, status] of callers)
      for (const url of [`${sitting()}/report.html`, `${version()}/statistics.csv`, `${version()}/options.csv`]) {
        const response = await client.get(url);
        expect(response.status, url).toBe(status);
        expect(response.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      }
    expect((await instructor.get('/api/sittings/no-such-sitting/analysis/report.html')).status).toBe(404);
  });
});
