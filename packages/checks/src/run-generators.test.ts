import { instantiateExam, parseExam } from '@examforge/core';
import { describe, expect, it } from 'vitest';
import { generateForSeeds, generateQuestions } from './run-generators.js';
import { examWithGenerator, SIZE_GENERATOR } from './test-support/computed-exam.js';

/** Short limits keep these tests fast; a real generator gets seconds. */
const FAST = { timeLimitMs: 300, killAfterMs: 1_500 };

async function failureOf(generator: string) {
  const { exam, sourceMap } = examWithGenerator(generator);
  const { instances, failures } = await generateQuestions(exam, 'seed', { ...FAST, sourceMap });
  expect(instances).toEqual({});
  return failures[0];
}

describe('generateQuestions', () => {
  it('makes an instance that instantiateExam accepts', async () => {
    const { exam } = examWithGenerator(SIZE_GENERATOR);
    const { instances, failures } = await generateQuestions(exam, 'sitting-1:s001');
    expect(failures).toEqual([]);
    const instance = instances.size;
    expect(instance?.kind).toBe('single');
    const n = instance?.parameters?.n as number;
    expect(instance?.stem).toBe(`Output size of a 3-wide kernel over ${n} inputs?`);
    const question = instantiateExam(exam, instances).sections[0]?.questions[0];
    expect(question?.kind === 'single' && question.options.find((o) => o.correct)?.value).toBe(String(n - 2));
  });

  it('is deterministic: the same seed gives the same instance, alone or in a batch, and seeds differ', async () => {
    const { exam } = examWithGenerator(SIZE_GENERATOR);
    const alone = await generateQuestions(exam, 'seed-7');
    const again = await generateQuestions(exam, 'seed-7');
    expect(again).toEqual(alone);
    const seeds = Array.from({ length: 60 }, (_, i) => `seed-${i}`);
    const batch = await generateForSeeds(exam, seeds, { concurrency: 2 });
    expect(batch[7]?.instances).toEqual(alone.instances);
    const stems = new Set(batch.map((run) => run.instances.size?.stem));
    expect(stems.size).toBeGreaterThan(25);
  });

  it('keeps seeds apart: state a generator leaves behind does not reach the next seed', async () => {
    const leaky = [
      'const store = Array as unknown as { count?: number };',
      'store.count = (store.count ?? 0) + 1;',
      'const n = 5 + store.count;',
      'return { stem: `${n}`, options: [{ text: `${n}`, correct: true }, { text: "x", correct: false }, { text: "y", correct: false }] };',
    ].join('\n');
    const { exam } = examWithGenerator(leaky);
    const runs = await generateForSeeds(exam, ['a', 'b', 'c'], { concurrency: 1 });
    expect(runs.map((run) => run.instances.size?.stem)).toEqual(['6', '6', '6']);
  });

  it('reports an instance that is not a valid question as a failure', async () => {
    const twoCorrect =
      'return { stem: "s", options: [{ text: "1", correct: true }, { text: "2", correct: true }, { text: "3", correct: false }] };';
    expect((await failureOf(twoCorrect))?.error).toMatch(/not a valid question: 2 options are marked correct/);
    const duplicate =
      'return { stem: "s", options: [{ text: "1", correct: true, value: 4 }, { text: "2", correct: false, value: 4 }, { text: "3", correct: false }] };';
    expect((await failureOf(duplicate))?.error).toMatch(/two options have the value 4/);
    expect((await failureOf('return { stem: "s" };'))?.error).toMatch(/no options .* and no answer/);
  });

  it('gives a generator no clock, no locale and no unseeded randomness', async () => {
    expect((await failureOf('return Date.now();'))?.error).toMatch(/ReferenceError: Date is not defined/);
    expect((await failureOf('return new Intl.DateTimeFormat().format();'))?.error).toMatch(/Intl is not defined/);
    expect(await failureOf('const x = 1;\nreturn Math.random();')).toMatchObject({
      error: expect.stringMatching(/Math.random is not available/) as unknown,
      errorAt: { line: 24, column: 1 },
    });
  });

  it('stops a generator that loops, reports it, and does not run it again for the other seeds', async () => {
    const started = Date.now();
    const { exam } = examWithGenerator('while (true) {}');
    const runs = await generateForSeeds(exam, ['a', 'b', 'c', 'd'], { ...FAST, concurrency: 1 });
    expect(runs[0]?.failures[0]?.error).toMatch(/ran longer than 300 ms/);
    expect(runs[3]?.failures[0]?.error).toMatch(/not run: the generator ran out of time/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops a generator that touches process, require, import or eval', async () => {
    expect((await failureOf('return process.env;'))?.error).toMatch(/process is not defined/);
    expect((await failureOf('return require("fs");'))?.error).toMatch(/require is not defined/);
    expect((await failureOf('return eval("1");'))?.error).toMatch(/EvalError|Code generation/);
    expect((await failureOf('return conv2d.constructor("return process")();'))?.error).toMatch(
      /EvalError|Code generation/,
    );
    expect((await failureOf('import fs from "fs";\nreturn 1;'))?.error).toMatch(/cannot import/);
  });

  it('terminates a worker whose generator exhausts its memory, and reports it', async () => {
    const { exam } = examWithGenerator('const a: number[][] = [];\nwhile (true) a.push(new Array(1e6).fill(1));');
    const { failures } = await generateQuestions(exam, 's', {
      timeLimitMs: 20_000,
      killAfterMs: 20_000,
      memoryLimitMb: 64,
    });
    expect(failures[0]?.error).toMatch(/memory|stopped/);
  });

  it('runs a numeric generator, with a relative tolerance', async () => {
    const text = [
      '---\nid: n\ntitle: N\nduration: 5\nsections:\n  - id: s\n    marks: 1\n---\n\n# S {#s}\n\n## {#count}\n\nHow many?\n',
      '### Answer\n\n10\n\n### Generator\n\n```ts\nconst k = randomInt(2, 5);\nreturn { stem: `k = ${k}`, answer: k * k, tolerance: "2%", parameters: { k } };\n```\n',
    ].join('\n');
    const parsed = parseExam(text);
    if (!parsed.ok) throw new Error('does not parse');
    const { instances } = await generateQuestions(parsed.exam, 'x');
    const k = instances.count?.parameters?.k as number;
    expect(instances.count).toMatchObject({
      kind: 'numeric',
      answer: { value: k * k, tolerance: { kind: 'relative', percent: 2 } },
    });
  });
});

describe('checks of computed questions', () => {
  it('run against each instance, with `instance` in scope, and are judged against its key', async () => {
    const { exam, sourceMap } = examWithGenerator(SIZE_GENERATOR, 'return (instance.parameters.n as number) - 2;');
    const runs = await generateForSeeds(exam, ['1', '2', '3'], { runChecks: true, sourceMap });
    for (const run of runs)
      expect(run.checks[0]).toMatchObject({ verdict: 'agrees', markedKey: '(a)', matched: ['a'] });
  });

  it('say where a generator’s key disagrees with an independent computation', async () => {
    // The check forgets nothing; the generator's "key" is n (it forgot the kernel): every instance disagrees.
    const wrong = SIZE_GENERATOR.replace('correct: true, value: out', 'correct: false, value: out').replace(
      'correct: false, value: n }',
      'correct: true, value: n }',
    );
    const { exam } = examWithGenerator(wrong, 'return (instance.parameters.n as number) - 2;');
    const [run] = await generateForSeeds(exam, ['1'], { runChecks: true });
    expect(run?.checks[0]).toMatchObject({ verdict: 'disagrees', markedKey: '(b)', matched: ['a'] });
  });
});
