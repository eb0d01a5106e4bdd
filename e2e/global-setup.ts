import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '../packages/server/src/test-support/server-process.js';

/** Starts the real server on a fresh SQLite database, with the demo (bundled exam, open sitting, 20 students). */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const directory = mkdtempSync(join(tmpdir(), 'examforge-e2e-'));
  const databasePath = join(directory, 'e2e.sqlite');
  const server = await startServerProcess({
    databaseUrl: databasePath,
    demoStudents: 20,
    // E2E_WEB_ROOT: a build of one's own, so another build of packages/web/dist during the run cannot swap its files.
    webRoot: process.env.E2E_WEB_ROOT ?? fileURLToPath(new URL('../packages/web/dist', import.meta.url)),
  });
  process.env.E2E_BASE_URL = server.url;
  // For what no route offers: adding grader accounts, and reading the audit trail to check it.
  process.env.E2E_DATABASE = databasePath;
  return () => server.stop();
}
