import type { TimeWarning } from './countdown.js';

const SEVERITY: Record<TimeWarning, number> = { none: 0, 'ten-minutes': 1, 'one-minute': 2, 'time-up': 3 };

/**
 * The warning to announce now, given the last one announced: only a threshold not yet announced, so a screen reader
 * hears "10 minutes left" once, not every second, and not again when the student moves between pages.
 *
 * @example
 * warningToAnnounce('none', 'ten-minutes'); // 'ten-minutes'
 * warningToAnnounce('ten-minutes', 'ten-minutes'); // undefined
 */
export function warningToAnnounce(announced: TimeWarning, now: TimeWarning): TimeWarning | undefined {
  return SEVERITY[now] > SEVERITY[announced] ? now : undefined;
}
