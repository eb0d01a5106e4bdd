import { describe, expect, it } from 'vitest';
import { ClientGoneError, GroupCommitter } from './group-commit.js';

/** A store whose commits the test releases one by one, recording the groups it was given. */
function heldStore() {
  const groups: number[][] = [];
  const releases: (() => void)[] = [];
  const apply = async (writes: readonly number[]) => {
    groups.push([...writes]);
    await new Promise<void>((resolve) => releases.push(resolve));
    if (writes.includes(13)) throw new Error('write 13 is refused');
    return writes.map((write) => write * 10);
  };
  const releaseNext = async () => {
    while (releases.length === 0) await new Promise((resolve) => setImmediate(resolve));
    releases.shift()?.();
  };
  return { groups, apply, releaseNext };
}

describe('group commit', () => {
  it('commits writes that arrive while a group commits as one next group, answering each after its commit', async () => {
    const store = heldStore();
    const committer = new GroupCommitter(store.apply, { maxInFlight: 1, maxGroup: 100 });
    const first = committer.submit(1);
    await store.releaseNext();
    await expect(first).resolves.toBe(10);
    const second = committer.submit(2);
    await new Promise((resolve) => setImmediate(resolve));
    // Group [2] is committing: 3, 4 and 5 wait for the next one.
    const rest = [3, 4, 5].map((write) => committer.submit(write));
    expect(committer.backlog()).toMatchObject({ waiting: 3, inFlight: 1 });
    await store.releaseNext();
    await expect(second).resolves.toBe(20);
    await store.releaseNext();
    await expect(Promise.all(rest)).resolves.toEqual([30, 40, 50]);
    expect(store.groups).toEqual([[1], [2], [3, 4, 5]]);
    expect(committer.committed).toEqual({ groups: 3, writes: 5 });
    await committer.drained();
  });

  it('retries a failed group a write at a time, so only the bad write fails', async () => {
    const store = heldStore();
    const committer = new GroupCommitter(store.apply, { maxInFlight: 1, maxGroup: 100 });
    const results = [12, 13, 14].map((write) =>
      committer.submit(write).catch((error: unknown) => (error as Error).message),
    );
    for (let release = 0; release < 4; release += 1) await store.releaseNext();
    await expect(Promise.all(results)).resolves.toEqual([120, 'write 13 is refused', 140]);
    expect(store.groups).toEqual([[12, 13, 14], [12], [13], [14]]);
  });

  it('drops a write whose client has gone before its group formed, and writes the others', async () => {
    const store = heldStore();
    const committer = new GroupCommitter(store.apply, { maxInFlight: 1, maxGroup: 100 });
    const gone = expect(committer.submit(1, () => true)).rejects.toBeInstanceOf(ClientGoneError);
    const kept = committer.submit(2, () => false);
    await store.releaseNext();
    await gone;
    await expect(kept).resolves.toBe(20);
    expect(store.groups).toEqual([[2]]);
  });

  it('splits a backlog into groups of at most maxGroup, committing up to maxInFlight at once', async () => {
    const store = heldStore();
    const committer = new GroupCommitter(store.apply, { maxInFlight: 2, maxGroup: 3 });
    const all = Array.from({ length: 7 }, (_, index) => committer.submit(index));
    await new Promise((resolve) => setImmediate(resolve));
    expect(committer.backlog()).toMatchObject({ waiting: 1, inFlight: 2 });
    for (let release = 0; release < 3; release += 1) await store.releaseNext();
    await expect(Promise.all(all)).resolves.toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(store.groups).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });
});
