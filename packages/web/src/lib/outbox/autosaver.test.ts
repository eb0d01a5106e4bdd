import { TEXT_ANSWER_MAX_LENGTH, type Answer, type RefusedSave, type Save, type SaveAck } from '@examforge/server/api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '../../api/api-error.js';
import { Autosaver, type SaveTransport } from './autosaver.js';
import { Outbox } from './outbox.js';
import { createMemoryOutboxStore, type OutboxStore } from './outbox-store.js';
import type { SaveStatus } from './save-status.js';

const key = 'sitting-1:student-1';
const choice = (letter: string): Answer => ({ kind: 'choice', selected: [letter] });
const networkDown = (): ApiRequestError => new ApiRequestError(0, 'network', 'Could not reach the server');

/** A server stand-in behind the transport port: records batches, answers as the test says. */
class FakeServer implements SaveTransport {
  readonly batches: Save[][] = [];
  reply: (saves: readonly Save[]) => SaveAck | Error = (saves) => this.ackAll(saves);

  send(saves: readonly Save[]): Promise<SaveAck> {
    this.batches.push([...saves]);
    const reply = this.reply(saves);
    return reply instanceof Error ? Promise.reject(reply) : Promise.resolve(reply);
  }

  ackAll(saves: readonly Save[]): SaveAck {
    const seqs = saves.map((save) => save.seq);
    return {
      acknowledged: seqs,
      refused: [],
      lastSeq: Math.max(...seqs),
      serverNow: '2025-01-01T10:00:05.000Z',
      deadline: '',
    };
  }
}

