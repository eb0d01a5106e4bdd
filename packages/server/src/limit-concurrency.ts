/**
 * A gate that lets at most `limit` tasks run at once; the others wait their turn in order. Used where each task starts
 * a worker thread (generating a student's computed questions): a whole class starting together queues here instead
 * of starting hundreds of workers at once.
 *
 * @example
 * const gate = limitConcurrency(2);
 * const result = await gate(() => expensive());
 */
export function limitConcurrency(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running -= 1;
    waiting.shift()?.();
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
