import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** SIGKILL: no shutdown hooks, no flushing; what was committed is all that survives. */
  kill9(): Promise<void>;
  /** SIGTERM, then waits for the exit; throws (after a SIGKILL) if the server has not exited within `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
  /** Waits until the process has printed a line matching `pattern` (e.g. the setup code) and returns the match. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

/** Runs the real server (the built `dist/main.js`) as a separate process on a free loopback port. */
export async function startServerProcess(env: {
  databaseUrl: string;
  demoStudents: number;
  webRoot?: string;
  port?: number;
  /** `off`: a production start, which prints a setup code while there is no administrator (default `on`). */
  demo?: 'on' | 'off';
  /** More environment for the server (e.g. several nodes: `DEMO: 'off'` on all but the first). */
  extraEnv?: Record<string, string>;
}): Promise<ServerProcess> {
  const port = env.port ?? (await freePort());
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: env.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO: env.demo ?? 'on',
      DEMO_STUDENTS: String(env.demoStudents),
      WEB_ROOT: env.webRoot ?? '/nonexistent',
      // Warnings and errors only: the output is kept in memory for the test, and a save storm logs a line per save.
      LOG_LEVEL: 'warn',
      ...env.extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let serving = false;
  const started = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    // Checked on every chunk, not on a timer: a test that stops the server sends its SIGTERM the moment the server
    // says it is serving, which is what an orchestrator may do too.
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (serving || !output.includes('Examforge is serving')) return;
      serving = true;
      clearTimeout(timer);
      resolve();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${String(code)}:\n${output}`));
    });
  });
  await started;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async (timeoutMs = 60_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
      const outcome = await Promise.race([exited, late]);
      clearTimeout(timer);
      if (outcome !== 'late') return;
      child.kill('SIGKILL');
      await exited;
      throw new Error(`the server did not stop within ${timeoutMs} ms of SIGTERM:\n${output}`);
    },
    waitForOutput: async (pattern, timeoutMs = 10_000) => {
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
        const match = pattern.exec(output);
        if (match) return match;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`the server did not print ${String(pattern)}:\n${output}`);
    },
  };
}
