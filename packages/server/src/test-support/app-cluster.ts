import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

/** The proxy configuration shipped in the repository (docs/deploy.md); the cluster runs it as it is. */
export const HAPROXY_CONFIG = fileURLToPath(new URL('../../../../deploy/haproxy.cfg', import.meta.url));

/** Several app processes on one database behind Debian's HAProxy, as deployed. */
export interface AppCluster {
  /** The proxy's address: what students and staff use. */
  readonly url: string;
  readonly nodes: readonly ServerProcess[];
  /** SIGKILL of one app process: no shutdown, no flushing. */
  kill9(node: number): Promise<void>;
  /** Starts a killed node again on its port. */
  restart(node: number): Promise<void>;
  /** Resolves once the proxy sees `count` nodes up (its health checks pass). */
  waitForNodesUp(count: number, budgetMs: number): Promise<void>;
  stop(): Promise<void>;
}

/** Fails with a clear message when HAProxy is not installed (scripts/test.sh installs Debian's `haproxy`). */
export function findHaproxy(): string {
  const found = spawnSync('haproxy', ['-v'], { encoding: 'utf8' });
  if (found.error || found.status !== 0)
    throw new Error('HAProxy is not installed: run ./scripts/test.sh, which installs Debian’s haproxy package');
  return 'haproxy';
}

/**
 * Starts `nodes` app processes on `databaseUrl` (the first seeds the demo with `demoStudents`, the others start on
 * what it made) and HAProxy in front with the repository's configuration; with other than three nodes its `server`
 * lines are rewritten to match. The app trusts one proxy hop, as the deployment guide says.
 */
export async function startAppCluster(options: {
  databaseUrl: string;
  nodes: number;
  demoStudents: number;
  extraEnv?: Record<string, string>;
}): Promise<AppCluster> {
  const haproxy = findHaproxy();
  const ports = await Promise.all(Array.from({ length: options.nodes }, () => freePort()));
  const env = { TRUST_PROXY: '1', ...options.extraEnv };
  const nodes: ServerProcess[] = [];
  const startNode = async (index: number, demo: boolean) =>
    startServerProcess({
      databaseUrl: options.databaseUrl,
      demoStudents: options.demoStudents,
      port: ports[index]!,
      extraEnv: demo ? env : { ...env, DEMO: 'off' },
    });
  nodes.push(await startNode(0, true));
  const others = await Promise.allSettled(ports.slice(1).map((_, index) => startNode(index + 1, false)));
  for (const started of others) if (started.status === 'fulfilled') nodes.push(started.value);
  const failed = others.find((started) => started.status === 'rejected');
  if (failed) {
    await Promise.all(nodes.map((node) => node.stop()));
    throw failed.reason;
  }

  const proxyPort = await freePort();
  const directory = mkdtempSync(join(tmpdir(), 'examforge-haproxy-'));
  const config = configFor(options.nodes, directory);
  const proxyEnv: Record<string, string> = { EXAMFORGE_BIND: `127.0.0.1:${proxyPort}` };
  ports.forEach((port, index) => (proxyEnv[`EXAMFORGE_APP${index + 1}`] = `127.0.0.1:${port}`));
  const proxy: ChildProcess = spawn(haproxy, ['-f', config, '-db'], {
    env: { ...process.env, ...proxyEnv },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let proxyErrors = '';
  proxy.stderr?.on('data', (chunk: Buffer) => (proxyErrors = (proxyErrors + chunk.toString()).slice(-4000)));
  const proxyExited = new Promise<void>((resolve) => proxy.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${proxyPort}`;

  const nodesUp = async (): Promise<number> => {
    // Each node's own readiness, as the proxy's health check asks it.
    const states = await Promise.all(
      nodes.map(async (node) => {
        try {
          return (await fetch(`${node.url}/api/ready`)).status === 200;
        } catch {
          return false;
        }
      }),
    );
    return states.filter(Boolean).length;
  };
  const cluster: AppCluster = {
    url,
    nodes,
    async kill9(node) {
      await nodes[node]!.kill9();
    },
    async restart(node) {
      nodes[node] = await startNode(node, false);
    },
    async waitForNodesUp(count, budgetMs) {
      const deadline = Date.now() + budgetMs;
      for (;;) {
        let proxied = false;
        try {
          proxied = (await fetch(`${url}/api/health`)).status === 200;
        } catch {
          proxied = false;
        }
        if (proxied && (await nodesUp()) >= count) return;
        if (proxy.exitCode !== null) throw new Error(`HAProxy exited:\n${proxyErrors}`);
        if (Date.now() > deadline) throw new Error(`fewer than ${count} nodes up after ${budgetMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      proxy.kill('SIGTERM');
      await proxyExited;
      await Promise.all(nodes.filter((node) => node.child.exitCode === null).map((node) => node.stop()));
    },
  };
  // The proxy marks a node up after one passed check (`rise 1`, every second): wait for all of them. A cluster that
  // never comes up is stopped before the error goes on, so no process outlives the test.
  try {
    await cluster.waitForNodesUp(options.nodes, 60_000);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}

/** The repository's configuration, or a copy with one `server` line per node when there are not three. */
function configFor(nodes: number, directory: string): string {
  const text = readFileSync(HAPROXY_CONFIG, 'utf8');
  const serverLines = text.split('\n').filter((line) => /^\s*server app\d+ /.test(line));
  if (serverLines.length === nodes) return HAPROXY_CONFIG;
  const indent = /^\s*/.exec(serverLines[0] ?? '    ')?.[0] ?? '    ';
  const servers = Array.from(
    { length: nodes },
    (_, index) => `${indent}server app${index + 1} "\${EXAMFORGE_APP${index + 1}}"`,
  ).join('\n');
  const rewritten = text
    .split('\n')
    .filter((line) => !/^\s*server app\d+ /.test(line))
    .join('\n')
    .replace(/(default-server[^\n]*\n)/, `$1${servers}\n`);
  const path = join(directory, 'haproxy.cfg');
  writeFileSync(path, rewritten);
  return path;
}
