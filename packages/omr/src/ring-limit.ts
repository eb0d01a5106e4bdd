import type { MarkReading } from './classify-mark.js';
import type { RingProfile } from './mark-features.js';

/** Bubbles needed on a page before their rings say what the page's printed ring looks like. */
const RING_SAMPLE = 8;
/**
 * The page's ring is taken at this quantile of its bubbles' rings, each quarter and radius apart: low enough that the
 * ink running past the ring on a sheet where every bubble is filled does not count, as most bubbles are left empty.
 */
const QUANTILE = 0.25;
/**
 * How far the ring round one bubble may exceed the page's typical ring and still be the ring: the print and the scan
 * vary a little over a page (a phone photo's focus, a feeder's stretch), ink past the ring is far darker.
 */
const SPREAD = 1.25;
const SLACK = 0.08;

/**
 * The most the printed ring can be round any bubble of the page: the ring as the page's bubbles show it (a low
 * quantile at each quarter and radius), with room for the print and scan to vary. Undefined with too few bubbles.
 *
 * @example
 * const limit = ringLimit(readings); // then classifyMark(image, x, y, r, { ringLimit: limit })
 */
export function ringLimit(readings: readonly MarkReading[]): RingProfile | undefined {
  const first = readings[0];
  if (!first || readings.length < RING_SAMPLE) return undefined;
  const limit = new Float64Array(first.ringProfile.length);
  const values = new Float64Array(readings.length);
  for (let k = 0; k < limit.length; k += 1) {
    readings.forEach((reading, index) => (values[index] = reading.ringProfile[k] ?? 0));
    values.sort();
    limit[k] = (values[Math.floor(values.length * QUANTILE)] ?? 0) * SPREAD + SLACK;
  }
  return limit;
}

/** Whether the ring measured round a bubble is darker than the page's ring can be: ink runs on past it. */
export function exceedsRingLimit(profile: RingProfile, limit: RingProfile | undefined): boolean {
  if (!limit) return false;
  for (let k = 0; k < profile.length; k += 1) if ((profile[k] ?? 0) > (limit[k] ?? 0)) return true;
  return false;
}
