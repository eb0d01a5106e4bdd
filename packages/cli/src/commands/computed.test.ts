import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateQuestions } from '@examforge/checks';
import { optionLetter, parseExam, variantSeed, type GeneratedQuestion } from '@examforge/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../test-support/run-cli.js';

const PRACTICE = `${REPO}exams/dl-practice/exam.md`;
const scratch = () => mkdtempSync(join(tmpdir(), 'examforge-computed-'));
const pdfText = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
const parsed = parseExam(readFileSync(PRACTICE, 'utf8'));
if (!parsed.ok) throw new Error('dl-practice does not parse');
const exam = parsed.exam;

/** The instances of a student of the default sitting (the exam's id), as print and grade make them. */
async function instancesOf(student: string): Promise<Record<string, GeneratedQuestion>> {
  const { instances, failures } = await generateQuestions(exam, variantSeed(exam.id, student));
  expect(failures).toEqual([]);
  return { ...instances };
}

const optionsOf = (instance: GeneratedQuestion | undefined) => (instance?.kind === 'single' ? instance.options : []);
const keyLetter = (instance: GeneratedQuestion | undefined) =>
  instance?.kind === 'single' ? optionLetter(instance.options.findIndex((o) => o.correct)) : '';

describe('computed questions on the command line', () => {
  let s001: Record<string, GeneratedQuestion> = {};
  let s002: Record<string, GeneratedQuestion> = {};
  beforeAll(async () => {
    [s001, s002] = await Promise.all([instancesOf('s001'), instancesOf('s002')]);
  });

  it('show --seed shows the instances of that seed; without it, the templates and a hint', async () => {
    const seeded = await runCli('show', PRACTICE, '--seed', 'dl-practice:s001', '-q', 'conv-output-size');
    expect(seeded.code).toBe(0);
    const instance = s001['conv-output-size'];
    const n = instance?.parameters?.n as number;
    expect(seeded.stdout).toContain(`${n} × ${n}`);
    expect(seeded.stdout).toContain('as generated for seed "dl-practice:s001"');
    const plain = await runCli('show', PRACTICE, '-q', 'conv-output-size');
    expect(plain.stdout).toContain('22 × 22');
    expect(plain.stdout).toContain('--seed <seed> shows');
  });

  it('verify runs every generator for --seeds seeds and prints the table, exit 0', async () => {
    const { code, stdout } = await runCli('verify', PRACTICE, '--seeds', '12');
    expect(code).toBe(0);
    expect(stdout).toContain('Computed questions, 12 seeds each:');
    expect(stdout).toMatch(/Q1 +conv-output-size +12\/12 +1[0-2] +12\/12 +✔ ok/);
    expect(stdout).toMatch(/Q10 +residual-gradient +12\/12 +\d+ +12\/12 +✔ ok/);
    const json = await runCli('verify', PRACTICE, '--seeds', '3', '--json');
    const report = JSON.parse(json.stdout) as { computed: { questionId: string; valid: number }[] };
    expect(report.computed).toHaveLength(10);
    expect(report.computed.every((summary) => summary.valid === 3)).toBe(true);
  });

  it('verify exits 1 when a generator makes an invalid instance, naming a seed to reproduce it', async () => {
    const dir = scratch();
    const broken = readFileSync(PRACTICE, 'utf8').replace(
      'options: shuffle([count, ...wrong])',
      'options: shuffle([count, count, ...wrong.slice(1)])',
    );
    writeFileSync(join(dir, 'exam.md'), broken);
    const { code, stdout } = await runCli('verify', join(dir, 'exam.md'), '--seeds', '4');
    expect(code).toBe(1);
    expect(stdout).toMatch(/depthwise-separable-params +0\/4 .*✘ needs attention/);
    expect(stdout).toMatch(/first: seed "verify-1": not a valid question: .*2 options are marked correct/);
  });

  it('print gives each student their own instances, the ones show --seed gives for their seed', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'roster.csv'), 'id,name\ns001,Asha Rao\ns002,Ben Li\n');
    const { code } = await runCli('print', PRACTICE, '-o', join(dir, 'out'), '-r', join(dir, 'roster.csv'));
    expect(code).toBe(0);
    const first = pdfText(join(dir, 'out', 's001.pdf'));
    const second = pdfText(join(dir, 'out', 's002.pdf'));
    // The explanation is never printed; the options (plain numbers) are, in the order generated for each seed.
    for (const [text, instances, other] of [
      [first, s001, s002],
      [second, s002, s001],
    ] as const) {
      for (const id of ['depthwise-separable-params', 'masked-softmax', 'lstm-cell-memory']) {
        const options = optionsOf(instances[id]);
        const lines = options.map((option, index) => `(${optionLetter(index)})   ${option.text}`);
        for (const line of lines) expect(text).toContain(line);
        const others = optionsOf(other[id]);
        expect(others.some((option, index) => !text.includes(`(${optionLetter(index)})   ${option.text}`))).toBe(true);
      }
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as {
      sheets: { variant: string }[];
    };
    expect(manifest.sheets.map((sheet) => sheet.variant)).toEqual(['dl-practice:s001', 'dl-practice:s002']);
  });

  it('grade scores each student against their own instance’s key', async () => {
    const dir = scratch();
    const ids = Object.keys(s001);
    const row = (student: string, instances: Record<string, GeneratedQuestion>) =>
      [student, ...ids.map((id) => keyLetter(instances[id]).toUpperCase())].join(',');
    // s002 answers with s001's keys: right only where the two instances happen to share the key's letter.
    writeFileSync(
      join(dir, 'responses.csv'),
      [`student,${ids.join(',')}`, row('s001', s001), row('s002', s001)].join('\n'),
    );
    const { code } = await runCli('grade', PRACTICE, join(dir, 'responses.csv'), '-o', join(dir, 'results.csv'));
    expect(code).toBe(0);
    const results = readFileSync(join(dir, 'results.csv'), 'utf8').split('\n');
    const header = results[0]?.split(',') ?? [];
    const total = (line: string | undefined) => Number(line?.split(',')[header.indexOf('total')]);
    expect(total(results[1])).toBe(17);
    expect(total(results[2])).toBeLessThan(17);
  });
});
