import { describe, expect, it } from 'vitest';
import { busyRetryDelayMs, DEFAULT_SAVE_TIMING, flushDelayMs, retryDelayMs } from './save-timing.js';

describe('flushDelayMs', () => {
  it('waits for a quiet moment', () => {
    expect(flushDelayMs(1000, 1000, 1000, DEFAULT_SAVE_TIMING)).toBe(300);
  });

  it('never lets the first change wait beyond the maximum', () => {
    expect(flushDelayMs(1700, 1000, 1700, DEFAULT_SAVE_TIMING)).toBe(100);
    expect(flushDelayMs(2500, 1000, 2500, DEFAULT_SAVE_TIMING)).toBe(0);
  });
});

describe('retryDelayMs', () => {
  const middle = (): number => 0.5;

  it('doubles up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((failures) => retryDelayMs(failures, DEFAULT_SAVE_TIMING, middle))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
  });

  it('spreads retries by a quarter either way', () => {
    expect(retryDelayMs(2, DEFAULT_SAVE_TIMING, () => 0)).toBe(1500);
    expect(retryDelayMs(2, DEFAULT_SAVE_TIMING, () => 1)).toBe(2500);
  });
});

describe('busyRetryDelayMs', () => {
  it('waits at least what the server asked, and up to half as long again at random', () => {
    expect(busyRetryDelayMs(2000, 1000, () => 0)).toBe(2000);
    expect(busyRetryDelayMs(2000, 1000, () => 1)).toBe(3000);
  });

  it('keeps the longer backoff after many failures', () => {
    expect(busyRetryDelayMs(1000, 16_000, () => 0.5)).toBe(16_000);
  });
});
