import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

/**
 * A private PostgreSQL server for tests and benchmarks: its own data directory, a free loopback port, trust
 * authentication for the `examforge` role. Started from Debian's `postgresql` package (scripts/test.sh installs it);
 * as root, the server runs as the `postgres` system user, since PostgreSQL refuses to run as root.
 */
export interface PostgresCluster {
  readonly url: string;
  /** The server's data directory (`postmaster.pid` names its process). */
  readonly dataDirectory: string;
  /** Stops the server and deletes its data. */
  stop(): void;
  /** Stops the server and keeps its data: a database outage, as clients see it (connections refused). */
  pause(): void;
  /** Starts a paused server again on the same port with the same data. */
  resume(): void;
}

function findBinaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((version) => join(root, version, 'bin')).find((bin) => existsSync(join(bin, 'pg_ctl')));
  if (!found)
    throw new Error('PostgreSQL is not installed: run ./scripts/test.sh, which installs Debian’s postgresql package');
  return found;
}

/** `settings` are extra server settings (`-c name=value`), e.g. a benchmark's `shared_preload_libraries`. */
export async function startPostgresCluster(settings: Record<string, string> = {}): Promise<PostgresCluster> {
  const bin = findBinaries();
  const directory = mkdtempSync(join(tmpdir(), 'examforge-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const [file, fullArgs] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]]
      : [join(bin, command), args];
    const result = spawnSync(file, fullArgs, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(directory, uid, gid);
    chmodSync(directory, 0o700);
  }
  const data = join(directory, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'examforge', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const extra = Object.entries(settings).map(([name, value]) => ` -c ${name}=${value}`);
  const options = `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c max_connections=200${extra.join('')}`;
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', join(directory, 'server.log'), '-w', 'start']);
  start();
  return {
    url: `postgres://examforge@127.0.0.1:${port}/postgres`,
    dataDirectory: data,
    pause: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    resume: start,
    stop: () => {
      spawnSync(
        asRoot ? 'runuser' : join(bin, 'pg_ctl'),
        asRoot
          ? ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop']
          : ['-D', data, '-m', 'immediate', 'stop'],
      );
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
