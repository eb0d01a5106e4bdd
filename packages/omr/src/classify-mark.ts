import { sampleLattice } from './bubble-lattice.js';
import type { GreyImage } from './grey-image.js';
import { measureShape, measureTone, NO_SHAPE, type MarkShape, type MarkTone } from './mark-features.js';

/** What is in one bubble. Only `filled` is an answer; the others are kept and reported as what they are. */
export type MarkKind = 'filled' | 'partial' | 'tick' | 'cross' | 'empty';

export interface MarkReading {
  readonly kind: MarkKind;
  /** 0–1: how far the reading is from the nearest boundary between kinds; below 0.5 it goes to review. */
  readonly confidence: number;
  readonly features: MarkFeatures;
  /**
   * Set on an empty reading whose bubble is faintly but evenly darker than clean paper, as an erased fill leaves it:
   * worth a person's look when the question has another mark.
   */
  readonly possibleErasure?: true;
}

/** Measurements of a bubble, in darkness of the mark alone (0 paper … 1 black; the printed ring taken out) and radii. */
export type MarkFeatures = MarkTone & MarkShape;

/**
 * Faintest mark that is a mark, as a share of the printed ring's darkness on the same scan: erasure residue and the
 * ring's blur stay below it, light pencil above.
 */
const INK_MIN = 0.41;
/** A complete fill is at least this even. */
const EVEN_FILL = 0.45;
/** A fill is at least this dark on average: light pencil is 0.35, erasure residue at most 0.2. */
const FILL_MIN = 0.3;
/** A cross runs out about this far (radii) along its two shortest arms together at the least; a tick's two bare ways, less. */
const CROSS_ARMS = 0.4;

/**
 * Measures a bubble at (x, y) with radius r (pixels) and says what is in it. The rule of the source exam is that only
 * a completely filled bubble is an answer, and no threshold on darkness alone can tell a light complete fill from a
 * dark partial one; so the shape of the ink decides, measured inside the printed ring with the ring's own blur taken
 * out: a fill darkens every part of the bubble evenly, a partial fill is solid ink or ink hugging the rim that leaves
 * part bare, ticks and crosses are thin straight strokes, and a cross's two strokes run out four ways from where they
 * cross where a tick's two meet at a vertex.
 *
 * @example
 * const reading = classifyMark(scan, centre.x, centre.y, radiusInPixels);
 * if (reading.kind === 'filled' && reading.confidence >= 0.5) answers.push(option);
 */
export function classifyMark(image: GreyImage, x: number, y: number, r: number): MarkReading {
  const mark = sampleLattice(image, x, y, r).darkness;
  const { level, ...tone } = measureTone(mark);
  // Ink is measured against the printed ring as scanned: a black-and-white scan blackens both ink and the ring's
  // edge, a soft grey scan lightens both. Most bubbles of a sheet are empty, and their shape need not be measured.
  const contrast = tone.ink / Math.max(tone.ring, 0.3);
  if (contrast < INK_MIN) {
    const features = { ...tone, ...NO_SHAPE };
    const erased = tone.mean >= 0.035 ? { possibleErasure: true as const } : {};
    return { kind: 'empty', confidence: ramp(contrast, INK_MIN + 0.03, INK_MIN - 0.03), features, ...erased };
  }
  const features = { ...tone, ...measureShape(mark, tone.typical, level) };
  return { ...decide(features, ramp(contrast, INK_MIN - 0.03, INK_MIN + 0.03)), features };
}

const clamp01 = (value: number) => Math.max(0, Math.min(1, value));
/** 0 at `zeroAt`, 1 at `oneAt`: a reading halfway between is at the review boundary (0.5). */
const ramp = (value: number, zeroAt: number, oneAt: number) => clamp01((value - zeroAt) / (oneAt - zeroAt));

/** Confidence in the sign of a score: 0.5 when it is `band` from 0 (the boundary), 1 at twice that. */
const margin = (score: number, band: number) => ramp(Math.abs(score), 0, 2 * band);

