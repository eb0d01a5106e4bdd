import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@examforge/server';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

describe('examforge users', () => {
  const database = join(mkdtempSync(join(tmpdir(), 'examforge-cli-users-')), 'site.sqlite');
  const users = (...args: string[]) => runCli('users', ...args, '--database', database);

  it('adds an instructor and prints the one-time set-password link and code', async () => {
    const { code, stdout } = await users('add', 'Ada@Example.test', '--name', 'Ada', '--role', 'instructor', '--admin');
    expect(code).toBe(0);
    expect(stdout).toContain('Created: Ada <ada@example.test>, instructor, administrator');
    expect(stdout).toMatch(/http:\/\/localhost:3000\/set-password#token=[\w-]{43}/);
    const again = await users('add', 'ada@example.test', '--name', 'Ada', '--role', 'grader');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('there is already an account for ada@example.test');
  });

  it('lists, disables, enables and resets accounts, each change audited as the command line', async () => {
    await users('add', 'gus@x.test', '--name', 'Gus', '--role', 'grader');
    expect((await users('list')).stdout).toMatch(/gus@x\.test\s+Gus\s+grader\s+waiting for a password/);
    expect((await users('disable', 'gus@x.test')).stdout).toContain('gus@x.test: disabled');
    expect((await users('list')).stdout).toMatch(/gus@x\.test\s+Gus\s+grader\s+disabled/);
    expect((await users('enable', 'GUS@x.test')).stdout).toContain('gus@x.test: enabled');
    const reset = await users('reset-password', 'gus@x.test', '--url', 'https://exams.example.edu/');
    expect(reset.stdout).toMatch(/https:\/\/exams\.example\.edu\/set-password#token=/);
    const missing = await users('disable', 'nobody@x.test');
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('an account with the email nobody@x.test not found');
    const handle = openDatabase(database);
    const events = await handle.db.selectFrom('audit_events').select(['action', 'actor_id']).execute();
    await handle.close();
    expect(events.filter((e) => e.actor_id === 'cli').map((e) => e.action)).toEqual([
      'account.created',
      'account.created',
      'account.disabled',
      'account.enabled',
      'account.reset-issued',
    ]);
  });

  it('asks which database when none is given', async () => {
    const previous = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    const { code, stderr } = await runCli('users', 'list');
    if (previous !== undefined) process.env.DATABASE_URL = previous;
    expect(code).toBe(2);
    expect(stderr).toContain('which database?');
  });
});