async function setUp(store: OutboxStore = createMemoryOutboxStore(), lastSeq = 0) {
  const outbox = await Outbox.open(store, key, lastSeq);
  const server = new FakeServer();
  const statuses: SaveStatus[] = [];
  const refusals: ReadonlyMap<string, RefusedSave>[] = [];
  const autosaver = new Autosaver({
    outbox,
    transport: server,
    onStatus: (s) => statuses.push(s),
    onRefused: (refused) => refusals.push(refused),
    random: () => 0.5,
  });
  const lastStatus = (): SaveStatus | undefined => statuses.at(-1);
  const lastRefused = () => [...(refusals.at(-1) ?? new Map<string, RefusedSave>()).keys()];
  return { outbox, server, autosaver, lastStatus, lastRefused };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Autosaver', () => {
  it('sends a change within a second and reports the server time of the acknowledgement', async () => {
    const { server, autosaver, lastStatus } = await setUp();
    autosaver.change({ questionId: 'q1', answer: choice('b'), flagged: false });
    expect(lastStatus()).toEqual({ kind: 'saving', waiting: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.batches).toEqual([[{ seq: 1, questionId: 'q1', answer: choice('b'), flagged: false }]]);
    expect(lastStatus()).toEqual({ kind: 'saved', at: '2025-01-01T10:00:05.000Z' });
  });

  it('batches a burst of changes, keeping the newest per question', async () => {
    const { server, autosaver } = await setUp();
    autosaver.change({ questionId: 'q1', answer: choice('a'), flagged: false });
    autosaver.change({ questionId: 'q1', answer: choice('c'), flagged: false });
    autosaver.change({ questionId: 'q2', answer: { kind: 'numeric', value: 3 }, flagged: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.batches).toHaveLength(1);
    expect(server.batches[0]!.map((save) => [save.seq, save.questionId])).toEqual([
      [2, 'q1'],
      [3, 'q2'],
    ]);
  });

  it('keeps sending at least once a second while the student types without pause', async () => {
    const { server, autosaver } = await setUp();
    for (let index = 0; index < 15; index += 1) {
      autosaver.change({ questionId: 'essay', answer: { kind: 'text', text: 'x'.repeat(index + 1) }, flagged: false });
      await vi.advanceTimersByTimeAsync(200);
    }
    // 3 s of typing: at least 3 requests, each with the text as it then was.
    expect(server.batches.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps a save whose seq the server did not acknowledge, and sends it again', async () => {
    const { server, outbox, autosaver } = await setUp();
    server.reply = (saves) => ({ ...server.ackAll(saves), acknowledged: [saves[0]!.seq] });
    autosaver.change({ questionId: 'q1', answer: choice('a'), flagged: false });
    autosaver.change({ questionId: 'q2', answer: choice('b'), flagged: false });
    await vi.advanceTimersByTimeAsync(1000);
    expect(outbox.pending().map((save) => save.questionId)).toEqual(['q2']);
    server.reply = (saves) => server.ackAll(saves);
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.batches.at(-1)!.map((save) => save.questionId)).toEqual(['q2']);
    expect(outbox.size).toBe(0);
  });

  it('keeps working offline, retries with backoff, and at once on the online event', async () => {
    const { server, autosaver, lastStatus } = await setUp();
    server.reply = networkDown;
    autosaver.change({ questionId: 'q1', answer: choice('a'), flagged: false });
    autosaver.change({ questionId: 'q2', answer: choice('b'), flagged: false });
    await vi.advanceTimersByTimeAsync(1000);
    expect(lastStatus()).toEqual({ kind: 'offline', waiting: 2 });

    autosaver.change({ questionId: 'q3', answer: choice('c'), flagged: false });
    expect(lastStatus()).toEqual({ kind: 'offline', waiting: 3 });
    await vi.advanceTimersByTimeAsync(1000); // first retry after 1 s
    await vi.advanceTimersByTimeAsync(2000); // second after 2 s more
    expect(server.batches).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(3000); // the third waits 4 s
    expect(server.batches).toHaveLength(3);

    server.reply = (saves) => server.ackAll(saves);
    autosaver.online();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.batches).toHaveLength(4);
    expect(server.batches.at(-1)).toHaveLength(3);
    expect(lastStatus()).toMatchObject({ kind: 'saved' });
  });

  it('waits out a busy server’s Retry-After (with jitter) and says the server is busy, not offline', async () => {
    const { server, autosaver, lastStatus } = await setUp();
    server.reply = () => new ApiRequestError(503, 'busy', 'the server is busy', undefined, 4000);
    autosaver.change({ questionId: 'q1', answer: choice('a'), flagged: false });
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.batches).toHaveLength(1);
    expect(lastStatus()).toEqual({ kind: 'busy', waiting: 1 });

    server.reply = (saves) => server.ackAll(saves);
    // Sent at 0.3 s and refused; Retry-After 4 s plus a quarter of it (random 0.5): the retry goes at 5.3 s, where
    // backoff alone would have sent it at 1.3 s.
    await vi.advanceTimersByTimeAsync(4200);
    expect(server.batches).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(server.batches).toHaveLength(2);
    expect(lastStatus()).toMatchObject({ kind: 'saved' });
  });

  it('stops for good when the server says the attempt is closed', async () => {
    const { server, autosaver, lastStatus } = await setUp();
    server.reply = () => new ApiRequestError(409, 'attempt-closed', 'The time for this exam is over.');
    autosaver.change({ questionId: 'q1', answer: choice('a'), flagged: false });
    await vi.advanceTimersByTimeAsync(1000);
    expect(lastStatus()).toEqual({ kind: 'closed', message: 'The time for this exam is over.', waiting: 1 });
    expect(autosaver.closed).toBe(true);

    autosaver.change({ questionId: 'q2', answer: choice('b'), flagged: false });
    autosaver.online();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.batches).toHaveLength(1);
  });

  it('says so when the server refuses the saves, and keeps them', async () => {
    const { server, autosaver, lastStatus } = await setUp();
    server.reply = () => new ApiRequestError(401, 'not-signed-in', 'Your session has ended.');
    autosaver.change({ questionId: 'q1', answer: choice('a'), flagged: false });
    await vi.advanceTimersByTimeAsync(1000);
    expect(lastStatus()).toEqual({
      kind: 'failed',
      code: 'not-signed-in',
      message: 'Your session has ended.',
      waiting: 1,
    });
  });

  it('replays what the outbox kept before a reload', async () => {
    const store = createMemoryOutboxStore();
    const before = await Outbox.open(store, key, 7);
    before.record({ questionId: 'q1', answer: choice('d'), flagged: true });
    await before.settled();

    const { server, autosaver } = await setUp(store, 7);
    autosaver.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.batches).toEqual([[{ seq: 8, questionId: 'q1', answer: choice('d'), flagged: true }]]);
    expect(await store.list(key)).toEqual([]);
  });

  it('flushes everything before a submit, and tells when it could not', async () => {
    const { server, autosaver } = await setUp();
    autosaver.change({ questionId: 'q1', answer: choice('a'), flagged: false });
    await expect(autosaver.flushNow()).resolves.toBe(true);
    expect(server.batches).toHaveLength(1);

    server.reply = networkDown;
    autosaver.change({ questionId: 'q2', answer: choice('b'), flagged: false });
    await expect(autosaver.flushNow()).resolves.toBe(false);
  });

  it('sends one request at a time and picks up changes made during it', async () => {
    const { server, outbox, autosaver } = await setUp();
    const held: (() => void)[] = [];
    const send = server.send.bind(server);
    server.send = (saves) =>
      new Promise((resolve, reject) => {
        held.push(() => void send(saves).then(resolve, reject));
      });
    autosaver.change({ questionId: 'q1', answer: choice('a'), flagged: false });
    await vi.advanceTimersByTimeAsync(1000);
    autosaver.change({ questionId: 'q2', answer: choice('b'), flagged: false });
    await vi.advanceTimersByTimeAsync(1000);
    expect(held).toHaveLength(1);
    held.shift()?.();
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.batches.map((batch) => batch.map((save) => save.questionId))).toEqual([['q1']]);
    expect(held).toHaveLength(1);
    held.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.batches.map((batch) => batch.map((save) => save.questionId))).toEqual([['q1'], ['q2']]);
    expect(outbox.size).toBe(0);
  });

  describe('an answer refused for its length', () => {
    const essay = (length: number): Answer => ({ kind: 'text', text: 'x'.repeat(length) });

    it('is kept on the device but never sent, while the other answers keep saving', async () => {
      const { server, outbox, autosaver, lastStatus, lastRefused } = await setUp();
      autosaver.change({ questionId: 'essay', answer: essay(TEXT_ANSWER_MAX_LENGTH + 1), flagged: false });
      expect(lastRefused()).toEqual(['essay']);
      autosaver.change({ questionId: 'q1', answer: choice('a'), flagged: false });
      await vi.advanceTimersByTimeAsync(1000);
      autosaver.change({ questionId: 'q2', answer: choice('b'), flagged: false });
      await vi.advanceTimersByTimeAsync(1000);
      expect(server.batches.map((batch) => batch.map((save) => save.questionId))).toEqual([['q1'], ['q2']]);
      expect(outbox.pending().map((save) => save.questionId)).toEqual(['essay']);
      expect(lastStatus()).toEqual({ kind: 'refused', questionIds: ['essay'] });
      expect(await autosaver.flushNow()).toBe(false);

      autosaver.change({ questionId: 'essay', answer: essay(10), flagged: false });
      expect(lastRefused()).toEqual([]);
      await vi.advanceTimersByTimeAsync(1000);
      expect(server.batches.at(-1)!.map((save) => save.questionId)).toEqual(['essay']);
      expect(lastStatus()).toMatchObject({ kind: 'saved' });
      expect(outbox.size).toBe(0);
    });

    it('stops resending what the server refused, and takes the rest of the batch as saved', async () => {
      const { server, autosaver, lastStatus, lastRefused } = await setUp();
      server.reply = (saves) => {
        const [first, ...rest] = saves;
        const refusal: RefusedSave = {
          seq: first!.seq,
          questionId: first!.questionId,
          code: 'answer-too-long',
          message: 'too long',
          length: 9,
          limit: 8,
        };
        return { ...server.ackAll(saves), acknowledged: rest.map((save) => save.seq), refused: [refusal] };
      };
      autosaver.change({ questionId: 'essay', answer: essay(9), flagged: false });
      autosaver.change({ questionId: 'q1', answer: choice('a'), flagged: false });
      await vi.advanceTimersByTimeAsync(1000);
      expect(lastRefused()).toEqual(['essay']);
      expect(lastStatus()).toEqual({ kind: 'refused', questionIds: ['essay'] });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(server.batches).toHaveLength(1);
    });

    it('is refused again after a reload, from what the device kept', async () => {
      const store = createMemoryOutboxStore();
      const first = await setUp(store);
      first.autosaver.change({ questionId: 'essay', answer: essay(TEXT_ANSWER_MAX_LENGTH + 5), flagged: false });
      await first.outbox.settled();
      first.autosaver.dispose();
      const second = await setUp(store);
      second.autosaver.start();
      await vi.advanceTimersByTimeAsync(1000);
      expect(second.server.batches).toHaveLength(0);
      expect(second.lastRefused()).toEqual(['essay']);
      expect(second.outbox.pending()[0]!.answer).toEqual(essay(TEXT_ANSWER_MAX_LENGTH + 5));
    });
  });
});
