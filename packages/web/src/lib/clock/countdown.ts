/** What the countdown shows and when it warns: pure functions of the milliseconds left. */

export type TimeWarning = 'none' | 'ten-minutes' | 'one-minute' | 'time-up';

const MINUTE_MS = 60_000;

/**
 * The warning due with this much time left. Thresholds are inclusive, so "10:00" on the timer already warns.
 *
 * @example
 * timeWarning(9 * 60_000); // 'ten-minutes'
 */
export function timeWarning(msLeft: number): TimeWarning {
  if (msLeft <= 0) return 'time-up';
  if (msLeft <= MINUTE_MS) return 'one-minute';
  if (msLeft <= 10 * MINUTE_MS) return 'ten-minutes';
  return 'none';
}

/**
 * `h:mm:ss` from an hour up, `m:ss` below. Rounds up, so the timer reads 0:00 only once time is really up.
 *
 * @example
 * formatCountdown(3_723_000); // '1:02:03'
 * formatCountdown(59_001); // '1:00'
 */
export function formatCountdown(msLeft: number): string {
  const totalSeconds = Math.max(0, Math.ceil(msLeft / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mmss = `${hours > 0 ? pad(minutes) : String(minutes)}:${pad(seconds)}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** The words a screen reader hears for the time left, e.g. "1 hour 2 minutes". */
export function describeTimeLeft(msLeft: number): string {
  const totalMinutes = Math.ceil(Math.max(0, msLeft) / MINUTE_MS);
  if (totalMinutes <= 1) return msLeft <= 0 ? 'no time' : 'less than a minute';
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const parts = [hours > 0 ? plural(hours, 'hour') : '', minutes > 0 ? plural(minutes, 'minute') : ''];
  return parts.filter(Boolean).join(' ');
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
