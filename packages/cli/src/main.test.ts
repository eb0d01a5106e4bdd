import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BUNDLED, REPO, runCli } from './test-support/run-cli.js';

describe('examforge command line', () => {
  it.each(['lint', 'show', 'grade', 'print'])('%s --help prints usage and exits 0', async (command) => {
    const { code, stdout } = await runCli(command, '--help');
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: examforge ${command}`);
  });

  it('exits 2 on an unknown command or a missing argument', async () => {
    expect((await runCli('grdae')).code).toBe(2);
    expect((await runCli('grade', BUNDLED)).code).toBe(2);
  });

  it('runs as the installed binary (npx examforge)', () => {
    const result = spawnSync(process.execPath, [`${REPO}packages/cli/bin/examforge.js`, 'lint', BUNDLED], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('29 questions in 3 sections');
  });
});
