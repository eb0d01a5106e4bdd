import { refuseOverlongAnswers, type RefusedSave, type Save, type SaveAck } from '@examforge/server/api';
import type { AnswerChange, Outbox } from './outbox.js';
import { classifySaveFailure, type SaveFailure } from './save-failure.js';
import type { SaveStatus } from './save-status.js';
import { busyRetryDelayMs, DEFAULT_SAVE_TIMING, flushDelayMs, retryDelayMs, type SaveTiming } from './save-timing.js';

/** The port to the server: `PUT /api/attempt/answers`. Throws an `ApiRequestError` when the saves are not taken. */
export interface SaveTransport {
  send(saves: readonly Save[]): Promise<SaveAck>;
}

export interface AutosaverOptions {
  readonly outbox: Outbox;
  readonly transport: SaveTransport;
  readonly onStatus: (status: SaveStatus) => void;
  /** Every acknowledgement, for the caller to resync its clock and deadline. */
  readonly onAck?: (ack: SaveAck) => void;
  /** The answers refused for their own content (too long), by question; called whenever that changes. */
  readonly onRefused?: (refused: ReadonlyMap<string, RefusedSave>) => void;
  /** Server time at which the loaded state was known to be saved. */
  readonly savedAt?: string;
  readonly timing?: SaveTiming;
  readonly random?: () => number;
}

/** The contract's limit on one request. */
const MAX_BATCH = 500;

/**
 * Sends the outbox to the server: each change within a second, one request at a time, retrying with backoff after a
 * failure and at once when the browser comes back online, and stopping for good when the server says the attempt is
 * closed. Timers are the only IO here besides the two ports.
 *
 * A save refused for its own content (a written answer over the limit: by the server, or here before sending, by the
 * same rule) stays in the outbox — it is the student's text, kept on the device — but is not sent again; the
 * question's next change replaces it, and the other questions keep saving.
 *
 * @example
 * const autosaver = new Autosaver({ outbox, transport, onStatus: setStatus });
 * autosaver.start(); // replays what the outbox kept
 * autosaver.change({ questionId: 'q1', answer: { kind: 'choice', selected: ['b'] }, flagged: false });
 */
export class Autosaver {
  private readonly timing: SaveTiming;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retrying = false;
  private flight: Promise<boolean> | undefined;
  private failures = 0;
  private firstPendingAtMs: number | undefined;
  private lastChangeAtMs = 0;
  private unreachable = false;
  /** The last refusal's `Retry-After` (ms) while the server is busy; undefined otherwise. */
  private busyRetryAfterMs: number | undefined;
  private browserOffline = false;
  private refusal: { code: string; message: string } | undefined;
  private closedMessage: string | undefined;
  private lastAckAt: string | undefined;
  private disposed = false;
  private readonly refused = new Map<string, RefusedSave>();

  constructor(private readonly options: AutosaverOptions) {
    this.timing = options.timing ?? DEFAULT_SAVE_TIMING;
    this.lastAckAt = options.savedAt;
  }

  /** Replays whatever the outbox kept from before a reload. */
  start(): void {
    if (this.options.outbox.size > 0) void this.send();
    this.emit();
  }

  change(change: AnswerChange): void {
    if (this.stopped) return;
    const save = this.options.outbox.record(change);
    this.setRefusals([save], this.checkLength([save]));
    const now = Date.now();
    this.firstPendingAtMs ??= now;
    this.lastChangeAtMs = now;
    this.scheduleSoon();
    this.emit();
  }

  /** The browser says it is back online: retry now rather than when the backoff ends. */
  online(): void {
    this.browserOffline = false;
    if (!this.stopped && this.options.outbox.size > 0) void this.send();
    this.emit();
  }

  offline(): void {
    this.browserOffline = true;
    this.emit();
  }

  /** Sends everything now (before submitting). True when the server has acknowledged every change. */
  async flushNow(): Promise<boolean> {
    while (!this.stopped && this.sendable().length > 0) {
      if (!(await this.send())) return false;
    }
    return this.options.outbox.size === 0;
  }

  status(): SaveStatus {
    const waiting = this.options.outbox.size - this.refused.size;
    if (this.closedMessage !== undefined) return { kind: 'closed', message: this.closedMessage, waiting };
    if (this.refusal && waiting > 0) return { kind: 'failed', ...this.refusal, waiting };
    if (this.unreachable || this.browserOffline) return { kind: 'offline', waiting };
    if (this.busyRetryAfterMs !== undefined && waiting > 0) return { kind: 'busy', waiting };
    if (waiting > 0 || this.flight) return { kind: 'saving', waiting };
    if (this.refused.size > 0) return { kind: 'refused', questionIds: [...this.refused.keys()] };
    return this.lastAckAt === undefined ? { kind: 'saved' } : { kind: 'saved', at: this.lastAckAt };
  }

