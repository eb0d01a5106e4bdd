import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { variantCode } from '@examforge/paper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { createTestWorld, type TestClient, type TestWorld } from '../test-support/test-app.js';
import { variantSeed } from './paper-layouts.js';
import { claimPaperJob, printQueuedPapers, runPaperJob } from './paper-jobs.js';
import { findSittingRow } from './sittings.js';

/** The PDF's page count and text, read by poppler (an independent reader). */
function readPdf(pdf: Buffer): { pages: number; text: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'examforge-paper-job-')), 'papers.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), text };
}

describe.each(DIALECTS)('question papers as a background job on %s', (dialect) => {
  let world: TestWorld;
  let instructor: TestClient;
  const base = () => `/api/sittings/${world.sitting.id}/paper/question-papers`;

  beforeAll(async () => {
    world = await createTestWorld(dialect, { students: 3, settings: { paperWorkers: 1 } });
    instructor = await world.logIn('instructor');
  });
  afterAll(() => world.close());

  it('draws every student’s paper on the worker pool, shows the progress reach 100 % and serves the PDF', async () => {
    const requested = await instructor.post(base());
    expect(requested.status, requested.text).toBe(202);
    expect(requested.body).toMatchObject({ status: 'queued', studentsTotal: 3, studentsDone: 0, pageSize: 'A4' });
    const id = requested.body.id as string;
    // A second click while it waits gets the same job, and its PDF is not there yet.
    expect((await instructor.post(base())).body.id).toBe(id);
    const early = await instructor.get(`${base()}/${id}/questions.pdf`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'papers-not-ready' });
    expect(early.body.message).toMatch(/waiting/);

    expect(await printQueuedPapers(world.context)).toBe(1);
    const job = (await instructor.get(`${base()}/${id}`)).body;
    expect(job).toMatchObject({ status: 'done', studentsTotal: 3, studentsDone: 3 });
    // Listed, so the page finds it again after a reload.
    expect((await instructor.get(base())).body.map((listed: { id: string }) => listed.id)).toEqual([id]);

    const download = await instructor.get(job.downloadUrl as string);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    const { pages, text } = readPdf(download.raw);
    expect(job.pages).toBe(pages);
    // Every page's footer names its variant and its page of that paper: roster order, each paper whole, nothing else.
    const sitting = await findSittingRow(world.context, world.sitting.id);
    const roster = [...world.roster].sort((a, b) => a.studentNumber.localeCompare(b.studentNumber));
    const footers = [...text.matchAll(/variant (\w{6}) · page (\d+) of (\d+)/g)].map((m) => `${m[1]} ${m[2]}/${m[3]}`);
    const expected = roster.flatMap((student) => {
      const code = variantCode(variantSeed(sitting.id, student.id));
      const count = Number(new RegExp(`variant ${code} · page 1 of (\\d+)`).exec(text)?.[1]);
      expect(count).toBeGreaterThan(0);
      return Array.from({ length: count }, (_, index) => `${code} ${index + 1}/${count}`);
    });
    expect(footers).toEqual(expected);
    expect(pages).toBe(expected.length);
    const starts = roster.map((student) => text.indexOf(`${student.name} · ${student.studentNumber}`));
    expect(starts.every((start) => start >= 0)).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);

    const audit = await world.context.db
      .selectFrom('audit_events')
      .select('data_json')
      .where('action', '=', 'paper.papers-printed')
      .execute();
    expect(audit.map((row) => JSON.parse(row.data_json) as unknown)).toContainEqual(
      expect.objectContaining({ students: 3, pageSize: 'A4' }),
    );
  });

  it('puts a job stopped with its node back in the queue, and shows a failure in words', async () => {
    const other = await world.logIn('otherInstructor');
    const otherBase = `/api/sittings/${world.otherSitting.id}/paper/question-papers`;
    const requested = await other.post(otherBase);
    expect(requested.status, requested.text).toBe(202);
    const id = requested.body.id as string;
    expect(await claimPaperJob(world.context)).toBe(id);
    const stopping = new AbortController();
    stopping.abort(new Error('the server is stopping'));
    expect(await runPaperJob(world.context, id, stopping.signal)).toBe('stopped');
    expect((await other.get(`${otherBase}/${id}`)).body).toMatchObject({ status: 'queued', studentsDone: 0 });
    // The roster emptied before the papers are drawn: the job fails and says what to do.
    await world.context.db.deleteFrom('roster').where('sitting_id', '=', world.otherSitting.id).execute();
    expect(await printQueuedPapers(world.context)).toBe(1);
    const failed = (await other.get(otherBase)).body[0];
    expect(failed).toMatchObject({ id, status: 'failed', error: expect.stringContaining('import the roster') });
    expect(failed.downloadUrl).toBeUndefined();
  });

  it('refuses a bad request with a code and a message, and keeps the papers to instructors', async () => {
    const badSize = await instructor.post(`${base()}?pageSize=A3`);
    expect(badSize.status).toBe(400);
    expect(badSize.body).toMatchObject({ code: expect.any(String), message: expect.stringContaining('pageSize') });
    const missing = await instructor.get(`${base()}/no-such-job`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'not-found', message: expect.any(String) });
    const grader = await world.logIn('grader');
    const refused = await grader.post(base());
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });
});
