import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateQuestions } from '@examforge/checks';
import { optionLetter, parseExam, type Exam, type GeneratedQuestion } from '@examforge/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQueuedScans } from '../jobs/jobs.js';
import { DIALECTS } from '../test-support/databases.js';
import { paintSheets, scanPdf } from '../test-support/paper-scans.js';
import { createTestWorld, PRACTICE_SOURCE, type TestClient, type TestWorld } from '../test-support/test-app.js';
import { readInstances, type Instances } from './attempt-exam.js';
import { sittingLayout, variantSeed } from './paper-layouts.js';
import { findSittingRow } from './sittings.js';

const template = (): Exam => {
  const parsed = parseExam(PRACTICE_SOURCE);
  if (!parsed.ok) throw new Error('dl-practice does not parse');
  return parsed.exam;
};

/** The canonical letter of an instance's correct option (`which`: 'right'), or of its first wrong one. */
const letterOf = (instance: GeneratedQuestion | undefined, which: 'right' | 'wrong'): string => {
  if (instance?.kind !== 'single') throw new Error('not a choice instance');
  return optionLetter(instance.options.findIndex((option) => option.correct === (which === 'right')));
};

/** The stem's words outside its math, as a PDF's text layer has them (math is drawn as paths). */
const plainParts = (stem: string): string[] =>
  stem
    .split(/\$[^$]*\$/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part.length >= 12);

interface ViewQuestion {
  readonly id: string;
  readonly stem: string;
  readonly options?: readonly { letter: string; text: string }[];
}
const questionsOf = (state: { exam: { sections: { questions: ViewQuestion[] }[] } }) =>
  new Map(state.exam.sections.flatMap((section) => section.questions).map((q) => [q.id, q]));

