import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startAppCluster } from '../packages/server/src/test-support/app-cluster.js';
import { startPostgresCluster } from '../packages/server/src/test-support/postgres-cluster.js';
import { startServerProcess } from '../packages/server/src/test-support/server-process.js';
import { PostgresUsage, STATEMENT_STATISTICS } from './postgres-usage.js';

/** A server for a benchmark: the real process (or `nodes` behind HAProxy) on a fresh SQLite file or PostgreSQL. */
export interface BenchServer {
  readonly url: string;
  readonly databaseUrl: string;
  /** PostgreSQL's own CPU, when the benchmark runs on it. */
  readonly postgres?: PostgresUsage;
  /** Stops the app processes (and the proxy); the database stays up to be read. */
  stopApp(): Promise<void>;
  /** Stops the benchmark's PostgreSQL server, if it has one. */
  stopDatabase(): void;
}

export async function startBenchServer(
  dialect: 'sqlite' | 'postgres',
  options: { demoStudents: number; nodes?: number; extraEnv?: Record<string, string> },
): Promise<BenchServer> {
  const cluster = dialect === 'postgres' ? await startPostgresCluster(STATEMENT_STATISTICS) : undefined;
  let databaseUrl = join(mkdtempSync(join(tmpdir(), 'examforge-bench-')), 'bench.sqlite');
  if (cluster) {
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    await client.query('CREATE DATABASE bench');
    await client.end();
    databaseUrl = cluster.url.replace(/\/[^/]*$/, '/bench');
  }
  const nodes = options.nodes ?? 1;
  const server =
    nodes > 1
      ? await startAppCluster({ databaseUrl, nodes, demoStudents: options.demoStudents })
      : await startServerProcess({
          databaseUrl,
          demoStudents: options.demoStudents,
          ...(options.extraEnv ? { extraEnv: options.extraEnv } : {}),
        });
  return {
    url: server.url,
    databaseUrl,
    ...(cluster && { postgres: new PostgresUsage(cluster.dataDirectory) }),
    stopApp: () => server.stop(),
    stopDatabase: () => cluster?.stop(),
  };
}