/** Names an inked mark; `inked` is the confidence that there is ink at all. */
function decide(f: MarkFeatures, inked: number): { kind: MarkKind; confidence: number } {
  // Grainy pencil thresholded to black and white leaves specks in a fill: a fill inking the circle at 0.8 r all round
  // is allowed a little less evenness inside.
  const evenness = f.evenness + 0.5 * Math.max(0, f.outerEvenness - 0.36);
  // The ring's share taken out at 0.8 r is its blur mirrored from 1.2 r, which on a black-and-white scan (a ring near
  // black) takes most of a fill's ink there too: a fill on such a scan is allowed less ink at 0.8 r.
  const blackRing = ramp(f.ring, 0.75, 0.85);
  const fill = Math.min(
    ramp(evenness, EVEN_FILL - 0.1, EVEN_FILL + 0.1),
    ramp(f.typical, FILL_MIN - 0.02, FILL_MIN + 0.04),
    ramp(f.coverage, 0.9, 0.97),
    ramp(f.outerEvenness, 0.28 - 0.16 * blackRing, 0.44 - 0.16 * blackRing),
  );
  if (fill >= 0.5) return { kind: 'filled', confidence: Math.min(inked, fill) };
  const notFill = ramp(fill, 0.5, 0.25);
  // A partial fill is solid ink or ink hugging the rim along a long arc; strokes are thin, with paper either side, and
  // cross the rim briefly. A stroke running along the rim hugs it too, but it is straight and long (a tick's vertex
  // beside the rim), or it inks a long arc at 0.7 r without reaching out to the ring along most of it (a tick's arm
  // lying just inside the rim, which a dark black-and-white scan merges with the thickened ring).
  const solidity = Math.max((f.hugArc - 11.5) / 4, (f.solid - 18.5) / 8, (f.rimArc - 22.5) / 6);
  const longStroke = f.hugArc < 16 && f.solid < 18 && f.rimArc < 22 && f.arms[3] >= 0.9;
  const strokeInsideRim = f.hugArc <= 8 && f.rimArc - f.hugArc >= 8 && f.solid < 24 && f.arms[2] >= 0.4;
  const partial = longStroke || strokeInsideRim ? -1 : solidity - 4 * (f.thin - 0.55);
  // A fill that falls a little short of the ring and a partial fill whose bare part lies along the rim differ only at
  // 0.8 r, which a coarse scan barely resolves: between them, a person decides.
  const bareRim = ramp(f.outerEvenness, 0.32 - 0.06 * blackRing, 0.1 - 0.06 * blackRing);
  // A partial fill leaves one bare region: with at most 8 % of the disc bare, the ink at 0.7 r runs on round two-thirds
  // of the circle or more. Ink broken there into shorter runs with so little bare is a grainy fill that a
  // black-and-white threshold has turned into specks: between the two, a person decides.
  const specks = f.coverage >= 0.92 && f.rimArc <= 30 ? 0.4 : 1;
  if (partial >= 0)
    return { kind: 'partial', confidence: Math.min(inked, notFill, bareRim, specks, margin(partial, 0.75)) };
  const stroke = margin(partial, 0.75);
  // Two strokes crossing run out four ways; a tick's two strokes meet at a vertex, so two of the four are bare, and
  // one of them almost always bare paper all along. A cross usually runs on past the ring in three or four places, a
  // tick in one or two (a long tick arm and the ink beside it can make three).
  const crossing =
    (f.arms[0] + f.arms[1] - CROSS_ARMS) / 0.3 + (f.exitRuns >= 3 ? 0.5 : 0) - (f.arms[0] === 0 ? 0.5 : 0);
  const kind = crossing >= 0 ? 'cross' : 'tick';
  return { kind, confidence: Math.min(inked, notFill, stroke, margin(crossing, 0.25)) };
}
