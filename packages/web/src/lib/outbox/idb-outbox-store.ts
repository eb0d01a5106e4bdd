import type { Save } from '@examforge/server/api';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { createMemoryOutboxStore, type OutboxStore } from './outbox-store.js';

interface StoredSave extends Save {
  readonly attemptKey: string;
}

interface OutboxDatabase extends DBSchema {
  saves: { key: [string, string]; value: StoredSave; indexes: { 'by-attempt': string } };
}

const DATABASE_NAME = 'examforge-outbox';

/**
 * The outbox store in IndexedDB: one record per (attempt, question), so it holds exactly what the outbox holds.
 * Falls back to memory when IndexedDB is unavailable; answers then still reach the server but not across reloads.
 */
export async function openOutboxStore(): Promise<OutboxStore> {
  if (typeof indexedDB === 'undefined') return createMemoryOutboxStore();
  try {
    return idbOutboxStore(await openOutboxDatabase());
  } catch {
    return createMemoryOutboxStore();
  }
}

function openOutboxDatabase(): Promise<IDBPDatabase<OutboxDatabase>> {
  return openDB<OutboxDatabase>(DATABASE_NAME, 1, {
    upgrade(database) {
      const saves = database.createObjectStore('saves', { keyPath: ['attemptKey', 'questionId'] });
      saves.createIndex('by-attempt', 'attemptKey');
    },
  });
}

function idbOutboxStore(database: IDBPDatabase<OutboxDatabase>): OutboxStore {
  return {
    async list(attemptKey) {
      const stored = await database.getAllFromIndex('saves', 'by-attempt', attemptKey);
      return stored.map(({ seq, questionId, answer, flagged }) => ({ seq, questionId, answer, flagged }));
    },
    async put(attemptKey, save) {
      await database.put('saves', { ...save, attemptKey });
    },
    async remove(attemptKey, seqs) {
      const done = new Set(seqs);
      const transaction = database.transaction('saves', 'readwrite');
      const stored = await transaction.store.index('by-attempt').getAll(attemptKey);
      await Promise.all(
        stored
          .filter((save) => done.has(save.seq))
          .map((save) => transaction.store.delete([attemptKey, save.questionId])),
      );
      await transaction.done;
    },
  };
}
