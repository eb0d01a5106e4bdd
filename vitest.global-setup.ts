import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './packages/server/src/test-support/postgres-cluster.js';
import { createMigratedTemplate } from './packages/server/src/test-support/postgres-template.js';

/**
 * Starts one private PostgreSQL server for the whole run, with a database at the latest schema that each test file
 * copies for its own databases.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPostgresCluster();
  try {
    await createMigratedTemplate(cluster.url, 'examforge_migrated');
  } catch (error) {
    cluster.stop();
    throw error;
  }
  project.provide('postgresUrl', cluster.url);
  project.provide('postgresTemplate', 'examforge_migrated');
  return () => cluster.stop();
}
