import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './packages/server/src/test-support/postgres-cluster.js';

/** Starts one private PostgreSQL server for the whole run; each test file creates its own databases in it. */
export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
