import { describe, expect, it } from 'vitest';
import { BUNDLED, runCli } from '../test-support/run-cli.js';

describe('examforge show', () => {
  it('renders questions with math as text, the key and the instructor notes', async () => {
    const { code, stdout } = await runCli('show', BUNDLED);
    expect(code).toBe(0);
    expect(stdout).toContain('Q1  L2 regularisation prior  [l2-prior]  0.5 marks');
    expect(stdout).toContain('λ∑_j θ_j²');
    expect(stdout).toContain('✔ (b) Gaussian');
    expect(stdout).toContain('Note for the instructor');
    expect(stdout).toContain('The answer is marked faintly on the paper.');
    expect(stdout).toContain('Q29');
  });

  it('hides the key, explanations and notes with --student', async () => {
    const { stdout } = await runCli('show', BUNDLED, '--student');
    expect(stdout).toContain('(b) Gaussian');
    expect(stdout).not.toContain('✔');
    expect(stdout).not.toContain('Note for the instructor');
    expect(stdout).not.toContain('Explanation');
    expect(stdout).not.toContain('Model solution');
    expect(stdout).not.toContain('key unknown');
  });

  it('shows chosen questions only', async () => {
    const { stdout } = await runCli('show', BUNDLED, '-q', 'masked-softmax');
    expect(stdout).toContain('[masked-softmax]');
    expect(stdout).not.toContain('[l2-prior]');
  });

  it('exits 2 for an unknown question id', async () => {
    const { code, stderr } = await runCli('show', BUNDLED, '-q', 'nope');
    expect(code).toBe(2);
    expect(stderr).toContain('no question `nope`');
  });
});
