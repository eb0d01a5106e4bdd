import type { Save } from '@examforge/server/api';

/**
 * Where the outbox keeps its saves between page loads: the port the outbox needs, so that its logic runs the same
 * against IndexedDB in the browser and against memory in tests. One attempt's saves live under one `attemptKey`;
 * at most one save per question is kept (a newer change to a question replaces the older, unsent one).
 */
export interface OutboxStore {
  list(attemptKey: string): Promise<readonly Save[]>;
  /** Stores the save, replacing any save already kept for the same question. */
  put(attemptKey: string, save: Save): Promise<void>;
  /** Removes the saves whose seq is one of `seqs`; a newer save for the same question stays. */
  remove(attemptKey: string, seqs: readonly number[]): Promise<void>;
}

/**
 * An outbox store in memory: for tests, and the fallback when IndexedDB cannot be opened (some private windows), in
 * which case answers still reach the server but do not survive a reload.
 *
 * @example
 * const store = createMemoryOutboxStore();
 * await store.put('sitting-1:student-1', save);
 */
export function createMemoryOutboxStore(): OutboxStore {
  const attempts = new Map<string, Map<string, Save>>();
  const savesOf = (attemptKey: string): Map<string, Save> => {
    const existing = attempts.get(attemptKey);
    if (existing) return existing;
    const created = new Map<string, Save>();
    attempts.set(attemptKey, created);
    return created;
  };
  return {
    list: (attemptKey) => Promise.resolve([...savesOf(attemptKey).values()].map((save) => structuredClone(save))),
    put: (attemptKey, save) => {
      savesOf(attemptKey).set(save.questionId, structuredClone(save));
      return Promise.resolve();
    },
    remove: (attemptKey, seqs) => {
      const saves = savesOf(attemptKey);
      for (const [questionId, save] of saves) if (seqs.includes(save.seq)) saves.delete(questionId);
      return Promise.resolve();
    },
  };
}