describe.each(DIALECTS)('computed questions (dl-practice) on %s', (dialect) => {
  let world: TestWorld;
  let instructor: TestClient;
  const base = () => `/api/sittings/${world.sitting.id}`;
  const seedOf = (index: number) => variantSeed(world.sitting.id, world.roster[index]!.id);

  beforeAll(async () => {
    world = await createTestWorld(dialect, { students: 4, source: PRACTICE_SOURCE });
    instructor = await world.logIn('instructor');
  });
  afterAll(() => world.close());

  async function storedInstances(index: number): Promise<Instances> {
    const row = await world.context.db
      .selectFrom('attempts')
      .select('generated_json')
      .where('roster_id', '=', world.roster[index]!.id)
      .executeTakeFirstOrThrow();
    return readInstances(row.generated_json ?? 'null');
  }

  async function saveAll(student: TestClient, answers: Record<string, string>) {
    const saves = Object.entries(answers).map(([questionId, letter], i) => ({
      seq: i + 1,
      questionId,
      answer: { kind: 'choice', selected: [letter] },
      flagged: false,
    }));
    const ack = await student.put('/api/attempt/answers', { saves });
    expect(ack.status, ack.text).toBe(200);
  }

  it('gives each student their own variant, stored with the attempt and the same on every reload', async () => {
    const [a, b] = [await world.join(world.roster[0]!), await world.join(world.roster[1]!)];
    const started = [(await a.post('/api/attempt/start')).body, (await b.post('/api/attempt/start')).body];
    const [viewA, viewB] = started.map(questionsOf);
    expect(viewA!.size).toBe(10);
    expect(viewA!.get('conv-output-size')!.stem).not.toBe(viewB!.get('conv-output-size')!.stem);
    expect(questionsOf((await a.get('/api/attempt')).body)).toEqual(viewA);
    expect(questionsOf((await a.post('/api/attempt/start')).body)).toEqual(viewA);
    // What is stored is what the variant seed makes, and what the student is shown.
    const stored = await storedInstances(0);
    expect(stored).toEqual((await generateQuestions(template(), seedOf(0))).instances);
    for (const [id, question] of viewA!) {
      expect(question.stem).toBe(stored[id]!.stem);
      const instance = stored[id]!;
      if (instance.kind === 'single')
        expect([...question.options!].sort((x, y) => x.letter.localeCompare(y.letter)).map((o) => o.text)).toEqual(
          instance.options.map((o) => o.text),
        );
    }
  });

  it('scores each student against their own instances: full marks, and a distractor per the section’s rules', async () => {
    const [a, b] = [await world.join(world.roster[0]!), await world.join(world.roster[1]!)];
    const [mine, theirs] = [await storedInstances(0), await storedInstances(1)];
    const right = (instances: Instances) =>
      Object.fromEntries(Object.entries(instances).map(([id, instance]) => [id, letterOf(instance, 'right')]));
    await saveAll(a, right(mine));
    await saveAll(b, {
      ...right(theirs),
      'conv-output-size': letterOf(theirs['conv-output-size'], 'wrong'),
      'masked-softmax': letterOf(theirs['masked-softmax'], 'wrong'),
    });
    const results = (await instructor.get(`${base()}/results`)).body as { studentNumber: string; total: string }[];
    const total = (index: number) => results.find((row) => row.studentNumber === world.roster[index]!.studentNumber);
    expect(total(0)?.total).toBe('17');
    // 17 − (1 + 0.25) for a size question − (2 + 0.5) for a value question.
    expect(total(1)?.total).toBe('13.25');
    const csv = (await instructor.get(`${base()}/results.csv`)).text;
    expect(csv).toContain(',-0.25,');
    const attemptId = (results as { attemptId?: string }[])[0]?.attemptId;
    const detail = (await instructor.get(`${base()}/attempts/${attemptId ?? ''}`)).body;
    expect(detail.total).toBe('17');
  });

  it('prints each student’s question paper in the variant their screen shows', async () => {
    const printed = await instructor.get(`${base()}/paper/questions.pdf`);
    expect(printed.status, printed.text).toBe(200);
    expect(printed.headers['content-type']).toBe('application/pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'examforge-papers-')), 'papers.pdf');
    writeFileSync(file, printed.raw);
    // The marks label ([1], [2]) sits at the end of a question's first line, inside its text.
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      .replace(/\[\d+(\.\d+)?\]/g, ' ')
      .replace(/\s+/g, ' ');
    const paperOf = (index: number) => {
      const start = text.indexOf(`Student ${index + 1} · ${world.roster[index]!.studentNumber}`);
      const next = text.indexOf(`Student ${index + 2} · `);
      expect(start).toBeGreaterThanOrEqual(0);
      return text.slice(start, next < 0 ? undefined : next);
    };
    // Student 1 started online (stored instances); student 3 has no attempt (generated from the same seed).
    const instancesOf = [await storedInstances(0), (await generateQuestions(template(), seedOf(2))).instances];
    for (const [n, index] of [0, 2].entries()) {
      const paper = paperOf(index);
      const stem = instancesOf[n]!['conv-output-size']!.stem;
      for (const part of plainParts(stem)) expect(paper).toContain(part);
      // Options that are plain numbers are printed as text too: the depthwise-separable count's four, in some order.
      const counts = instancesOf[n]!['depthwise-separable-params']!;
      if (counts.kind === 'single') for (const option of counts.options) expect(paper).toContain(`) ${option.text} `);
      const other = (await generateQuestions(template(), seedOf(index === 0 ? 1 : 3))).instances;
      const otherParts = plainParts(other['conv-output-size']!.stem);
      if (otherParts.join() !== plainParts(stem).join()) expect(otherParts.every((p) => paper.includes(p))).toBe(false);
    }
  });

  it('scores a scanned sheet filled with the right options of the student’s own instances at full marks', async () => {
    const index = 2;
    const exam = template();
    const sitting = await findSittingRow(world.context, world.sitting.id);
    const printed = await instructor.get(`${base()}/paper/sheets.pdf`);
    expect(printed.status).toBe(200);
    const instances = (await generateQuestions(exam, seedOf(index))).instances;
    const layouts = world.roster.map((student) =>
      sittingLayout(exam, sitting, variantSeed(sitting.id, student.id), 'A4'),
    );
    const marks = Object.entries(instances).map(([questionId, instance]) => ({
      questionId,
      option: letterOf(instance, 'right'),
      mark: 'filled' as const,
    }));
    const pages = paintSheets(
      printed.raw,
      world.roster.map((_, i) => ({ layout: layouts[i]!, marks: i === index ? marks : [] })),
      'computed',
    );
    const perSheet = layouts[0]!.pages.length;
    const scan = await scanPdf(pages.slice(index * perSheet, (index + 1) * perSheet));
    const uploaded = await instructor.upload(`${base()}/scans?name=computed.pdf`, scan, 'application/pdf');
    expect(uploaded.status, uploaded.text).toBe(202);
    expect(await readQueuedScans(world.context)).toBe(1);
    const batch = (await instructor.get(`${base()}/scans/${uploaded.body.id as string}`)).body;
    expect(batch.status, batch.error as string).toBe('done');
    expect(batch.anomalies).toEqual([]);
    expect(await storedInstances(index)).toEqual(instances);
    const results = (await instructor.get(`${base()}/results`)).body as { studentNumber: string; total: string }[];
    const row = results.find((r) => r.studentNumber === world.roster[index]!.studentNumber);
    expect(row).toMatchObject({ total: '17', source: 'paper' });
  });

  it('refuses a key change on a computed question, since each student’s key comes from the generator', async () => {
    const response = await instructor.post(`${base()}/key`, { questionId: 'conv-output-size', letters: ['b'] });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      code: 'computed-question-key',
      message: expect.stringContaining('generator'),
    });
  });

  it('previews the variant a seed makes, for staff', async () => {
    const preview = async (seed: string) => {
      const response = await instructor.get(`/api/exams/${world.examId}/preview?seed=${encodeURIComponent(seed)}`);
      expect(response.status, response.text).toBe(200);
      return questionsOf({ exam: response.body });
    };
    const [one, two] = [await preview('alpha'), await preview('beta')];
    expect(one.get('conv-output-size')!.stem).not.toBe(two.get('conv-output-size')!.stem);
    expect(await preview('alpha')).toEqual(one);
    const student = await preview(seedOf(0));
    const online = questionsOf((await (await world.join(world.roster[0]!)).get('/api/attempt')).body);
    expect(student.get('lstm-cell-memory')!.stem).toBe(online.get('lstm-cell-memory')!.stem);
    const templateView = (await instructor.get(`/api/exams/${world.examId}/preview`)).body;
    expect(questionsOf({ exam: templateView }).get('conv-output-size')!.stem).toContain('22 \\times 22');
  });
});

