import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { BankImport } from '../api/index.js';
import { SAMPLES_ROOT as SAMPLES } from '../../../interop/src/test-support/interop-samples.js';
import { createTestWorld, type TestClient, type TestWorld } from '../test-support/test-app.js';

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
});
