import type { Answer, Save } from '@examforge/server/api';
import type { OutboxStore } from './outbox-store.js';

/** One change a student made to one question. */
export interface AnswerChange {
  readonly questionId: string;
  readonly answer: Answer;
  readonly flagged: boolean;
}

/**
 * The saves not yet acknowledged by the server, numbered with a per-attempt increasing `seq`, written through to a
 * store so they survive a reload.
 *
 * A save leaves the outbox only when the server acknowledges its seq — or when a newer change to the same question
 * replaces it, since the server keeps the highest seq per question and the older save could never win. So the
 * outbox holds at most one save per question, and "3 answers waiting" counts questions.
 *
 * Store writes are queued in order, so a removal can never overtake the write it removes.
 *
 * @example
 * const outbox = await Outbox.open(store, 'sitting-1:student-1', attempt.lastSeq);
 * const save = outbox.record({ questionId: 'q1', answer: { kind: 'blank' }, flagged: true });
 * await outbox.acknowledge([save.seq]);
 */
export class Outbox {
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    private readonly store: OutboxStore,
    private readonly attemptKey: string,
    private readonly saves: Map<string, Save>,
    private nextSeq: number,
  ) {}

  /**
   * Loads what the store kept for this attempt. Numbering continues above both the server's highest seq and every
   * kept save, so a new save always supersedes what came before it.
   */
  static async open(store: OutboxStore, attemptKey: string, serverLastSeq: number): Promise<Outbox> {
    const kept = await store.list(attemptKey);
    const saves = new Map(kept.map((save) => [save.questionId, save]));
    const highest = Math.max(serverLastSeq, 0, ...kept.map((save) => save.seq));
    return new Outbox(store, attemptKey, saves, highest + 1);
  }

  /** Numbers the change and keeps it (in memory at once, in the store in the background). */
  record(change: AnswerChange): Save {
    const save: Save = { seq: this.nextSeq, ...change };
    this.nextSeq += 1;
    this.saves.set(save.questionId, save);
    this.enqueue(() => this.store.put(this.attemptKey, save));
    return save;
  }

  /**
   * Keeps numbering above the server's highest seq. Another tab on the same attempt numbers on its own; seeing its
   * saves in `lastSeq` keeps this tab's next change from reusing a seq the server already holds.
   */
  observeServerSeq(lastSeq: number): void {
    this.nextSeq = Math.max(this.nextSeq, lastSeq + 1);
  }

  /** The saves to send, oldest first. */
  pending(): Save[] {
    return [...this.saves.values()].sort((a, b) => a.seq - b.seq);
  }

  get size(): number {
    return this.saves.size;
  }

  /** Drops the saves with these seqs: acknowledged by the server, or found already superseded there. */
  async acknowledge(seqs: readonly number[]): Promise<void> {
    const done = new Set(seqs);
    for (const [questionId, save] of this.saves) if (done.has(save.seq)) this.saves.delete(questionId);
    this.enqueue(() => this.store.remove(this.attemptKey, seqs));
    await this.settled();
  }

  /** Resolves when every store write so far has finished. */
  settled(): Promise<void> {
    return this.writes;
  }

  private enqueue(write: () => Promise<void>): void {
    // The server, not this device, is where answers are durable: a failed local write must not stop the outbox.
    this.writes = this.writes.then(write).catch(() => undefined);
  }
}
