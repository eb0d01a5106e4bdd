import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, migrateToLatest, openDatabase, seedDemo, systemClock } from '@examforge/server';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BUNDLED, runCli } from '../test-support/run-cli.js';

describe('examforge archive', () => {
  it('writes an exam’s archive from the database, audited as taken by the command line', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'examforge-cli-archive-'));
    const database = join(directory, 'site.sqlite');
    const handle = openDatabase(database);
    await migrateToLatest(handle);
    const context = {
      db: handle.db,
      dialect: handle.dialect,
      attemptWrites: handle.attemptWrites,
      clock: systemClock,
      settings: DEFAULT_SETTINGS,
    };
    await seedDemo(context, BUNDLED, 3);
    await handle.close();
    const out = join(directory, 'exam.zip');

    const written = await runCli('archive', 'dl-endsem-winter-2025', out, '--database', database);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toMatch(/Wrote .*exam\.zip \(\d+ KiB\)/);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
      exportedBy: object;
      counts: Record<string, number>;
    };
    expect(manifest.exportedBy).toEqual({ kind: 'system', id: 'cli', name: 'command line', email: '' });
    expect(manifest.counts).toMatchObject({ versions: 1, sittings: 1, students: 3 });

    const again = await runCli('archive', 'dl-endsem-winter-2025', out, '--database', database);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    const unknown = await runCli('archive', 'no-such-exam', join(directory, 'x.zip'), '--database', database);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('exam `no-such-exam` not found');
  });
});
