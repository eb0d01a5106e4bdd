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
 * Reads every bubble of a page as a person reads a sheet: each on its own first, then the marked ones again against
 * what the rest of the page shows — when the page's marks are light (a light pencil), against the darkness of the
 * student's own marks, so that a light but complete fill is a fill and not residue; and where ink runs on past the
 * printed ring, against the ring as the page's empty bubbles show it, so that the ink past the ring is not taken for
 * the ring's blur and taken out of the fill.
 *
 * @example
 * const readings = readBubbles(image, page.bubbles.map((b) => project(homography, b)));
 */
export function readBubbles(image: GreyImage, spots: readonly BubbleSpot[]): MarkReading[] {
  const readings = spots.map((spot) => classifyMark(image, spot.x, spot.y, spot.r));
  const page: PageSight = { hand: lightHand(readings), ringLimit: ringLimit(readings) };
  return readings.map((reading, index) => {
    const spot = spots[index];
    const again =
      reading.kind !== 'empty' && (page.hand !== undefined || exceedsRingLimit(reading.ringProfile, page.ringLimit));
    return spot && again ? classifyMark(image, spot.x, spot.y, spot.r, page) : reading;
  });
}

/** Marks at least this dark are read as they are: only a lighter hand than a usual pencil changes a reading. */
const USUAL_HAND = 0.55;

/**
 * The darkness of a light hand's covering marks, to judge its faint marks against; undefined when the page's marks
 * are as dark as usual (or too few).
 *
 * @example
 * const hand = lightHand(readings); // 0.31, or undefined
 */
export function lightHand(readings: readonly MarkReading[]): number | undefined {
  const hand = handDarkness(readings);
  return hand !== undefined && hand < USUAL_HAND ? hand : undefined;
}

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
