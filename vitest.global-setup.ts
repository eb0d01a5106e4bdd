import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './packages/server/src/test-support/postgres-cluster.js';
import { createMigratedTemplate } from './packages/server/src/test-support/postgres-template.js';

type Cluster = Awaited<ReturnType<typeof startPostgresCluster>>;

/**
 * One server for every project that names this setup. Vitest loads the setup afresh for each project, so the server
 * is kept on the main process's global object, not in this module.
 */
interface Shared {
  started?: Promise<Cluster>;
  users: number;
}
const shared: Shared = ((globalThis as { examforgeTestPostgres?: Shared }).examforgeTestPostgres ??= { users: 0 });

async function startMigrated(): Promise<Cluster> {
  const cluster = await startPostgresCluster();
  try {
    await createMigratedTemplate(cluster.url, 'examforge_migrated');
  } catch (error) {
    cluster.stop();
    throw error;
  }
  return cluster;
}

/**
 * Starts one private PostgreSQL server for the whole run, with a database at the latest schema that each test file
 * copies for its own databases. Vitest calls this once per project that names it; the server starts on the first
 * call and stops after the last project's teardown.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  shared.started ??= startMigrated();
  shared.users += 1;
  const cluster = await shared.started;
  project.provide('postgresUrl', cluster.url);
  project.provide('postgresTemplate', 'examforge_migrated');
  return () => {
    shared.users -= 1;
    if (shared.users === 0) cluster.stop();
  };
}
