import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '../packages/server/src/test-support/server-process.js';

/** Starts the real server on a fresh SQLite database, with the demo (bundled exam, open sitting, 20 students). */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const directory = mkdtempSync(join(tmpdir(), 'examforge-e2e-'));
  const server = await startServerProcess({
    databaseUrl: join(directory, 'e2e.sqlite'),
    demoStudents: 20,
    webRoot: fileURLToPath(new URL('../packages/web/dist', import.meta.url)),
  });
  process.env.E2E_BASE_URL = server.url;
  return () => server.stop();
}
