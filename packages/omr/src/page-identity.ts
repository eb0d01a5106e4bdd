import {
  layoutAnswerSheet,
  PAGE_DIMENSIONS,
  type Circle,
  type Exam,
  type PageSize,
  type SheetIdentity,
} from '@examforge/core';
import { findCornerDiscs } from './corner-marks.js';
import { cornerFits, type CornerFit } from './corner-fits.js';
import type { DiscAssignment } from './discs-anywhere.js';
import type { Correspondence } from './fit-transforms.js';
import { otsuThreshold, type GreyImage } from './grey-image.js';
import type { Homography, Point } from './homography.js';
import { codeFits } from './code-fits.js';
import { PageCodes, type CodeName, type CodeSearches } from './page-codes.js';

/** What a scanned page turned out to be: its identity from the QR code, and how to map sheet points onto it. */
export interface PageReading {
  readonly identity: SheetIdentity;
  readonly homography: Homography;
  /**
   * `corners`: four corner discs that agree, used as they are. `provisional`: fitted to fewer discs (or to four that
   * disagree) and checked so far only by the QR code's finder patterns; `confirmRegistration` checks it against the
   * printed bubbles once the page's layout is known.
   */
  readonly registration: 'corners' | 'provisional';
  /** The other fits the corner discs allowed, most likely first (tried when the bubbles refuse `homography`). */
  readonly alternatives: readonly CornerFit[];
  /** The discs `homography` was fitted to (sheet points and pixels). */
  readonly discs: readonly Correspondence[];
  /** Which code gave the identity: the main one, or the backup when the main one is unreadable. */
  readonly code: 'main' | 'backup';
  /** The paper size whose frame (corner discs, codes) the page was registered with. */
  readonly pageSize: PageSize;
  /** The page was fed upside down; `image` is the page turned the right way up. */
  readonly upsideDown: boolean;
  readonly image: GreyImage;
}

/** How far a page whose discs were found anywhere in a photo may be turned (radians) and skewed by perspective. */
const PHOTOGRAPHED = { maxTurn: (40 * Math.PI) / 180, maxSkew: 0.2 };

/** Why a page with ink on it could not be identified. */
export type UnidentifiedReason = 'no-corner-marks' | 'code-unreadable';

/** The corner marks and QR code sit in the same place on every page of a paper size: the frame needs no identity. */
function layoutFrame(pageSize: PageSize) {
  const empty: Exam = { id: 'frame', title: '', duration: 1, sections: [] };
  const page = layoutAnswerSheet(
    empty,
    { seed: '', questionOrder: {}, optionOrder: {} },
    { pageSize, studentNumberDigits: 8 },
  ).pages[0];
  if (!page) throw new Error('no frame');
  return { page, ...PAGE_DIMENSIONS[pageSize] };
}

/** Laid out once per paper size, not for every page read. */
const FRAMES: Readonly<Record<PageSize, ReturnType<typeof layoutFrame>>> = {
  A4: layoutFrame('A4'),
  Letter: layoutFrame('Letter'),
};

/** The corner discs of every page of `pageSize` (top-left, top-right, bottom-left, bottom-right). */
export function frameCorners(pageSize: PageSize): readonly Circle[] {
  return FRAMES[pageSize].page.cornerMarks;
}

/**
 * Registers a scanned page by its corner discs and reads its QR code: the page's exam, version, variant, student and
 * page number. The paper size is guessed from the aspect ratio. Undefined when no corner marks or no readable QR code
 * are found (a blank page, a foreign page, or one that needs a person's look).
 *
 * @example
 * const reading = readPageIdentity(image); // reading?.identity.page === 2
 */
export function readPageIdentity(image: GreyImage): PageReading | undefined {
  const result = identifyPage(image);
  return 'reason' in result ? undefined : result;
}

