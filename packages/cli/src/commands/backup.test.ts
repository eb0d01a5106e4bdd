import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@examforge/server';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

describe('examforge backup and restore', () => {
  const directory = mkdtempSync(join(tmpdir(), 'examforge-cli-backup-'));
  const database = join(directory, 'site.sqlite');
  const backup = join(directory, 'site.backup');

  it('copies a database and brings the copy back into a new file, with what it held', async () => {
    expect(
      (await runCli('users', 'add', 'ada@x.test', '--name', 'Ada', '--role', 'instructor', '--database', database))
        .code,
    ).toBe(0);
    const made = await runCli('backup', backup, '--database', database);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/Backed up .*site\.sqlite → .*site\.backup \(\d+ KiB\)/);
    expect(made.stdout).toMatch(/Schema: \d{4}-/);

    const restoredPath = join(directory, 'restored.sqlite');
    const restored = await runCli('restore', backup, '--database', restoredPath);
    expect(restored.code, restored.stderr).toBe(0);
    const handle = openDatabase(restoredPath);
    const emails = (await handle.db.selectFrom('users').select('email').execute()).map((row) => row.email);
    await handle.close();
    expect(emails).toEqual(['ada@x.test']);
  });

  it('refuses to overwrite a backup or a database, or to restore what is not a backup, and says how to go on', async () => {
    const again = await runCli('backup', backup, '--database', database);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; choose a new file name');
    const over = await runCli('restore', backup, '--database', database);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('stop the server, then restore with --replace');
    expect((await runCli('restore', backup, '--database', database, '--replace')).code).toBe(0);
    const notes = join(directory, 'notes.txt');
    writeFileSync(notes, 'not a database '.repeat(200));
    const foreign = await runCli('restore', notes, '--database', join(directory, 'other.sqlite'));
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/not a SQLite database|cannot be read as a backup|damaged/);
    const nowhere = await runCli('backup', join(directory, 'x.backup'));
    expect(nowhere.stderr).toContain('which database?');
  });
});
