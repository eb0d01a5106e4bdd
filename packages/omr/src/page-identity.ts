import {
  decodeSheetIdentity,
  layoutAnswerSheet,
  PAGE_DIMENSIONS,
  type Exam,
  type PageSize,
  type Rect,
  type SheetIdentity,
  type SheetPage,
} from '@examforge/core';
import { findCornerDiscs } from './corner-marks.js';
import { cornerFits, type CornerFit } from './corner-fits.js';
import type { Correspondence } from './fit-transforms.js';
import { otsuThreshold, type GreyImage } from './grey-image.js';
import { project, type Homography, type Point } from './homography.js';
import { finderOffsetThrough, readQrCode, type QrReading } from './qr-code.js';

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
): PageReading | { readonly reason: UnidentifiedReason } {
  const upright = identifyUpright(image, false, pageSize);
  if (!('reason' in upright)) return upright;
  const turned = identifyUpright(rotateHalfTurn(image), true, pageSize);
  if (!('reason' in turned)) return turned;
  return { reason: upright.reason === 'code-unreadable' ? upright.reason : turned.reason };
}

/** The page turned by 180°: a sheet fed upside down reads the right way up. */
export function rotateHalfTurn(image: GreyImage): GreyImage {
  return { width: image.width, height: image.height, pixels: Uint8Array.from(image.pixels).reverse() };
}

/**
 * A code read through a provisional fit must have its finder patterns within this many points of where they were
 * printed (under two modules of the backup code): a fit bent by a disc in the wrong place is refused.
 */
const FINDER_TOLERANCE = 2;

/**
 * Tries the paper size the corner discs' spacing suggests (or, with fewer than three discs, the image's shape), then
 * the other. A photo or a scan bed larger than the page has the shape of neither, and a fax's has the shape of the
 * other size. The discs sit at the same inset from the edges on both sizes, so those found once serve both frames.
 */
function identifyUpright(
  image: GreyImage,
  upsideDown: boolean,
  pageSize?: PageSize,
): PageReading | { reason: UnidentifiedReason } {
  if (pageSize) return identifyAs(image, upsideDown, pageSize);
  const discs = findCornerDiscs(image, FRAMES.A4.page.cornerMarks, FRAMES.A4.width, otsuThreshold(image));
  const likely = sizeFromDiscs(discs) ?? sizeFromShape(image);
  const first = identifyAs(image, upsideDown, likely, discs);
  // Four discs that an affine map cannot reconcile under one frame cannot under the other either (the frames differ
  // by a stretch), so the other size could only tie with a reading through four discs: it is not tried.
  if (!('reason' in first) && (first.registration === 'corners' || first.discs.length === 4)) return first;
  const other = likely === 'A4' ? 'Letter' : 'A4';
  const second = identifyAs(image, upsideDown, other, discs);
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

function identifyAs(
  image: GreyImage,
  upsideDown: boolean,
  pageSize: PageSize,
  found?: readonly (Point | undefined)[],
): PageReading | { reason: UnidentifiedReason } {
  const frame = FRAMES[pageSize];
  const discs = found ?? findCornerDiscs(image, frame.page.cornerMarks, frame.width, otsuThreshold(image));
  const fits = cornerFits(frame.page.cornerMarks, discs, image.width / frame.width);
  const readCode = codeReader(image, frame.page);
  for (const [index, fit] of fits.entries()) {
    const read = readCode(fit);
    if (!read) continue;
    return {
      identity: read.identity,
      homography: fit.homography,
      registration: fit.trusted ? 'corners' : 'provisional',
      alternatives: fits.slice(index + 1),
      discs: fit.discs,
      code: read.code,
      pageSize,
      upsideDown,
      image,
    };
  }
  // Two discs are a last try: when it fails, too little of the frame was found to expect the code to be readable.
  const enough = discs.filter((disc) => disc !== undefined).length >= 3;
  return { reason: enough ? 'code-unreadable' : 'no-corner-marks' };
}

type CodeName = 'main' | 'backup';

/** Reads the page's codes through one fit after another: a code is decoded once and then checks every later fit. */
type CodeReader = (fit: CornerFit) => { identity: SheetIdentity; code: CodeName } | undefined;

/**
 * A window of the code this close (points, at every corner) to one that already failed would fail again: the code is
 * not read through it a second time. Fits of the same discs often differ by less (two discs and three, say).
 */
const SAME_WINDOW = 4;

/**
 * The identity from the main code, else from the backup, read through a fit (and confirming it, if provisional: the
 * code's finder patterns must lie where the fit puts them). A code is decoded once: where it was found in the image
 * then checks each later fit, so trying many fits costs one decoding per code (and one per distinct window that
 * fails), not one per fit.
 */
function codeReader(image: GreyImage, frame: SheetPage): CodeReader {
  const areas: [CodeName, Rect][] = [
    ['main', frame.qr],
    ...(frame.backupQr ? [['backup', frame.backupQr] as [CodeName, Rect]] : []),
  ];
  const decoded = new Map<CodeName, { reading: QrReading; identity: SheetIdentity }>();
  const failed = new Map<CodeName, Point[][]>();
  const decode = (code: CodeName, area: Rect, fit: CornerFit) => {
    const known = decoded.get(code);
    if (known) return known;
    const window = areaCorners(area).map((corner) => project(fit.homography, corner));
    const tried = failed.get(code) ?? [];
    const scale =
      window[0] && window[1] ? Math.hypot(window[1].x - window[0].x, window[1].y - window[0].y) / area.width : 1;
    if (tried.some((other) => other.every((p, i) => distance(p, window[i]) <= SAME_WINDOW * scale))) return undefined;
    const reading = readQrCode(image, fit.homography, area, { averagedOnly: !fit.trusted });
    const identity = reading && decodeSheetIdentity(reading.text);
    if (!reading || !identity) {
      failed.set(code, [...tried, window]);
      return undefined;
    }
    const found = { reading, identity };
    decoded.set(code, found);
    return found;
  };
  return (fit) => {
    for (const [code, area] of areas) {
      const found = decode(code, area, fit);
      if (found && (fit.trusted || finderOffsetThrough(fit.homography, found.reading) <= FINDER_TOLERANCE))
        return { identity: found.identity, code };
    }
    return undefined;
  };
}

function areaCorners(area: Rect): Point[] {
  const { x, y, width, height } = area;
  return [
    { x, y },
    { x: x + width, y },
    { x, y: y + height },
    { x: x + width, y: y + height },
  ];
}

function distance(p: Point, q: Point | undefined): number {
  return q ? Math.hypot(p.x - q.x, p.y - q.y) : Infinity;
}