const FAILING = `---
id: failing-generator
title: Failing generator
duration: 10
sections:
  - id: s
    marks: 1
---

# S {#s}

## {#size}

Output size of a $3 \\times 3$ kernel over a $7 \\times 7$ input?

- [x] $5$ {value=5}
- [ ] $7$ {value=7}

### Generator

\`\`\`ts
throw new Error('no variant for this seed');
\`\`\`
`;

describe.each(DIALECTS)('a generator that fails, on %s', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { students: 1, source: FAILING });
  });
  afterAll(() => world.close());

  it('starts nothing and says so (503), keeping the generator’s error for the log', async () => {
    const student = await world.join(world.roster[0]!);
    const started = await student.post('/api/attempt/start');
    expect(started.status).toBe(503);
    expect(started.body).toMatchObject({ code: 'variant-unavailable', message: expect.stringContaining('`size`') });
    expect(started.text).not.toContain('no variant for this seed');
    const attempts = await world.context.db.selectFrom('attempts').select('id').execute();
    expect(attempts).toEqual([]);
    expect((await student.get('/api/attempt')).body.status).toBe('not-started');
    const instructor = await world.logIn('instructor');
    const papers = await instructor.get(`/api/sittings/${world.sitting.id}/paper/questions.pdf`);
    expect(papers.status).toBe(503);
    const preview = await instructor.get(`/api/exams/${world.examId}/preview?seed=x`);
    expect(preview.status).toBe(422);
    expect(preview.body.message).toContain('no variant for this seed');
  });
});
