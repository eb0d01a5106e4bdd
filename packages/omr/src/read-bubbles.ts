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
 * change it, again against what the page shows — the darkness of the student's own marks near it (a light but
 * complete fill on a light hand's page is a fill; a mark far fainter than the student's fills is residue) and the
 * printed ring as the page's bubbles show it (ink running on past the ring is not taken for the ring's blur and taken
 * out of a fill).
 *
 * The hand is read locally (`handsNear`): a student who changes pencil or borrows a pen part way down the page marks
 * the rest of it darker or lighter, and a light pencil's fills below pen fills are fills, not residue of them.
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
  const limit = ringLimit(readings);
  const hands = handsNear(readings);
  return readings.map((reading, index) => {
    const spot = spots[index];
    const page = { hand: hands[index], ringLimit: limit, ...capture };
    return spot && readAgain(reading, page) ? classifyMark(image, spot.x, spot.y, spot.r, page) : reading;
  });
}

/** What a page's first readings show of it, the student's hand taken over the whole page (where bubbles have no places). */
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

/** Covering marks on each side of a bubble, in the sheet's order, that say how dark the student's hand is there. */
const HAND_NEIGHBOURS = 4;

/**
 * The hand near each marked bubble (undefined for bare bubbles, and everywhere on a page with too few covering marks):
 * `handDarkness` of the `HAND_NEIGHBOURS` covering marks before it in the sheet's order and of as many after it, the
 * lighter of the two. On a page marked with one pen or pencil this is the page's hand. A student who changes tools
 * part way down marks the rest darker or lighter, and a mark just past the change is read against the marks of its
 * own side: a light pencil's fills below pen fills are fills, not residue of them. Residue among fills has fills on
 * both sides, so it is still read against the student's fills.
 *
 * `readings` are in the sheet's order (question by question), the order a student marks in.
 *
 * @example
 * handsNear(readings); // pen fills above, light HB fills below: 0.85 … 0.85, 0.29 … 0.29
 */
export function handsNear(readings: readonly MarkReading[]): readonly (number | undefined)[] {
  const covering = readings.flatMap((reading, index) => (isCovering(reading) ? [index] : []));
  if (covering.length < HAND_SAMPLE) return readings.map(() => undefined);
  const whole = handDarkness(readings);
  const typical = (index: number) => readings[index]?.features.typical ?? 0;
  return readings.map((reading, index) => {
    if (reading.kind === 'empty') return undefined;
    const before = covering.filter((other) => other < index).slice(-HAND_NEIGHBOURS);
    const after = covering.filter((other) => other > index).slice(0, HAND_NEIGHBOURS);
    const sides = [before, after].filter((side) => side.length >= HAND_NEIGHBOURS - 1);
    if (sides.length === 0) return whole;
    return Math.min(...sides.map((side) => upperQuartile(side.map(typical))));
  });
}

/** The upper quartile of a few values: the darkness most of a hand's marks reach, residue among them left out. */
function upperQuartile(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.75)] ?? 0;
}

/** A mark inking most of the disc: a fill or a partial fill, whose darkness is the hand's. */
const isCovering = (reading: MarkReading) => reading.kind !== 'empty' && reading.features.lightCoverage >= 0.6;

/**
 * The typical darkness of the page's covering marks (fills and partial fills: ink over most of the disc): the upper
 * quartile, so that residue, itself covering but faint, does not pull it down. Undefined on a page with too few.
 *
 * @example
 * handDarkness(readings); // 0.31 on a sheet filled in light HB pencil
 */
export function handDarkness(readings: readonly MarkReading[]): number | undefined {
  const covering = readings.filter(isCovering).map((reading) => reading.features.typical);
  if (covering.length < HAND_SAMPLE) return undefined;
  return upperQuartile(covering);
}
