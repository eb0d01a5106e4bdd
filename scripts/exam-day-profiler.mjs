/**
 * Preloaded into the exam-day bench's server (`node --import`; Node 20 refuses `--cpu-prof` in NODE_OPTIONS) when
 * EXAM_DAY_CPU_PROF names a folder: samples the event loop's thread from the start and writes a .cpuprofile there
 * when the bench stops the server (SIGTERM), before the server's own shutdown runs. Sampling costs CPU itself:
 * compare CPU per request from runs without it.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

const directory = process.env.EXAM_DAY_CPU_PROF;
// The SQLite thread gets the same NODE_OPTIONS: only the event loop's thread is sampled.
if (directory && isMainThread) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  process.once('SIGTERM', () => {
    // An in-thread session answers synchronously: the profile is written before the shutdown begins.
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(directory, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
