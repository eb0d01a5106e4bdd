import type { Answer } from '@examforge/server/api';
import { describe, expect, it } from 'vitest';
import { Outbox } from './outbox.js';
import { createMemoryOutboxStore } from './outbox-store.js';

const key = 'sitting-1:student-1';
const choice = (letter: string): Answer => ({ kind: 'choice', selected: [letter] });

describe('Outbox', () => {
  it('numbers saves above the server’s highest seq, increasing', async () => {
    const outbox = await Outbox.open(createMemoryOutboxStore(), key, 41);
    const first = outbox.record({ questionId: 'q1', answer: choice('a'), flagged: false });
    const second = outbox.record({ questionId: 'q2', answer: choice('b'), flagged: true });
    expect([first.seq, second.seq]).toEqual([42, 43]);
    expect(outbox.pending()).toEqual([first, second]);
  });

  it('keeps only the newest save per question', async () => {
    const outbox = await Outbox.open(createMemoryOutboxStore(), key, 0);
    outbox.record({ questionId: 'q1', answer: choice('a'), flagged: false });
    const newer = outbox.record({ questionId: 'q1', answer: choice('c'), flagged: false });
    expect(outbox.pending()).toEqual([newer]);
    expect(outbox.size).toBe(1);
  });

  it('lets a save go only when its own seq is acknowledged', async () => {
    const outbox = await Outbox.open(createMemoryOutboxStore(), key, 0);
    const sent = outbox.record({ questionId: 'q1', answer: choice('a'), flagged: false });
    // The student changes the answer while the first save is in flight.
    const newer = outbox.record({ questionId: 'q1', answer: choice('b'), flagged: false });
    await outbox.acknowledge([sent.seq]);
    expect(outbox.pending()).toEqual([newer]);
    await outbox.acknowledge([newer.seq]);
    expect(outbox.size).toBe(0);
  });

  it('survives a reload and numbers on from the kept saves', async () => {
    const store = createMemoryOutboxStore();
    const before = await Outbox.open(store, key, 5);
    const acknowledged = before.record({ questionId: 'q1', answer: choice('a'), flagged: false });
    const waiting = before.record({ questionId: 'q2', answer: { kind: 'numeric', value: 2.5 }, flagged: false });
    await before.acknowledge([acknowledged.seq]);

    const after = await Outbox.open(store, key, 5);
    expect(after.pending()).toEqual([waiting]);
    expect(after.record({ questionId: 'q3', answer: { kind: 'blank' }, flagged: true }).seq).toBe(waiting.seq + 1);
  });

  it('numbers above a higher seq the server reports (another tab on the same attempt)', async () => {
    const outbox = await Outbox.open(createMemoryOutboxStore(), key, 3);
    outbox.observeServerSeq(10);
    outbox.observeServerSeq(2);
    expect(outbox.record({ questionId: 'q1', answer: choice('a'), flagged: false }).seq).toBe(11);
  });

  it('keeps attempts apart', async () => {
    const store = createMemoryOutboxStore();
    const mine = await Outbox.open(store, key, 0);
    mine.record({ questionId: 'q1', answer: choice('a'), flagged: false });
    await mine.settled();
    const theirs = await Outbox.open(store, 'sitting-1:student-2', 0);
    expect(theirs.size).toBe(0);
  });

  it('writes to the store in order, so an acknowledgement never resurrects', async () => {
    const store = createMemoryOutboxStore();
    const outbox = await Outbox.open(store, key, 0);
    const save = outbox.record({ questionId: 'q1', answer: choice('a'), flagged: false });
    await outbox.acknowledge([save.seq]);
    expect(await store.list(key)).toEqual([]);
  });
});
