import {
  decodeSheetIdentity,
  layoutAnswerSheet,
  PAGE_DIMENSIONS,
  type Exam,
  type PageSize,
  type SheetIdentity,
  type SheetPage,
} from '@examforge/core';
import { findCornerDiscs } from './corner-marks.js';
import { cornerFits, type CornerFit } from './corner-fits.js';
import type { Correspondence } from './fit-transforms.js';
import { otsuThreshold, type GreyImage } from './grey-image.js';
import type { Homography } from './homography.js';
import { readQrCode } from './qr-code.js';

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
 * Tries the paper size the image's shape suggests, then the other: a photo or a scan bed larger than the page has
 * the shape of neither (a phone photo of an A4 sheet on a table is often closer to Letter).
 */
function identifyUpright(
  image: GreyImage,
  upsideDown: boolean,
  pageSize?: PageSize,
): PageReading | { reason: UnidentifiedReason } {
  if (pageSize) return identifyAs(image, upsideDown, pageSize);
  const aspect = image.height / image.width;
  const likely: PageSize = Math.abs(aspect - 841.89 / 595.28) < Math.abs(aspect - 792 / 612) ? 'A4' : 'Letter';
  const first = identifyAs(image, upsideDown, likely);
  if (!('reason' in first) && first.registration === 'corners') return first;
  const second = identifyAs(image, upsideDown, likely === 'A4' ? 'Letter' : 'A4');
  if ('reason' in second) return 'reason' in first && first.reason !== 'code-unreadable' ? second : first;
  if ('reason' in first) return second;
  // Both sizes read a code (the other size's frame can land on the same code): the fit through more discs is the
  // page's own.
  return second.registration === 'corners' || second.discs.length > first.discs.length ? second : first;
}

function identifyAs(
  image: GreyImage,
  upsideDown: boolean,
  pageSize: PageSize,
): PageReading | { reason: UnidentifiedReason } {
  const frame = FRAMES[pageSize];
  const discs = findCornerDiscs(image, frame.page.cornerMarks, frame.width, otsuThreshold(image));
  const fits = cornerFits(frame.page.cornerMarks, discs, image.width / frame.width);
  for (const [index, fit] of fits.entries()) {
    const read = readIdentityCode(image, fit, frame.page);
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

/** The identity from the main code, else from the backup, read through a fit (and confirming it, if provisional). */
function readIdentityCode(
  image: GreyImage,
  fit: CornerFit,
  frame: SheetPage,
): { identity: SheetIdentity; code: 'main' | 'backup' } | undefined {
  const areas = [['main', frame.qr] as const, ...(frame.backupQr ? [['backup', frame.backupQr] as const] : [])];
  for (const [code, area] of areas) {
    const read = readQrCode(image, fit.homography, area);
    const identity = read && decodeSheetIdentity(read.text);
    if (identity && (fit.trusted || read.finderOffset <= FINDER_TOLERANCE)) return { identity, code };
  }
  return undefined;
}
