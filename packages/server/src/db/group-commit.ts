import { HttpError } from '../errors.js';

/**
 * Group commit: writes that arrive together are applied as one group (one transaction, one commit), and each caller
 * is answered only when its group has committed. While a group commits, new writes gather for the next one, so under
 * load the groups grow and the commits per second stay within what the disk can do; when idle, a write is committed
 * on its own at once (after the current turn of the event loop, so writes of the same turn share a commit).
 *
 * A group that fails is retried a write at a time, so one bad write fails alone. A write whose client has gone before
 * its group forms is dropped (`ClientGoneError`): nobody is waiting for its acknowledgement.
 */
export class GroupCommitter<Write, Result> {
  private readonly queue: Pending<Write, Result>[] = [];
  private inFlight = 0;
  private scheduled = false;
  private idle: (() => void)[] = [];
  /** Since the start: groups committed and the writes they carried (their ratio is the grouping achieved). */
  readonly committed = { groups: 0, writes: 0 };

  constructor(
    private readonly apply: (writes: readonly Write[]) => Promise<readonly Result[]>,
    private readonly options: { readonly maxInFlight: number; readonly maxGroup: number },
  ) {}

  /** Resolves with the write's result once its group has committed. */
  submit(write: Write, clientGone: () => boolean = () => false): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ write, clientGone, resolve, reject, since: performance.now() });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /** Writes waiting for a group and groups committing now, and how long the oldest write has waited (ms). */
  backlog(): { readonly waiting: number; readonly inFlight: number; readonly oldestMs: number } {
    const oldest = this.queue[0];
    return {
      waiting: this.queue.length,
      inFlight: this.inFlight,
      oldestMs: oldest ? performance.now() - oldest.since : 0,
    };
  }

  /** Resolves once every submitted write has been answered. */
  drained(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const group = this.queue.splice(0, this.options.maxGroup).filter((pending) => {
        if (!pending.clientGone()) return true;
        pending.reject(new ClientGoneError());
        return false;
      });
      if (group.length === 0) continue;
      this.inFlight += 1;
      void this.commit(group).finally(() => {
        this.inFlight -= 1;
        // Starts the next group, or tells those waiting for the drain that everything is answered.
        this.pump();
      });
    }
    if (this.queue.length === 0 && this.inFlight === 0) this.idle.splice(0).forEach((resolve) => resolve());
  }

  private async commit(group: readonly Pending<Write, Result>[]): Promise<void> {
    try {
      const results = await this.apply(group.map((pending) => pending.write));
      this.committed.groups += 1;
      this.committed.writes += group.length;
      group.forEach((pending, index) => pending.resolve(results[index] as Result));
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      for (const pending of group) {
        try {
          const [result] = await this.apply([pending.write]);
          this.committed.groups += 1;
          this.committed.writes += 1;
          pending.resolve(result as Result);
        } catch (alone) {
          pending.reject(alone);
        }
      }
    }
  }
}

interface Pending<Write, Result> {
  readonly write: Write;
  readonly clientGone: () => boolean;
  readonly resolve: (result: Result) => void;
  readonly reject: (error: unknown) => void;
  readonly since: number;
}

/**
 * The client closed its connection before its write was committed; the write was not made. Nobody reads the answer
 * (408), and it is no failure of ours to log.
 */
export class ClientGoneError extends HttpError {
  constructor() {
    super(408, 'client-gone', 'the connection closed before the write was committed; nothing was written');
  }
}
