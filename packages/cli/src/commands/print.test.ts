import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BUNDLED, runCli } from '../test-support/run-cli.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'examforge-print-'));
const pageCount = (pdf: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);

describe('examforge print', () => {
  it('prints one answer sheet per student with a manifest of every bubble', async () => {
    const out = scratch();
    const roster = join(out, 'roster.csv');
    writeFileSync(roster, 'id,name,email,extra_time\ns001,Asha Rao,a@x.test,\ns002,Ben Okafor,b@x.test,25%\n');
    const { code, stdout } = await runCli(
      'print',
      BUNDLED,
      '--roster',
      roster,
      '--out',
      join(out, 'sheets'),
      '--shuffle',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Printed 2 answer sheet(s)');
    for (const student of ['s001', 's002']) expect(pageCount(join(out, 'sheets', `${student}.pdf`))).toBe(4);
    const manifest = JSON.parse(readFileSync(join(out, 'sheets', 'manifest.json'), 'utf8'));
    expect(manifest.sheets.map((s: { studentNumber: string }) => s.studentNumber)).toEqual(['s001', 's002']);
    const bubbles = manifest.sheets[0].layout.pages.flatMap((p: { bubbles: unknown[] }) => p.bubbles);
    expect(bubbles).toHaveLength(104);
    // Shuffled per student: the two sheets print the questions in different orders.
    const order = (i: number) =>
      manifest.sheets[i].layout.pages[0].rowLabels.map((r: { questionId: string }) => r.questionId).join();
    expect(order(0)).not.toBe(order(1));
  });

  it('prints one merged PDF, on Letter paper', async () => {
    const out = scratch();
    const roster = join(out, 'roster.csv');
    writeFileSync(roster, 'id,name\na1,A\na2,B\na3,C\n');
    expect(
      (await runCli('print', BUNDLED, '--roster', roster, '--out', out, '--merged', '--page-size', 'Letter')).code,
    ).toBe(0);
    expect(pageCount(join(out, 'answer-sheets.pdf'))).toBe(12);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).pageSize).toBe('Letter');
  });

  it('prints a generic sheet without a roster', async () => {
    const out = scratch();
    expect((await runCli('print', BUNDLED, '--out', out)).code).toBe(0);
    expect(existsSync(join(out, 'generic.pdf'))).toBe(true);
  });

  it('refuses a roster without an id column', async () => {
    const out = scratch();
    writeFileSync(join(out, 'r.csv'), 'name\nA\n');
    const { code, stderr } = await runCli('print', BUNDLED, '--roster', join(out, 'r.csv'), '--out', out);
    expect(code).toBe(2);
    expect(stderr).toContain('no `id` column');
  });
});
