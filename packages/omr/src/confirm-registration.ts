import type { Circle, SheetPage } from '@examforge/core';
import type { CornerFit } from './corner-fits.js';
import { findRing } from './find-ring.js';
import { fitHomographyLeastSquares, type Correspondence } from './fit-transforms.js';
import { localScale } from './geometry.js';
import type { GreyImage } from './grey-image.js';
import { project, type Homography, type Point } from './homography.js';
import type { PageReading } from './page-identity.js';

/** Searches for each ring within this share of its radius of where the fit puts it: first wide, then close. */
const SEARCHES = [0.8, 0.35] as const;

/**
 * At least this share of the page's rings must be found, and lie on the refined fit: a fit that is wrong somewhere
 * (a disc in the wrong place) puts a whole region of rings away from their search windows.
 */
const FOUND_SHARE = 0.8;

/** A ring lies on the fit when its centre is within this share of its radius of where the fit puts it. */
const RING_RESIDUAL = 0.2;

/**
 * Every corner disc the fit used must lie within this many points (half a bubble's radius) of where the refined fit
 * puts it: a fit that the rings pulled a row or a column away from its discs is a lattice mistaken for itself.
 */
const DISC_RESIDUAL = 3;

/** Below this many rings a page's fit is only checked against them, not refitted (too few to fix a homography). */
const REFIT_FROM = 8;

/**
 * The registration to read a page with. Four agreeing corner discs are used as they are; a provisional fit (fewer
 * discs, or four that disagree) must find the page's printed bubble rings (questions and student-number grid) where
 * it puts them: each is searched for near its projection, a homography is fitted to the rings found and the discs,
 * and the fit is accepted only when most rings and every disc lie on it. The reading's other fits are tried in turn;
 * undefined when none holds, so that a page is never read through a wrong registration. A page without bubbles
 * (free response) keeps the fit its QR code's finder patterns confirmed.
 *
 * @example
 * const homography = confirmRegistration(reading.image, reading, layout.pages[0]);
 */
export function confirmRegistration(
  image: GreyImage,
  reading: Pick<PageReading, 'homography' | 'registration' | 'alternatives' | 'discs'>,
  page: SheetPage,
): Homography | undefined {
  if (reading.registration === 'corners') return reading.homography;
  const rings: Circle[] = [...page.bubbles, ...page.digitBubbles];
  if (rings.length === 0) return reading.homography;
  const fits: Pick<CornerFit, 'homography' | 'discs'>[] = [reading, ...reading.alternatives];
  for (const fit of fits) {
    const confirmed = fitToRings(image, fit, rings);
    if (confirmed) return confirmed;
  }
  return undefined;
}

function fitToRings(
  image: GreyImage,
  fit: Pick<CornerFit, 'homography' | 'discs'>,
  rings: readonly Circle[],
): Homography | undefined {
  let homography = fit.homography;
  let found: RingPair[] = [];
  for (const search of SEARCHES) {
    found = locateRings(image, homography, rings, search);
    if (found.length < FOUND_SHARE * rings.length) return undefined;
    if (found.length < REFIT_FROM) continue;
    const refitted = refit(found, fit.discs);
    if (!refitted) return undefined;
    homography = refitted;
  }
  const onFit = found.filter((pair) => liesOn(homography, pair, RING_RESIDUAL * pair.r));
  const discsOnFit = fit.discs.every((disc) => liesOn(homography, disc, DISC_RESIDUAL));
  return onFit.length >= FOUND_SHARE * rings.length && discsOnFit ? homography : undefined;
}

type RingPair = Correspondence & { readonly r: number };

/** The rings found near where the homography puts them, with their radius in points. */
function locateRings(image: GreyImage, homography: Homography, rings: readonly Circle[], search: number): RingPair[] {
  return rings.flatMap((ring) => {
    const r = ring.r * localScale(homography, ring);
    const found = findRing(image, project(homography, ring), r, search * r);
    return found ? [{ sheet: ring, image: found, weight: 1, r: ring.r }] : [];
  });
}

/** A homography through the rings and discs, fitted again without the rings that lie off the first fit. */
function refit(rings: readonly RingPair[], discs: readonly Correspondence[]): Homography | undefined {
  const first = fitHomographyLeastSquares([...rings, ...discs]);
  if (!first) return undefined;
  const kept = rings.filter((pair) => liesOn(first, pair, RING_RESIDUAL * pair.r));
  return fitHomographyLeastSquares([...kept, ...discs]);
}

/** Whether a found point lies within `tolerance` points (at the homography's local scale) of where it projects. */
function liesOn(homography: Homography, pair: Correspondence, tolerance: number): boolean {
  const projected: Point = project(homography, pair.sheet);
  const distance = Math.hypot(projected.x - pair.image.x, projected.y - pair.image.y);
  return distance <= tolerance * localScale(homography, pair.sheet);
}
