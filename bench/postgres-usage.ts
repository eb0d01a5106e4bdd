import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/**
 * What PostgreSQL itself spends on exam day, beside the app's CPU: on this machine its processes share the two cores
 * with the server and the load client, so its CPU per save bounds the throughput as much as the app's does. Read from
 * /proc (Linux): the postmaster's own time, the time of its exited children (counted into it by the kernel) and of
 * its live backends. Statements come from `pg_stat_statements` (the bench starts its PostgreSQL with it loaded):
 * every statement is a round trip from the app.
 */
export class PostgresUsage {
  private readonly postmaster: number;

  constructor(dataDirectory: string) {
    this.postmaster = Number(readFileSync(join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
  }

  /** CPU milliseconds (user + system) spent by the PostgreSQL server since it started. */
  cpuMs(): number {
    const own = procStat(this.postmaster);
    if (!own) return Number.NaN;
    let ticks = own.utime + own.stime + own.cutime + own.cstime;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const child = procStat(Number(entry));
      if (child?.ppid === this.postmaster) ticks += child.utime + child.stime;
    }
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  }
}

/** The settings the bench's PostgreSQL starts with: statement statistics on. */
export const STATEMENT_STATISTICS = {
  shared_preload_libraries: 'pg_stat_statements',
  'pg_stat_statements.track_planning': 'on',
} as const;

/** Turns statement statistics on in `databaseUrl`'s database and forgets what they counted so far. */
export async function resetStatementCounts(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.query('SELECT pg_stat_statements_reset()');
  });
}

/** Statements executed since the last reset, over the whole server, and the most frequent ones (for a look). */
export async function statementCounts(databaseUrl: string): Promise<{ total: number; top: StatementCount[] }> {
  return withClient(databaseUrl, async (client) => {
    const rows = await client.query<{ calls: string; query: string; plan: number; exec: number }>(
      `SELECT calls, query, total_plan_time AS plan, total_exec_time AS exec FROM pg_stat_statements
       WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC`,
    );
    const top = rows.rows.map((row) => ({
      calls: Number(row.calls),
      query: row.query.replace(/\s+/g, ' '),
      planMs: row.plan,
      execMs: row.exec,
    }));
    return { total: top.reduce((sum, row) => sum + row.calls, 0), top: top.slice(0, 12) };
  });
}

/** A statement's executions, and the milliseconds PostgreSQL spent planning and executing it in all. */
export interface StatementCount {
  readonly calls: number;
  readonly query: string;
  readonly planMs: number;
  readonly execMs: number;
}

async function withClient<T>(databaseUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** USER_HZ: Linux reports process times in these ticks, 100 per second on every architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

function procStat(
  pid: number,
): { ppid: number; utime: number; stime: number; cutime: number; cstime: number } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // gone between listing and reading
  }
  // The command name (field 2) is in parentheses and may hold spaces: fields are counted after its closing one.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const field = (n: number) => Number(fields[n - 3]);
  return { ppid: field(4), utime: field(14), stime: field(15), cutime: field(16), cstime: field(17) };
}
