import type { AppContext } from '../context.js';
import { closeExpiredAttempts } from '../services/attempts.js';

/**
 * The background loop: once a second, close the attempts whose deadline has passed, so an abandoned attempt is
 * closed within about a second of its deadline. Returns a function that stops the loop.
 */
export function startJobs(
  context: AppContext,
  onError: (error: unknown) => void,
  intervalMs = 1000,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => closeExpiredAttempts(context)).catch(onError);
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
