import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED, REPO, runCli } from '../test-support/run-cli.js';

describe('examforge lint', () => {
  it('summarises the bundled exam and lists the questions without a legible key', async () => {
    const { code, stdout } = await runCli('lint', BUNDLED);
    expect(code).toBe(0);
    expect(stdout).toContain('29 questions in 3 sections · 20 marks · 120 minutes');
    expect(stdout).toMatch(/Beginner\s+26 × 0\.5 marks, −0\.5 for a wrong answer\s+13 marks/);
    expect(stdout).toContain('8 questions without a legible key');
    for (const [number, id] of [
      [2, 'conv-grad-valid'],
      [3, 'pac-bound-implication'],
      [4, 'universal-approximation-violation'],
      [7, 'dilated-conv-output-size'],
      [8, 'depthwise-separable-params'],
      [11, 'margin-perceptron-mistakes'],
      [16, 'quantization-mutual-information'],
      [19, 'reparameterization-trick'],
    ] as const) {
      expect(stdout).toMatch(new RegExp(`Q${number}\\s+${id}\\s`));
    }
    expect(stdout).toContain('✔ 0 errors');
  });

  it('exits 1 with --strict when there are warnings', async () => {
    expect((await runCli('lint', '--strict', BUNDLED)).code).toBe(1);
  });

  it('reports errors as file:line:column and exits 1', async () => {
    const file = `${REPO}packages/core/test-fixtures/broken/31-two-correct-on-single-choice.md`;
    const { code, stdout } = await runCli('lint', file);
    expect(code).toBe(1);
    expect(stdout).toMatch(/31-two-correct-on-single-choice\.md:\d+:\d+ error: single-choice question/);
    expect(stdout).toContain('✘ 1 error');
  });

  it('reports a file that does not parse with every error, and no overview', async () => {
    const file = `${REPO}packages/core/test-fixtures/broken/04-missing-duration.md`;
    const { code, stdout } = await runCli('lint', file);
    expect(code).toBe(1);
    expect(stdout).toContain('`duration` is missing');
    expect(stdout).not.toContain('questions in');
  });

  it('exits 2 with a message for a missing file', async () => {
    const { code, stderr } = await runCli('lint', 'no/such/exam.md');
    expect(code).toBe(2);
    expect(stderr).toContain('exam file not found: no/such/exam.md');
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('suggests exam.md when given the exam directory', async () => {
    const { code, stderr } = await runCli('lint', `${REPO}exams/dl-endsem-winter-2025`);
    expect(code).toBe(2);
    expect(stderr).toContain('did you mean');
  });

  it('finds images relative to the exam file', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'examforge-lint-'));
    const exam = `---\nid: q\ntitle: Q\nduration: 10\nsections:\n  - id: s\n    marks: 1\n---\n\n# S {#s}\n\n## {#one}\n\n![net](net.png) Which?\n\n- [x] A\n- [ ] B\n\n### Explanation\n\nA.\n`;
    writeFileSync(join(directory, 'exam.md'), exam);
    expect((await runCli('lint', join(directory, 'exam.md'))).stdout).toContain('image file not found: net.png');
    writeFileSync(join(directory, 'net.png'), '');
    expect((await runCli('lint', join(directory, 'exam.md'))).code).toBe(0);
  });
});