/**
 * As `readPageIdentity`, saying why a page could not be identified (and registered with `pageSize`'s frame when given,
 * else the size the image's shape suggests first): three corner discs or more found, but neither
 * code readable through any fit they allow (`code-unreadable`), or fewer found either way up (`no-corner-marks`).
 * Three discs are enough (an affine fit), and two with a code whose finder patterns confirm them; the backup code is
 * read when the main one is not.
 *
 * @example
 * const result = identifyPage(image);
 * if ('reason' in result) console.log(result.reason); // 'code-unreadable'
 */
export function identifyPage(
  image: GreyImage,
  pageSize?: PageSize,
  found?: DiscAssignment,
): PageReading | { readonly reason: UnidentifiedReason } {
  const frame = FRAMES[pageSize ?? 'A4'];
  if (found) return unturned(identifyUpright(image, false, found.discs, pageSize, found.pixelsPerPoint));
  const discs = findCornerDiscs(image, frame.page.cornerMarks, frame.width, otsuThreshold(image));
  const upright = identifyUpright(image, false, discs, pageSize);
  // A code found where the upright frame puts it says which way up the page is: it is not turned.
  if (!('reason' in upright)) return upright;
  if (upright.sawCode) return { reason: upright.reason };
  const turnedImage = rotateHalfTurn(image);
  const turned = identifyUpright(turnedImage, true, discsTurned(discs, turnedImage), pageSize);
  if (!('reason' in turned)) return turned;
  return { reason: upright.reason === 'code-unreadable' ? upright.reason : turned.reason };
}

/** Discs found anywhere in a photo were assigned to corners the right way up: the page is not tried turned. */
function unturned(reading: PageReading | Unidentified): PageReading | { readonly reason: UnidentifiedReason } {
  return 'reason' in reading ? { reason: reading.reason } : reading;
}

/** Why a page was not identified, and whether either of its codes was read all the same. */
interface Unidentified {
  readonly reason: UnidentifiedReason;
  readonly sawCode: boolean;
}

/** The same discs in the page turned by 180°: each corner's disc is the opposite corner's, its position turned. */
function discsTurned(discs: readonly (Point | undefined)[], turned: GreyImage): (Point | undefined)[] {
  return [...discs].reverse().map((disc) => disc && { x: turned.width - 1 - disc.x, y: turned.height - 1 - disc.y });
}

/** The page turned by 180°: a sheet fed upside down reads the right way up. */
export function rotateHalfTurn(image: GreyImage): GreyImage {
  return { width: image.width, height: image.height, pixels: Uint8Array.from(image.pixels).reverse() };
}

/**
 * Tries the paper size the corner discs' spacing suggests (or, with fewer than three discs, the image's shape), then
 * the other. A photo or a scan bed larger than the page has the shape of neither, and a fax's has the shape of the
 * other size. The discs sit at the same inset from the edges on both sizes, so those found once serve both frames.
 */
function identifyUpright(
  image: GreyImage,
  upsideDown: boolean,
  discs: readonly (Point | undefined)[],
  pageSize?: PageSize,
  photographedAt?: number,
): PageReading | Unidentified {
  if (pageSize) return identifyAs(image, upsideDown, pageSize, discs, new Map(), photographedAt);
  const likely = sizeFromDiscs(discs) ?? sizeFromShape(image);
  const searches: CodeSearches = new Map();
  const first = identifyAs(image, upsideDown, likely, discs, searches, photographedAt);
  // Four discs that an affine map cannot reconcile under one frame cannot under the other either (the frames differ
  // by a stretch), so the other size could only tie with a reading through four discs: it is not tried.
  if (!('reason' in first) && (first.registration === 'corners' || first.discs.length === 4)) return first;
  const other = likely === 'A4' ? 'Letter' : 'A4';
  const second = identifyAs(image, upsideDown, other, discs, searches, photographedAt);
  if ('reason' in second) return 'reason' in first && first.reason !== 'code-unreadable' ? second : first;
  if ('reason' in first) return second;
  // Both sizes read a code (the other size's frame can land on the same code): the fit through more discs is the
  // page's own.
  return second.registration === 'corners' || second.discs.length > first.discs.length ? second : first;
}

