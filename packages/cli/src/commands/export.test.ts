import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateQtiPackage } from '@examforge/interop';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BUNDLED, runCli } from '../test-support/run-cli.js';

const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13]);

/** A small exam with an image beside it, in a folder of its own. */
function examWithImage(): string {
  const directory = mkdtempSync(join(tmpdir(), 'examforge-cli-export-'));
  mkdirSync(join(directory, 'figures'));
  writeFileSync(join(directory, 'figures', 'net.png'), PNG);
  const exam = join(directory, 'exam.md');
  writeFileSync(
    exam,
    `---
id: picture-exam
title: Pictures
duration: 30
sections:
  - id: s
    marks: 1
    penalty: 0
---

# Section {#s}

## Network {#network}

Which layer is marked in ![the network](figures/net.png)?

- [x] the first
- [ ] the last
`,
  );
  return exam;
}

describe('examforge export', () => {
  it('writes the bundled exam as Moodle XML and lists what Moodle cannot hold', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'examforge-cli-export-')), 'bank.xml');
    const result = await runCli('export', BUNDLED, '--to', 'moodle-xml', '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Wrote .*bank\.xml \(moodle-xml, \d+ KiB\)/);
    expect(result.stdout).toContain('Not exported (8):');
    expect(result.stdout).toContain('Exported with losses (4):');
    expect(result.stdout).toContain('  conv-grad-valid: its key is unknown');
    expect(readFileSync(out, 'utf8')).toContain('<idnumber>l2-prior</idnumber>');
  });

  it('writes a QTI 3.0 package with the images read beside the exam', async () => {
    const exam = examWithImage();
    const result = await runCli('export', exam, '--to', 'qti3');
    expect(result.code, result.stderr).toBe(0);
    const written = join(exam, '..', 'picture-exam-qti3.zip');
    const bytes = new Uint8Array(readFileSync(written));
    expect(validateQtiPackage(bytes)).toEqual([]);
    const files = unzipSync(bytes);
    expect(files['images/net.png']).toEqual(PNG);
    expect(strFromU8(files['items/network.xml']!)).toContain('src="../images/net.png"');
    expect(result.stdout).not.toContain('Not exported');
  });

  it('writes GIFT and Aiken, saying what each cannot hold', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'examforge-cli-export-'));
    const gift = await runCli('export', BUNDLED, '--to', 'gift', '--out', join(directory, 'bank.gift'));
    expect(gift.code, gift.stderr).toBe(0);
    expect(gift.stdout).toContain('GIFT has no marks');
    expect(readFileSync(join(directory, 'bank.gift'), 'utf8')).toContain('$CATEGORY:');
    const aiken = await runCli('export', BUNDLED, '--to', 'aiken', '--out', join(directory, 'bank.txt'));
    expect(aiken.code, aiken.stderr).toBe(0);
    expect(aiken.stdout).toMatch(/Not exported \(\d+\):[\s\S]*wasserstein-vs-js/);
    expect(readFileSync(join(directory, 'bank.txt'), 'utf8')).toMatch(/^ANSWER: B$/m);
  });

  it('refuses what it cannot do with a message and exit code 2', async () => {
    const missing = await runCli('export', 'no/such/exam.md', '--to', 'moodle-xml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('exam file not found: no/such/exam.md');
    const noTarget = await runCli('export', BUNDLED);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toContain("required option '--to <format>' not specified");
    const unknown = await runCli('export', BUNDLED, '--to', 'blackboard');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Allowed choices are moodle-xml, qti3, gift, aiken');
    const unwritable = await runCli('export', BUNDLED, '--to', 'moodle-xml', '--out', '/no/such/folder/bank.xml');
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain('cannot write /no/such/folder/bank.xml: ENOENT');
  });
});
