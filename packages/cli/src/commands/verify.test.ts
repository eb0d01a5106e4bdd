import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED, REPO, runCli } from '../test-support/run-cli.js';

/** An exam with three checked questions: one that agrees, one that loops forever, one that reads a file. */
function hostileExam(): string {
  const question = (id: string, code: string) =>
    `## {#${id}}\n\nOutput size?\n\n- [x] 3 {value=3}\n- [ ] 5 {value=5}\n\n### Check\n\n\`\`\`ts\n${code}\n\`\`\`\n`;
  const text = [
    '---\nid: hostile\ntitle: Hostile\nduration: 10\nsections:\n  - id: s\n    marks: 1\n---\n\n# S {#s}\n',
    question('fine', 'return conv2dOutputSize({ inputSize: 7, kernelSize: 3, dilation: 2 })[0];'),
    question('spins', 'for (;;) {}'),
    question('reads', "return require('node:fs').readFileSync('/etc/hostname', 'utf8');"),
  ].join('\n');
  const file = join(mkdtempSync(join(tmpdir(), 'examforge-verify-')), 'exam.md');
  writeFileSync(file, text);
  return file;
}

describe('examforge verify', () => {
  it('prints a table for the bundled exam: key, computed answer and verdict per checked question', async () => {
    const { code, stdout } = await runCli('verify', BUNDLED);
    expect(stdout).toMatch(/Question\s+Key\s+Computed\s+Verdict/);
    expect(stdout).toMatch(/Q2\s+conv-grad-valid\s+—\s+1 → \(a\)\s+· no key to compare/);
    expect(stdout).toMatch(/Q7\s+dilated-conv-output-size\s+—\s+\[3, 3\] → \(a\)/);
    expect(stdout).toMatch(/Q8\s+depthwise-separable-params\s+—\s+2336 → \(a\)/);
    expect(stdout).toMatch(
      /Q20\s+deconvnet-saliency\s+\(a\)\s+\[\[0, 0, 0\], \[0, 1, 1\], \[0, 1, 1\]\] → \(a\)\s+✔ agrees/,
    );
    expect(stdout).toMatch(/Q9\s+resnet-residual-gradient\s+\(b\)\s+.* → \(c\)\s+✘ disagrees/);
    expect(stdout).toMatch(/Q17\s+transpose-conv-output\s+\(a\)\s+\[0, 0, 0\]\s+✘ no option matches/);
    expect(stdout).toContain('convention: PyTorch conv_transpose2d');
    expect(stdout).toMatch(/Q13\s+group-conv-tradeoff\s+\(d\)\s+\(c\)\s+✘ disagrees/);
    expect(stdout).toMatch(/Q5\s+perceptron-update-loss\s+\(b\)\s+\(a\)\s+✘ disagrees/);
    // Every question without a check says why no computation decides it.
    expect(stdout).toContain('5 questions without a check:');
    expect(stdout).not.toContain('no reason given');
    expect(stdout).toMatch(/Q26\s+mixed-precision-amp\n\s+why no check: What `torch\.cuda\.amp` does/);
    expect(stdout).toContain(
      '✘ 24 checks: 4 disagree · 1 match no option · 3 match several options · 8 agree · 8 have no key to compare',
    );
    // The source's key disagrees with the computation in places: that is a finding, so the exit code says so.
    expect(code).toBe(1);
  });

  it('stops a check that loops and one that touches the filesystem, reports both, and finishes', async () => {
    const started = Date.now();
    const { code, stdout } = await runCli('verify', '--time-limit', '300', hostileExam());
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(stdout).toMatch(/Q1\s+fine\s+\(a\)\s+3 → \(a\)\s+✔ agrees/);
    expect(stdout).toMatch(/Q2\s+spins\s+\(a\)\s+—\s+✘ check failed/);
    expect(stdout).toMatch(/error: .*exam\.md:\d+:1 stopped: ran longer than 300 ms/);
    expect(stdout).toMatch(/Q3\s+reads\s+\(a\)\s+—\s+✘ check failed/);
    expect(stdout).toContain('ReferenceError: require is not defined');
    expect(stdout).toContain('✘ 3 checks: 2 failed · 1 agree');
    expect(code).toBe(1);
  });

  it('exits 0 when every check agrees, and prints JSON with --json', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'examforge-verify-')), 'exam.md');
    writeFileSync(
      file,
      '---\nid: ok\ntitle: OK\nduration: 10\nsections:\n  - id: s\n    marks: 1\n---\n\n# S {#s}\n\n## {#params}\n\nParameters?\n\n### Answer\n\n2336\n\n### Check {convention="no bias"}\n\n```ts\nreturn depthwiseSeparableParameters({ inChannels: 32, outChannels: 64, kernelSize: 3, bias: false });\n```\n',
    );
    const { code, stdout } = await runCli('verify', '--json', file);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { exam: string; results: { verdict: string; convention: string }[] };
    expect(report.exam).toBe('ok');
    expect(report.results).toMatchObject([{ verdict: 'agrees', convention: 'no bias', computedText: '2336' }]);
  });

  it('lists the questions without a check with their reason, in the table and the JSON', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'examforge-verify-')), 'exam.md');
    const question = (id: string, part: string) => `## {#${id}}\n\nWhich?\n\n- [x] A\n- [ ] B\n\n${part}`;
    writeFileSync(
      file,
      [
        '---\nid: reasons\ntitle: Reasons\nduration: 10\nsections:\n  - id: s\n    marks: 1\n---\n\n# S {#s}\n',
        question('checked', '### Check\n\n```ts\nreturn option("a");\n```\n'),
        question('library-fact', '### No check\n\nA fact about\na library.\n'),
        question('forgotten', ''),
      ].join('\n'),
    );
    const table = await runCli('verify', file);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('2 questions without a check (1 without a reason):');
    expect(table.stdout).toMatch(/Q2\s+library-fact\n\s+why no check: A fact about a library\./);
    expect(table.stdout).toMatch(/Q3\s+forgotten\n\s+no reason given/);
    const json = await runCli('verify', '--json', file);
    const report = JSON.parse(json.stdout) as { unchecked: unknown };
    expect(report.unchecked).toEqual([
      { number: 2, questionId: 'library-fact', reason: 'A fact about a library.' },
      { number: 3, questionId: 'forgotten', reason: null },
    ]);
  });

  it('exits 2 with located errors for an exam that does not parse', async () => {
    const { code, stderr } = await runCli('verify', `${REPO}packages/core/test-fixtures/broken/04-missing-duration.md`);
    expect(code).toBe(2);
    expect(stderr).toContain('run `examforge lint');
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('exits 2 for a missing file', async () => {
    const { code, stderr } = await runCli('verify', 'no/such/exam.md');
    expect(code).toBe(2);
    expect(stderr).toContain('exam file not found');
  });
});
