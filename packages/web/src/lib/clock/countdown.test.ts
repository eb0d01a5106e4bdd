import { describe, expect, it } from 'vitest';
import { describeTimeLeft, formatCountdown, timeWarning } from './countdown.js';

describe('timeWarning', () => {
  it.each([
    [11 * 60_000, 'none'],
    [10 * 60_000 + 1, 'none'],
    [10 * 60_000, 'ten-minutes'],
    [60_001, 'ten-minutes'],
    [60_000, 'one-minute'],
    [1, 'one-minute'],
    [0, 'time-up'],
  ] as const)('%i ms left → %s', (ms, warning) => {
    expect(timeWarning(ms)).toBe(warning);
  });
});

describe('formatCountdown', () => {
  it.each([
    [3_723_000, '1:02:03'],
    [3_600_000, '1:00:00'],
    [3_599_001, '1:00:00'],
    [600_000, '10:00'],
    [59_001, '1:00'],
    [1, '0:01'],
    [0, '0:00'],
    [-5_000, '0:00'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});

describe('describeTimeLeft', () => {
  it('speaks hours and minutes', () => {
    expect(describeTimeLeft(62 * 60_000)).toBe('1 hour 2 minutes');
    expect(describeTimeLeft(120 * 60_000)).toBe('2 hours');
    expect(describeTimeLeft(30_000)).toBe('less than a minute');
    expect(describeTimeLeft(0)).toBe('no time');
  });
});
