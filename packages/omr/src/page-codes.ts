import { decodeSheetIdentity, type Rect, type SheetIdentity, type SheetPage } from '@examforge/core';
import type { CornerFit } from './corner-fits.js';
import { fitAffine } from './fit-transforms.js';
import type { GreyImage } from './grey-image.js';
import { project, type Homography, type Point } from './homography.js';
import { finderOffsetThrough, printedFinderCentres, readQrCode, searchQrCode, type QrReading } from './qr-code.js';

export type CodeName = 'main' | 'backup';

/** A code of the page decoded: which, what it says, and where its finder patterns were printed and found. */
export interface DecodedCode {
  readonly code: CodeName;
  readonly identity: SheetIdentity;
  readonly reading: QrReading;
}

/**
 * A code read through a provisional fit must have its finder patterns within this many points of where they were
 * printed (under two modules of the backup code): a fit bent by a disc in the wrong place is refused.
 */
const FINDER_TOLERANCE = 2;

/**
 * A window of the code this close (points, at every corner) to one that already failed would fail again: the code is
 * not read through it a second time. Fits of the same discs often differ by less (two discs and three, say).
 */
const SAME_WINDOW = 4;

/**
 * How far from where the page would put it, if it filled the image, a code is searched for (points): a phone photo
 * frames the page loosely, and a steep tilt shrinks its far half, so a code can lie a fifth of the page's width away.
 */
const SEARCH_MARGIN = 100;

/**
 * Codes found by searching an image, kept across the paper sizes tried on it (the codes sit nearly alike on both: a
 * search would find the same pixels), undefined where the search found none.
 */
export type CodeSearches = Map<CodeName | `${CodeName}-again`, QrReading | undefined>;

/**
 * The page's two codes, read through one fit after another. A code is decoded once: where it was found in the image
 * then checks each later fit, so trying many fits costs one decoding per code (and one per distinct window that
 * fails), not one per fit.
 *
 * @example
 * const codes = new PageCodes(image, frame); const read = codes.readThrough(fit); // { identity, code: 'main' }
 */
export class PageCodes {
  private readonly areas: readonly (readonly [CodeName, Rect])[];
  private readonly found = new Map<CodeName, DecodedCode>();
  private readonly failed = new Map<CodeName, Point[][]>();

  constructor(
    private readonly image: GreyImage,
    frame: SheetPage,
    private readonly page: { readonly width: number; readonly height: number },
    private readonly searches: CodeSearches = new Map(),
  ) {
    this.areas = [['main', frame.qr], ...(frame.backupQr ? [['backup', frame.backupQr] as const] : [])];
  }

  /**
   * The identity from the main code, else from the backup, read through a fit, when the fit is trusted or puts the
   * code's finder patterns where they were found.
   */
  readThrough(fit: CornerFit): { identity: SheetIdentity; code: CodeName } | undefined {
    for (const [code, area] of this.areas) {
      const found = this.decode(code, area, fit);
      if (found && (fit.trusted || finderOffsetThrough(fit.homography, found.reading) <= FINDER_TOLERANCE))
        return { identity: found.identity, code };
    }
    return undefined;
  }

  /**
   * Every code decoded so far, after searching a wide window for each code not yet decoded (the page's corner discs
   * did not bring a window onto it): `SEARCH_MARGIN` points round where it would be if the page filled the image, and
   * then, for a code still missing while the other was found, where the other's finder patterns put it (the affine
   * map they fix is far better than the first guess for a loosely framed photo). Searching first where the discs
   * found put it, roughly, found no code more on photos with corners cut off.
   */
  searched(): DecodedCode[] {
    for (const [code, area] of this.areas) this.searchFor(code, area, this.pageFillsImage(area));
    const [other] = this.found.values();
    const byOther = other && fitAffine(other.reading.printedFinders, other.reading.foundFinders);
    if (byOther)
      for (const [code, area] of this.areas) if (!this.found.has(code)) this.searchFor(code, area, byOther, true);
    return [...this.found.values()];
  }

  /** Searches for the code through a rough map once per page (`again`: once more, through a better map). */
  private searchFor(code: CodeName, area: Rect, rough: Homography, again = false): void {
    if (this.found.has(code)) return;
    const key = again ? (`${code}-again` as const) : code;
    if (!this.searches.has(key)) this.searches.set(key, searchQrCode(this.image, rough, area, SEARCH_MARGIN));
    const searched = this.searches.get(key);
    const identity = searched && decodeSheetIdentity(searched.text);
    // Printed where this size's frame puts the code (the search may have been made with the other size's).
    const reading = searched && { ...searched, printedFinders: printedFinderCentres(area, searched.version) };
    if (reading && identity) this.found.set(code, { code, identity, reading });
  }

  private decode(code: CodeName, area: Rect, fit: CornerFit): DecodedCode | undefined {
    const known = this.found.get(code);
    if (known) return known;
    const window = areaCorners(area).map((corner) => project(fit.homography, corner));
    const tried = this.failed.get(code) ?? [];
    const [first, second] = window;
    const scale = first && second ? Math.hypot(second.x - first.x, second.y - first.y) / area.width : 1;
    if (tried.some((other) => other.every((p, i) => distance(p, window[i]) <= SAME_WINDOW * scale))) return undefined;
    // Through a fit that is not a flat scan's, one pixel a sample reads a photo's grain.
    const reading = readQrCode(this.image, fit.homography, area, { averagedOnly: !fit.trusted });
    const identity = reading && decodeSheetIdentity(reading.text);
    if (!reading || !identity) {
      this.failed.set(code, [...tried, window]);
      return undefined;
    }
    const found = { code, identity, reading };
    this.found.set(code, found);
    return found;
  }

  /**
   * The page mapped onto the image as if it filled it, measured from the image's side nearest the code on each axis
   * (the middle for a code centred on it), as the corner discs are searched for.
   */
  private pageFillsImage(area: Rect): Homography {
    const scale = this.image.width / this.page.width;
    const anchor = (at: number, page: number, image: number) =>
      at < page / 3 ? 0 : at > (2 * page) / 3 ? image - page * scale : (image - page * scale) / 2;
    const x = anchor(area.x + area.width / 2, this.page.width, this.image.width);
    const y = anchor(area.y + area.height / 2, this.page.height, this.image.height);
    return [scale, 0, x, 0, scale, y, 0, 0];
  }
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
