import type { Circle } from '@examforge/core';
import { fitAffine, fitSimilarity, type Correspondence } from './fit-transforms.js';
import { localScale } from './geometry.js';
import { fitHomography, project, type Homography, type Point } from './homography.js';

/** A registration the corner discs allow: sheet points to pixels, and the discs it was fitted to. */
export interface CornerFit {
  readonly homography: Homography;
  /**
   * Four discs that agree with each other (as on every undamaged page): used as they are. Any other fit is
   * provisional until the page's printed features are found where it puts them.
   */
  readonly trusted: boolean;
  readonly discs: readonly Correspondence[];
}

/**
 * Four discs agree when the fourth lies where the other three put it, within this many points (at 200 dpi about
 * 3 px; on the degraded survey's scans the fourth disc lies within 0.2 pt). A disc further out is taken
 * for something else (a smudge, a filled bubble) or the page is bent; either way the fit is checked, not trusted.
 */
const DISC_AGREEMENT = 1;

/**
 * A page lies flat on a scanner: three discs give an affine map, and its two axes come out equally stretched and
 * square to each other within this share (a disc found in the wrong place, a row's pitch off, skews them by more).
 */
const FLATBED_SKEW = 0.02;

/**
 * A fit's scale, against the image's width over the page's, lies in this range: the scan bed may be larger than the
 * page (a page scanned with a margin comes out smaller) or the frame may cut the page a little.
 */
const SCALE_RANGE = [0.7, 1.15] as const;

/** A page lies on the scanner turned by less than this (radians; the disc search allows about 6°). */
const MAX_TURN = (15 * Math.PI) / 180;

/**
 * For discs found anywhere in a photo (`findSolidDiscs`): the page may be turned further, and three discs of a page
 * seen in perspective make a skewed affine map (provisional all the same: the printed bubbles confirm it).
 */
export interface PhotoLimits {
  readonly maxTurn: number;
  readonly maxSkew: number;
}

/**
 * The registrations the corner discs found allow, most likely first: four agreeing discs give one trusted
 * homography. Otherwise every three discs whose affine map a flatbed scan could produce, then (four discs that do not
 * agree, e.g. a photographed page) the homography of all four, then each two discs with the turn, even scale and
 * shift they fix (when the other discs are lost, or one of them is something else, such as a filled bubble near a
 * cut corner). Fits that turn the page by more than 15° or whose scale is far from `pixelsPerPoint` (the image's
 * width over the page's), both measured amid the discs, are left out; `photographed` discs (found anywhere in a photo,
 * `pixelsPerPoint` their own scale) allow a further turn and a skewed three-disc map. Empty when fewer than two discs
 * were found.
 *
 * @example
 * const fits = cornerFits(page.cornerMarks, findCornerDiscs(image, page.cornerMarks, width, threshold), 200 / 72);
 */
export function cornerFits(
  expected: readonly Circle[],
  found: readonly (Point | undefined)[],
  pixelsPerPoint: number,
  photographed?: PhotoLimits,
): CornerFit[] {
  const maxTurn = photographed?.maxTurn ?? MAX_TURN;
  const discs = expected.flatMap((mark, index) => {
    const image = found[index];
    return image ? [{ sheet: mark, image, weight: 1 }] : [];
  });
  if (discs.length === 4 && discsAgree(discs)) return [fourDiscFit(discs, true)];
  // Four discs that an affine fit cannot reconcile are most often a page seen in perspective (a phone photo), which
  // the homography through all four describes exactly; three-disc fits follow, for a disc found in the wrong place.
  const fits = [
    ...(discs.length === 4 ? [fourDiscFit(discs, false)] : []),
    ...threeDiscFits(discs, photographed?.maxSkew ?? FLATBED_SKEW),
    ...discs.flatMap((first, i) => discs.slice(i + 1).flatMap((second) => twoDiscFit(first, second))),
  ];
  return fits.filter((fit) => {
    // Measured amid the discs: a homography's stretch and turn at the sheet's origin are a perspective's, not the page's.
    const centre = {
      x: fit.discs.reduce((sum, disc) => sum + disc.sheet.x, 0) / fit.discs.length,
      y: fit.discs.reduce((sum, disc) => sum + disc.sheet.y, 0) / fit.discs.length,
    };
    const [here, across] = [project(fit.homography, centre), project(fit.homography, { ...centre, x: centre.x + 1 })];
    const ratio = localScale(fit.homography, centre) / pixelsPerPoint;
    const turn = Math.atan2(across.y - here.y, across.x - here.x);
    return ratio >= SCALE_RANGE[0] && ratio <= SCALE_RANGE[1] && Math.abs(turn) <= maxTurn;
  });
}

function discsAgree(discs: readonly Correspondence[]): boolean {
  const h = fitAffine(
    discs.slice(0, 3).map((disc) => disc.sheet),
    discs.slice(0, 3).map((disc) => disc.image),
  );
  const fourth = discs[3];
  if (!h || !fourth) return false;
  const predicted = project(h, fourth.sheet);
  const scale = meanScale(h);
  return Math.hypot(predicted.x - fourth.image.x, predicted.y - fourth.image.y) <= DISC_AGREEMENT * scale;
}

function fourDiscFit(discs: readonly Correspondence[], trusted: boolean): CornerFit {
  const homography = fitHomography(
    discs.map((disc) => disc.sheet),
    discs.map((disc) => disc.image),
  );
  return { homography, trusted, discs };
}

/** Each three of the discs, as an affine map, kept when skewed at most `maxSkew`, least skewed first. */
function threeDiscFits(discs: readonly Correspondence[], maxSkew: number): CornerFit[] {
  const triples = discs.length === 3 ? [discs] : discs.map((_, left) => discs.filter((__, i) => i !== left));
  return triples
    .flatMap((three) => {
      const homography = fitAffine(
        three.map((disc) => disc.sheet),
        three.map((disc) => disc.image),
      );
      const skew = homography ? affineSkew(homography) : Infinity;
      return homography && skew <= maxSkew ? [{ fit: { homography, trusted: false, discs: three }, skew }] : [];
    })
    .sort((a, b) => a.skew - b.skew)
    .map(({ fit }) => fit);
}

/** How far an affine map is from a turn and an even scale: unequal stretch of its axes, or their angle off square. */
function affineSkew(h: Homography): number {
  const [a = 0, b = 0, , d = 0, e = 0] = h;
  const sx = Math.hypot(a, d);
  const sy = Math.hypot(b, e);
  if (sx === 0 || sy === 0) return Infinity;
  return Math.max(Math.abs(sx / sy - 1), Math.abs((a * b + d * e) / (sx * sy)));
}

/** Two discs fix a turn, an even scale and a shift (a page on a flatbed scanner): as an affine homography. */
function twoDiscFit(p: Correspondence, q: Correspondence): CornerFit[] {
  const homography = fitSimilarity([p.sheet, q.sheet], [p.image, q.image]);
  return homography ? [{ homography, trusted: false, discs: [p, q] }] : [];
}

/** Pixels per point of an affine map (the mean stretch of its axes; near enough for a homography's). */
function meanScale(h: Homography): number {
  const [a = 0, b = 0, , d = 0, e = 0] = h;
  return (Math.hypot(a, d) + Math.hypot(b, e)) / 2;
}
