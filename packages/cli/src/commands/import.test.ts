import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIRECTORY as SAMPLES } from '../../../interop/src/test-support/interop-samples.js';
import { runCli } from '../test-support/run-cli.js';

describe('examforge import', () => {
  it('writes a Moodle XML bank as an exam that lints clean, its images beside it, and lists what was not converted', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'examforge-import-'));
    const out = join(folder, 'bank.md');
    const bank = join(SAMPLES, 'moodle-xml', 'amc2moodle_moodle-bank-exemple_math_images_numerical_calculated.xml');
    const { code, stdout } = await runCli('import', bank, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/✔ moodle-xml: \d+ questions? in \d+ sections? → .*bank\.md \(\+ \d+ files? beside it\)/);
    expect(stdout).toContain('Not converted exactly');
    expect(stdout).toMatch(/calculated/i);
    const exam = readFileSync(out, 'utf8');
    const images = [...exam.matchAll(/!\[[^\]]*\]\(<?([^)>]+)>?\)/g)].map((match) => match[1] ?? '');
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(existsSync(join(folder, image)), image).toBe(true);
    expect(exam).not.toMatch(/<(p|div|span|img|table)\b/i);
    const lint = await runCli('lint', out);
    expect(lint.stdout).toContain('✔ 0 errors');
  });

  it('reads an unpacked QTI package from its folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'examforge-import-'));
    const out = join(folder, 'package.md');
    const { code, stdout } = await runCli(
      'import',
      join(SAMPLES, 'qti30', 'citolab_conformance_T4-T7_package'),
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/✔ qti30: 4 questions/);
    expect((await runCli('lint', out)).stdout).toContain('✔ 0 errors');
  });

  it('refuses XML that is not well formed with its line and column, and exit code 2', async () => {
    const { code, stderr } = await runCli(
      'import',
      join(SAMPLES, 'qti21', 'oat_invalid_malformed_assessmentTest.xml'),
      '--out',
      join(mkdtempSync(join(tmpdir(), 'examforge-import-')), 'x.md'),
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/oat_invalid_malformed_assessmentTest\.xml:\d+:\d+/);
  });

  it('fails with --strict when anything is not converted exactly, and never overwrites without --force', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'examforge-import-'));
    const out = join(folder, 'bank.md');
    const bank = join(SAMPLES, 'moodle-xml', 'moodle_fixture_old_image_tag_base64_moodle19.xml');
    const strict = await runCli('import', bank, '--out', out, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('strict import');
    expect(existsSync(out)).toBe(false);
    expect((await runCli('import', bank, '--out', out)).code).toBe(0);
    const again = await runCli('import', bank, '--out', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });
});
