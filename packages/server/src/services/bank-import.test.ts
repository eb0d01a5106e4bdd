import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { BankImport } from '../api/index.js';
import { SAMPLES_ROOT as SAMPLES } from '../../../interop/src/test-support/interop-samples.js';
import { BUNDLED_SOURCE, createTestWorld, type TestClient, type TestWorld } from '../test-support/test-app.js';

const sample = (path: string) => readFileSync(new URL(path, SAMPLES));
const WITH_IMAGES = 'moodle-xml/amc2moodle_moodle-bank-exemple_math_images_numerical_calculated.xml';

describe('question bank import', () => {
  let world: TestWorld;
  afterEach(() => world.close());

  const upload = (client: TestClient, name: string, bytes: Buffer) =>
    client.request('POST', `/api/exams/import-bank?name=${encodeURIComponent(name)}`, bytes, {
      'content-type': 'application/octet-stream',
    });

  it('imports a Moodle bank as an exam with its images, lists what was not converted, and serves the images to its staff and students only', async () => {
    world = await createTestWorld('sqlite', { students: 1 });
    const instructor = await world.logIn('instructor');
    const response = await upload(instructor, 'bank.xml', sample(WITH_IMAGES));
    expect(response.status).toBe(201);
    const imported = response.body as BankImport;
    expect(imported.format).toBe('moodle-xml');
    expect(imported.assets).toBe(2);
    expect(imported.notes.some((note) => note.keptAs === 'left-out' && /calculated/i.test(note.reason))).toBe(true);
    expect(imported.notes[0]?.location).toMatch(/bank\.xml:\d+:\d+ \/quiz\/question\[\d+\]/);
    expect(imported.exam.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    const file = `/api/exams/${imported.exam.id}/files/${encodeURIComponent('images/4.png')}`;
    const image = await instructor.get(file);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.raw.subarray(1, 4).toString()).toBe('PNG');
    expect(image.headers['content-security-policy']).toContain('sandbox');
    // A student of a sitting of another exam does not get it; nobody signed out does.
    const student = await world.join(world.roster[0]!);
    expect((await student.get(file)).status).toBe(404);
    expect((await world.client().get(file)).status).toBeGreaterThanOrEqual(401);
  });

  it('refuses XML that is not well formed with a 422 that says where, and an empty upload with a 400', async () => {
    world = await createTestWorld('sqlite', { students: 0 });
    const instructor = await world.logIn('instructor');
    const broken = await upload(instructor, 'broken.xml', Buffer.from('<quiz><question type="truefalse">'));
    expect(broken.status).toBe(422);
    expect(broken.body).toMatchObject({
      code: 'bank-unreadable',
      message: expect.stringMatching(/broken\.xml:\d+:\d+/),
    });
    const empty = await upload(instructor, 'empty.xml', Buffer.alloc(0));
    expect(empty.status).toBe(400);
    const grader = await world.logIn('grader');
    expect((await upload(grader, 'bank.xml', sample(WITH_IMAGES))).status).toBe(403);
  });

  it('gives a student the pictures of their paper but not one that only an explanation shows', async () => {
    const source = BUNDLED_SOURCE.replace(
      'Given the loss function',
      '![The loss](images/loss.png)\n\nGiven the loss function',
    ).replace('### Explanation\n', '### Explanation\n\n![Worked answer](images/answer.png)\n');
    world = await createTestWorld('sqlite', { students: 1, source });
    for (const path of ['images/loss.png', 'images/answer.png']) {
      await world.context.db
        .insertInto('exam_assets')
        .values({
          exam_id: world.examId,
          path,
          content_type: 'image/png',
          data: Buffer.from(path),
          created_at: '2026-01-01T00:00:00Z',
        })
        .execute();
    }
    const student = await world.join(world.roster[0]!);
    const file = (path: string) => student.get(`/api/exams/${world.examId}/files/${encodeURIComponent(path)}`);
    expect((await file('images/loss.png')).status).toBe(200);
    const hidden = await file('images/answer.png');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    const instructor = await world.logIn('instructor');
    expect(
      (await instructor.get(`/api/exams/${world.examId}/files/${encodeURIComponent('images/answer.png')}`)).status,
    ).toBe(200);
  });
});