/**
 * The size whose discs' spacing, down the page over across it, is nearer the found discs' (A4 1.45, Letter 1.32; a
 * fax's halved lines, a phone's tilt of a few degrees change it by a few per cent). Undefined without a side of each.
 */
function sizeFromDiscs(discs: readonly (Point | undefined)[]): PageSize | undefined {
  const [topLeft, topRight, bottomLeft, bottomRight] = discs;
  const across = meanLength([topLeft, topRight], [bottomLeft, bottomRight]);
  const down = meanLength([topLeft, bottomLeft], [topRight, bottomRight]);
  if (across === undefined || down === undefined) return undefined;
  const ratio = (size: PageSize) => {
    const [first, second, third] = FRAMES[size].page.cornerMarks;
    return first && second && third ? (third.y - first.y) / (second.x - first.x) : 1;
  };
  const distance = (size: PageSize) => Math.abs(Math.log(down / across / ratio(size)));
  return distance('A4') <= distance('Letter') ? 'A4' : 'Letter';
}

/** The mean length of those of the sides (pairs of discs) whose both ends were found. */
function meanLength(...sides: [Point | undefined, Point | undefined][]): number | undefined {
  const lengths = sides.flatMap(([p, q]) => (p && q ? [Math.hypot(p.x - q.x, p.y - q.y)] : []));
  return lengths.length === 0 ? undefined : lengths.reduce((sum, length) => sum + length, 0) / lengths.length;
}

function sizeFromShape(image: GreyImage): PageSize {
  const aspect = image.height / image.width;
  return Math.abs(aspect - 841.89 / 595.28) < Math.abs(aspect - 792 / 612) ? 'A4' : 'Letter';
}

/**
 * `photographedAt`: the page's pixels per point when its discs were found anywhere in a photo (`findSolidDiscs`), whose
 * scale is the discs' and not the image's, and whose page may be turned further and seen in perspective.
 */
function identifyAs(
  image: GreyImage,
  upsideDown: boolean,
  pageSize: PageSize,
  discs: readonly (Point | undefined)[],
  searches: CodeSearches = new Map(),
  photographedAt?: number,
): PageReading | Unidentified {
  const frame = FRAMES[pageSize];
  const fits =
    photographedAt === undefined
      ? cornerFits(frame.page.cornerMarks, discs, image.width / frame.width)
      : cornerFits(frame.page.cornerMarks, discs, photographedAt, PHOTOGRAPHED);
  const codes = new PageCodes(image, frame.page, frame, searches);
  const reading = (fit: CornerFit, alternatives: readonly CornerFit[], code: CodeName, identity: SheetIdentity) => ({
    identity,
    homography: fit.homography,
    registration: fit.trusted ? ('corners' as const) : ('provisional' as const),
    alternatives,
    discs: fit.discs,
    code,
    pageSize,
    upsideDown,
    image,
  });
  for (const [index, fit] of fits.entries()) {
    const read = codes.readThrough(fit);
    if (read) return reading(fit, fits.slice(index + 1), read.code, read.identity);
  }
  // The discs did not register the page: its codes, found in a wide search, may (with the discs that were found).
  const located = discCorrespondences(frame.page.cornerMarks, discs);
  const decoded = codes.searched();
  const [first] = decoded;
  const byCodes = codeFits(
    decoded.map((code) => code.reading),
    located,
  );
  const [best, ...others] = byCodes;
  if (first && best) return reading(best, others, first.code, first.identity);
  const enough = discs.filter((disc) => disc !== undefined).length >= 3;
  return { reason: enough ? 'code-unreadable' : 'no-corner-marks', sawCode: decoded.length > 0 };
}

function discCorrespondences(expected: readonly Point[], found: readonly (Point | undefined)[]): Correspondence[] {
  return expected.flatMap((sheet, index) => {
    const image = found[index];
    return image ? [{ sheet: { x: sheet.x, y: sheet.y }, image, weight: 1 }] : [];
  });
}
