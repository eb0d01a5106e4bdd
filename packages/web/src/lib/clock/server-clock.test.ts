import { describe, expect, it } from 'vitest';
import { measureServerClock, millisecondsLeft, serverTimeAt } from './server-clock.js';

const serverNow = '2025-01-01T10:00:00.000Z';
const serverMs = Date.parse(serverNow);

describe('measureServerClock', () => {
  it('takes the offset at the middle of the round trip', () => {
    const clock = measureServerClock(serverNow, 1000, 1200);
    expect(clock.roundTripMs).toBe(200);
    expect(serverTimeAt(clock, 1100)).toBe(serverMs);
    expect(serverTimeAt(clock, 2100)).toBe(serverMs + 1000);
  });

  it('refuses a time that is not a date', () => {
    expect(() => measureServerClock('soon', 0, 0)).toThrow(/not a date/);
  });
});

describe('millisecondsLeft', () => {
  const deadline = '2025-01-01T10:30:00.000Z';

  it('counts down by the server clock, whatever the local wall clock says', () => {
    // The local monotonic clock reads 5 000 ms at receipt; the wall clock is never consulted.
    const clock = measureServerClock(serverNow, 5000, 5000);
    expect(millisecondsLeft(deadline, clock, 5000)).toBe(30 * 60_000);
    expect(millisecondsLeft(deadline, clock, 65_000)).toBe(29 * 60_000);
  });

  it('resyncs on every reply: a later measurement replaces the offset', () => {
    const first = measureServerClock(serverNow, 0, 0);
    // The local clock ran 2 s fast relative to the server since the first reply.
    const second = measureServerClock('2025-01-01T10:00:10.000Z', 12_000, 12_000);
    expect(millisecondsLeft(deadline, first, 12_000)).toBe(30 * 60_000 - 12_000);
    expect(millisecondsLeft(deadline, second, 12_000)).toBe(30 * 60_000 - 10_000);
  });

  it('never goes below zero', () => {
    const clock = measureServerClock('2025-01-01T11:00:00.000Z', 0, 0);
    expect(millisecondsLeft(deadline, clock, 0)).toBe(0);
  });
});
