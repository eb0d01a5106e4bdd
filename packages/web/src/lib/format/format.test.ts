import { describe, expect, it } from 'vitest';
import { formatAnswer, formatExtraTime, formatLetters, formatMarks, formatStatus } from './format-answer.js';
import { formatClockTime, formatMinutes, fromLocalInputValue, toLocalInputValue } from './format-time.js';

// The test script runs with TZ=UTC, so local time is UTC here.
describe('times', () => {
  it('shows the server time of day', () => {
    expect(formatClockTime('2025-01-01T12:03:14.250Z')).toBe('12:03:14');
  });

  it('round-trips a datetime-local value', () => {
    const value = toLocalInputValue(new Date('2025-03-04T05:06:00Z'));
    expect(value).toBe('2025-03-04T05:06');
    expect(fromLocalInputValue(value)).toBe('2025-03-04T05:06:00.000Z');
    expect(fromLocalInputValue('')).toBeUndefined();
  });

  it('writes durations', () => {
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(45)).toBe('45 min');
  });
});

describe('answers', () => {
  it('calls an answer not read from the scan "not read", never blank', () => {
    expect(formatStatus('missing')).toBe('not read');
    expect(formatStatus('blank')).toBe('blank');
  });

  it('writes each kind of answer', () => {
    expect(formatAnswer({ kind: 'choice', selected: ['a', 'c'] })).toBe('(a), (c)');
    expect(formatAnswer({ kind: 'numeric', value: -0.5 })).toBe('-0.5');
    expect(formatAnswer({ kind: 'blank' })).toBe('—');
    expect(formatAnswer(undefined)).toBe('—');
    expect(formatLetters(['b'])).toBe('(b)');
  });

  it('writes extra time and marks', () => {
    expect(formatExtraTime(1.25)).toBe('+25 %');
    expect(formatExtraTime(1)).toBe('—');
    expect(formatMarks('0.5')).toBe('0.5 marks');
    expect(formatMarks('1')).toBe('1 mark');
  });
});
