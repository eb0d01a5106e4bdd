import { classifyMark, type MarkReading, type PageSight } from './classify-mark.js';
import type { GreyImage } from './grey-image.js';
import { exceedsRingLimit, ringLimit } from './ring-limit.js';

/** A bubble on the page image: centre and radius in pixels. */
export interface BubbleSpot {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

/** Covering marks needed on a page before their darkness says anything about the hand. */
const HAND_SAMPLE = 4;

/**
 * Reads every bubble of a page as a person reads a sheet: each on its own first, then, where the rest of the page can
 * change it, again against what the page shows — the darkness of the student's own marks (a light but complete fill
 * on a light hand's page is a fill; a mark far fainter than the student's fills is residue) and the printed ring as
 * the page's bubbles show it (ink running on past the ring is not taken for the ring's blur and taken out of a fill).
 *
 * `oneBit` is whether the page was captured one bit a pixel (`isOneBit`), measured once per page by the caller, which
 * needs it for the page's rules as well.
 *
 * @example
 * const readings = readBubbles(image, page.bubbles.map((b) => project(homography, b)), isOneBit(image));
 */
export function readBubbles(image: GreyImage, spots: readonly BubbleSpot[], oneBit: boolean): MarkReading[] {
  const capture = { oneBit };
  const readings = spots.map((spot) => classifyMark(image, spot.x, spot.y, spot.r, capture));
  const page = { ...pageSight(readings), ...capture };
  return readings.map((reading, index) => {
    const spot = spots[index];
    return spot && readAgain(reading, page) ? classifyMark(image, spot.x, spot.y, spot.r, page) : reading;
  });
}

/** What a page's first readings show of it: the student's hand and the printed ring, to read marks against. */
export function pageSight(readings: readonly MarkReading[]): PageSight {
  return { hand: handDarkness(readings), ringLimit: ringLimit(readings) };
}

/**
 * Whether what the page shows can change a bubble's reading: on a page of light marks every mark; else a mark much
 * fainter than the student's own (residue), or one with ink past the printed ring.
 */
export function readAgain(reading: MarkReading, page: PageSight): boolean {
  if (reading.kind === 'empty') return false;
  const { hand, ringLimit: limit } = page;
  if (hand !== undefined && (hand < USUAL_HAND || reading.features.typical < FAINT_FOR_HAND * hand)) return true;
  return exceedsRingLimit(reading.ringProfile, limit);
}

/** A mark fainter than this share of the page's hand may be residue, read against the hand. */
const FAINT_FOR_HAND = 0.7;

/** A hand lighter than a usual pencil: every mark on its page is read against it. */
const USUAL_HAND = 0.55;

/**
 * The typical darkness of the page's covering marks (fills and partial fills: ink over most of the disc): the upper
 * quartile, so that residue, itself covering but faint, does not pull it down. Undefined on a page with too few.
 *
 * @example
 * handDarkness(readings); // 0.31 on a sheet filled in light HB pencil
 */
export function handDarkness(readings: readonly MarkReading[]): number | undefined {
  const covering = readings
    .filter((reading) => reading.kind !== 'empty' && reading.features.lightCoverage >= 0.6)
    .map((reading) => reading.features.typical)
    .sort((a, b) => a - b);
  if (covering.length < HAND_SAMPLE) return undefined;
  return covering[Math.floor(covering.length * 0.75)];
}
