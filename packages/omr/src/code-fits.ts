import type { CornerFit } from './corner-fits.js';
import { fitHomographyLeastSquares, type Correspondence } from './fit-transforms.js';
import { localScale } from './geometry.js';
import { project, type Homography } from './homography.js';
import type { QrReading } from './qr-code.js';

/**
 * Every point a fit was made from must lie within this many points of where it puts it: the codes' finder patterns
 * are found to about a pixel, the discs to less, so a point further out is not where it was printed (a blob taken
 * for a disc) and the set is not fitted.
 */
const POINT_RESIDUAL = 2;

/** A fit that turns the page by more than this (radians) is not a photo of a page lying on a table held upright. */
const MAX_TURN = (25 * Math.PI) / 180;

/**
 * Registrations from the page's codes, for a page whose corner discs did not register it (corners cut off by the
 * photo's frame or a copier's border, discs too small or too far in for their search, a perspective three discs
 * cannot describe). A decoded code gives three points, its finder patterns as printed and as found; with both codes,
 * or one code and two discs or more, a homography is fitted by least squares to them and every disc found. Each disc
 * is also left out in turn (one may be something else), and fits whose points do not all lie on them are dropped.
 * All are provisional: `confirmRegistration` accepts one only when the printed rings lie on it.
 *
 * @example
 * const fits = codeFits([main.reading, backup.reading], discs); // most points first
 */
export function codeFits(codes: readonly QrReading[], discs: readonly Correspondence[]): CornerFit[] {
  const finders = codes.flatMap((code) =>
    code.printedFinders.flatMap((sheet, index) => {
      const image = code.foundFinders[index];
      return image ? [{ sheet, image, weight: 1 }] : [];
    }),
  );
  const leftOut = discs.length >= 2 ? discs.map((_, left) => discs.filter((__, i) => i !== left)) : [];
  const discSets = [discs, ...leftOut, ...(discs.length === 1 ? [[]] : [])];
  return discSets
    .filter((set) => codes.length >= 2 || (codes.length === 1 && set.length >= 2))
    .flatMap((set) => {
      const points = [...finders, ...set];
      const homography = fitHomographyLeastSquares(points);
      return homography && allOn(homography, points) && upright(homography, points)
        ? [{ homography, trusted: false, discs: points }]
        : [];
    });
}

function allOn(homography: Homography, points: readonly Correspondence[]): boolean {
  return points.every((point) => {
    const projected = project(homography, point.sheet);
    const distance = Math.hypot(projected.x - point.image.x, projected.y - point.image.y);
    return distance <= POINT_RESIDUAL * localScale(homography, point.sheet);
  });
}

/**
 * Across the middle of the points, the page's x axis points rightwards in the image, turned by less than `MAX_TURN`,
 * and its y axis downwards (a page seen from above, not through the paper).
 */
function upright(homography: Homography, points: readonly Correspondence[]): boolean {
  const x = points.reduce((sum, point) => sum + point.sheet.x, 0) / points.length;
  const y = points.reduce((sum, point) => sum + point.sheet.y, 0) / points.length;
  const [centre, right, down] = [
    project(homography, { x, y }),
    project(homography, { x: x + 1, y }),
    project(homography, { x, y: y + 1 }),
  ];
  const [ux, uy, vx, vy] = [right.x - centre.x, right.y - centre.y, down.x - centre.x, down.y - centre.y];
  return Math.abs(Math.atan2(uy, ux)) <= MAX_TURN && ux * vy - uy * vx > 0;
}
