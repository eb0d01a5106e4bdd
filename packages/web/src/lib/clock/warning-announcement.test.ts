import { describe, expect, it } from 'vitest';
import { timeWarning, type TimeWarning } from './countdown.js';
import { warningToAnnounce } from './warning-announcement.js';

describe('warningToAnnounce', () => {
  it('announces each threshold once as the seconds tick down', () => {
    let announced: TimeWarning = 'none';
    const heard: TimeWarning[] = [];
    for (let seconds = 12 * 60; seconds >= -2; seconds -= 1) {
      const next = warningToAnnounce(announced, timeWarning(seconds * 1000));
      if (next) heard.push((announced = next));
    }
    expect(heard).toEqual(['ten-minutes', 'one-minute', 'time-up']);
  });

  it('announces only the latest threshold when the page opens late, and nothing going back', () => {
    expect(warningToAnnounce('none', 'one-minute')).toBe('one-minute');
    expect(warningToAnnounce('one-minute', 'ten-minutes')).toBeUndefined();
    expect(warningToAnnounce('none', 'none')).toBeUndefined();
  });
});