  /** The answers not saved because of their own content (too long), by question. */
  refusals(): ReadonlyMap<string, RefusedSave> {
    return this.refused;
  }

  get closed(): boolean {
    return this.closedMessage !== undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private get stopped(): boolean {
    return this.disposed || this.closedMessage !== undefined;
  }

  private send(): Promise<boolean> {
    if (this.flight) return this.flight;
    this.clearTimer();
    const batch = this.sendable().slice(0, MAX_BATCH);
    if (batch.length === 0 || this.stopped) return Promise.resolve(batch.length === 0);
    this.firstPendingAtMs = undefined;
    this.flight = this.deliver(batch).finally(() => {
      this.flight = undefined;
      this.afterFlight();
    });
    this.emit();
    return this.flight;
  }

  private async deliver(batch: readonly Save[]): Promise<boolean> {
    let ack: SaveAck;
    try {
      ack = await this.options.transport.send(batch);
    } catch (error) {
      this.fail(classifySaveFailure(error));
      return false;
    }
    await this.options.outbox.acknowledge(ack.acknowledged);
    this.options.outbox.observeServerSeq(ack.lastSeq);
    this.setRefusals(
      batch.filter((save) => ack.acknowledged.includes(save.seq)),
      ack.refused,
    );
    this.unreachable = false;
    this.busyRetryAfterMs = undefined;
    this.refusal = undefined;
    this.lastAckAt = ack.serverNow;
    this.options.onAck?.(ack);
    const handled = new Set([...ack.acknowledged, ...ack.refused.map((refused) => refused.seq)]);
    if (batch.every((save) => handled.has(save.seq))) {
      this.failures = 0;
      return true;
    }
    // The contract says every seq in a batch is acknowledged; if one is not, it stays and goes again, slowly.
    this.failures += 1;
    this.scheduleRetry();
    return false;
  }

  /**
   * The saves to send: the outbox's, less those refused (by the server, or here by the same rule before they go, so
   * an over-long answer never makes a request too large to take).
   */
  private sendable(): Save[] {
    const pending = this.options.outbox.pending();
    this.setRefusals([], this.checkLength(pending));
    return pending.filter((save) => this.refused.get(save.questionId)?.seq !== save.seq);
  }

  private checkLength(saves: readonly Save[]): readonly RefusedSave[] {
    return refuseOverlongAnswers(saves).refused;
  }

  /**
   * Clears each question's refusal that `superseding` saves replace (a newer change, or a save acknowledged), then
   * records `refused`; tells the page when what is refused changed.
   */
  private setRefusals(superseding: readonly Save[], refused: readonly RefusedSave[]): void {
    const before = this.refusedSeqs();
    for (const save of superseding) {
      if ((this.refused.get(save.questionId)?.seq ?? Infinity) <= save.seq) this.refused.delete(save.questionId);
    }
    for (const refusal of refused) this.refused.set(refusal.questionId, refusal);
    if (this.refusedSeqs() !== before) this.options.onRefused?.(new Map(this.refused));
  }

  private refusedSeqs(): string {
    return [...this.refused.values()].map((refusal) => refusal.seq).join(',');
  }

  private fail(failure: SaveFailure): void {
    switch (failure.kind) {
      case 'closed':
        this.closedMessage = failure.message;
        this.clearTimer();
        return;
      case 'retry':
        this.unreachable = true;
        this.busyRetryAfterMs = undefined;
        break;
      case 'busy':
        this.unreachable = false;
        this.busyRetryAfterMs = failure.retryAfterMs;
        break;
      case 'refused':
        this.refusal = { code: failure.code, message: failure.message };
        break;
    }
    this.failures += 1;
    this.scheduleRetry();
  }

  private afterFlight(): void {
    if (!this.stopped && this.options.outbox.size > 0 && this.timer === undefined) {
      this.firstPendingAtMs ??= Date.now();
      this.scheduleSoon();
    }
    this.emit();
  }

  private scheduleSoon(): void {
    // A flight in progress or a pending retry will pick the change up when it ends.
    if (this.flight || this.retrying) return;
    const now = Date.now();
    const delay = flushDelayMs(now, this.firstPendingAtMs ?? now, this.lastChangeAtMs, this.timing);
    this.setTimer(delay, false);
  }

  private scheduleRetry(): void {
    const random = this.options.random ?? Math.random;
    const backoff = retryDelayMs(this.failures, this.timing, random);
    const delay =
      this.busyRetryAfterMs === undefined ? backoff : busyRetryDelayMs(this.busyRetryAfterMs, backoff, random);
    this.setTimer(delay, true);
  }

  private setTimer(delayMs: number, retrying: boolean): void {
    this.clearTimer();
    this.retrying = retrying;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.retrying = false;
      void this.send();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.retrying = false;
  }

  private emit(): void {
    if (!this.disposed) this.options.onStatus(this.status());
  }
}
