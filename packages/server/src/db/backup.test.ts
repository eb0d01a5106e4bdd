import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_INSTRUCTOR } from '../demo.js';
import { DIALECTS, emptyDatabaseUrl, freshDatabase } from '../test-support/databases.js';
import { HttpStudent } from '../test-support/http-student.js';
import { findLostSaves, startSaveStorm, type AckedSave } from '../test-support/save-storm.js';
import { startServerProcess, type ServerProcess } from '../test-support/server-process.js';
import { backupDatabase, BackupError, restoreDatabase } from './backup.js';
import { openDatabase } from './connect.js';

const STUDENTS = 60;
const STORM_BUDGET_MS = 90_000;

async function instructorResults(url: string, sittingIds: readonly string[]): Promise<unknown> {
  const instructor = new HttpStudent(url);
  const login = await instructor.request('POST', '/api/auth/login', {
    email: DEMO_INSTRUCTOR.email,
    password: DEMO_INSTRUCTOR.password,
  });
  expect(login.status).toBe(200);
  const results = await Promise.all(
    sittingIds.map(async (sittingId) => {
      const reply = await instructor.request('GET', `/api/sittings/${sittingId}/results`);
      expect(reply.status).toBe(200);
      return reply.json;
    }),
  );
  return results;
}

/**
 * A backup taken while students save holds every answer acknowledged before it began, and a restored copy serves the
 * same results as the database it came from.
 */
describe.each(DIALECTS)('backup and restore on %s', (dialect) => {
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });

  async function serve(databaseUrl: string): Promise<ServerProcess> {
    const server = await startServerProcess({ databaseUrl, demoStudents: STUDENTS });
    servers.push(server);
    return server;
  }

  it('backs up a running server during a save storm and restores it whole', async () => {
    const database = await freshDatabase(dialect);
    await database.close();
    const original = await serve(database.url);
    const handle = openDatabase(database.url);
    const codes = (await handle.db.selectFrom('roster').select('access_code').orderBy('access_code').execute()).map(
      (row) => row.access_code,
    );
    const sittingIds = (await handle.db.selectFrom('sittings').select('id').orderBy('id').execute()).map(
      (row) => row.id,
    );
    await handle.close();
    const students = codes.map(() => new HttpStudent(original.url));
    await Promise.all(students.map((student, index) => student.joinAndStart(codes[index]!)));

    const storm = startSaveStorm(students);
    await storm.waitForAcked(3 * STUDENTS, STORM_BUDGET_MS);
    const ackedBeforeBackup: AckedSave[][] = storm.acked.map((saves) => [...saves]);
    const duringStorm = `${await emptyDatabaseUrl('sqlite')}.backup`;
    const progress: number[] = [];
    await backupDatabase(database.url, duringStorm, (done, total) => progress.push(done / total));
    const ackedWhileCopying = storm.ackedCount() - ackedBeforeBackup.flat().length;
    await storm.stop();
    if (dialect === 'sqlite') expect(progress.at(-1)).toBe(1);

    const restoredUrl = await emptyDatabaseUrl(dialect);
    const restored = await restoreDatabase(duringStorm, restoredUrl);
    if (dialect === 'sqlite') expect(restored.migrations.length).toBeGreaterThan(0);
    const check = openDatabase(restoredUrl);
    const lost = await findLostSaves(check.db, codes, ackedBeforeBackup);
    await check.close();
    expect(lost, `saves acknowledged before the backup began (${ackedWhileCopying} more during it)`).toEqual([]);

    // Quiet now: a second backup, restored and served, gives the same results as the original server.
    const quiet = `${await emptyDatabaseUrl('sqlite')}.backup`;
    await backupDatabase(database.url, quiet);
    const copyUrl = await emptyDatabaseUrl(dialect);
    await restoreDatabase(quiet, copyUrl);
    const copy = await serve(copyUrl);
    expect(sittingIds.length).toBeGreaterThan(0);
    expect(await instructorResults(copy.url, sittingIds)).toEqual(await instructorResults(original.url, sittingIds));
  }, 300_000);
});

describe('backup and restore refuse what would lose data', () => {
  it('never overwrites a file or database without being told to, and refuses a damaged or foreign copy', async () => {
    const database = await freshDatabase('sqlite');
    await database.close();
    const backup = `${await emptyDatabaseUrl('sqlite')}.backup`;
    await backupDatabase(database.url, backup);
    await expect(backupDatabase(database.url, backup)).rejects.toThrow(/already exists/);
    await expect(restoreDatabase(backup, database.url)).rejects.toThrow(/--replace/);
    await expect(restoreDatabase(backup, database.url, { replace: true })).resolves.toMatchObject({
      file: database.url,
    });

    const notSqlite = `${await emptyDatabaseUrl('sqlite')}.txt`;
    writeFileSync(notSqlite, 'this is not a database'.repeat(100));
    await expect(restoreDatabase(notSqlite, await emptyDatabaseUrl('sqlite'))).rejects.toThrow(BackupError);
    await expect(restoreDatabase(`${notSqlite}.missing`, await emptyDatabaseUrl('sqlite'))).rejects.toThrow(
      /no backup file/,
    );
    await expect(backupDatabase(`${notSqlite}.missing`, `${notSqlite}.out`)).rejects.toThrow(/no SQLite database/);
  });
});
