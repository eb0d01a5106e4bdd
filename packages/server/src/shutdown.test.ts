import { mkdtempSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './test-support/server-process.js';

/** Far more than the grace period below, far less than for ever (the hang this test is about). */
const STOP_BUDGET_MS = 60_000;

let server: ServerProcess | undefined;
const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
});

/**
 * SIGTERM stops the server even while connections are open: a browser's preconnect (a connection that never sends a
 * request) kept the process alive for minutes, so an orchestrator's stop ended in SIGKILL and a test's `afterAll`
 * timed out. Requests in flight get `SHUTDOWN_GRACE_MS`; the rest are closed after it.
 */
it('exits on SIGTERM with a silent connection and an idle keep-alive connection open', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'examforge-shutdown-'));
  server = await startServerProcess({
    databaseUrl: join(directory, 'shutdown.sqlite'),
    demoStudents: 0,
    demo: 'off',
    extraEnv: { SHUTDOWN_GRACE_MS: '1000' },
  });
  const port = Number(new URL(server.url).port);
  const silent = await openConnection(port);
  const keptAlive = await openConnection(port);
  keptAlive.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
  expect(await firstResponseLine(keptAlive)).toBe('HTTP/1.1 200 OK');

  await server.stop(STOP_BUDGET_MS);
  expect(server.child.exitCode).toBe(0);
  expect(silent.closed && keptAlive.closed).toBe(true);
}, 120_000);

/**
 * A SIGTERM the moment the server says it is serving: the stop must be in place by then, and no start-up work may be
 * left to race it. (The first administrator's setup code used to be written after that line: a stop there died on
 * the closed database with exit code 1, or took the default SIGTERM death before the handler was installed.)
 */
it('stops cleanly on a SIGTERM sent as soon as it is serving', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'examforge-shutdown-'));
  server = await startServerProcess({ databaseUrl: join(directory, 'early.sqlite'), demoStudents: 0, demo: 'off' });
  await server.stop(STOP_BUDGET_MS);
  expect({ exitCode: server.child.exitCode, signal: server.child.signalCode }).toEqual({ exitCode: 0, signal: null });
}, 120_000);

async function openConnection(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('connect', resolve));
  return socket;
}

async function firstResponseLine(socket: Socket): Promise<string> {
  const chunk: Buffer = await new Promise((resolve) => socket.once('data', resolve));
  return chunk.toString().split('\r\n')[0] ?? '';
}
