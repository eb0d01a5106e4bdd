import type { Rect } from '@examforge/core';
import { histogramMedian, type GreyImage } from './grey-image.js';
import { localScale } from './geometry.js';
import type { Homography } from './homography.js';
import { areaPixels, resampleArea, type PixelWindow } from './resample-area.js';

/** An answer box's content, upright, and where on the sheet it lies. */
export interface AnswerBoxCrop {
  readonly image: GreyImage;
  /** Pixels per point: at least the scan's own resolution over the box. */
  readonly scale: number;
  /** The part of the sheet (points) the crop shows: pixel (u, v) is the point (area.x + u / scale, area.y + v / scale). */
  readonly area: Rect;
  /** Whether all four sides of the printed border were found on the scan (else cut where the layout puts them). */
  readonly border: 'found' | 'assumed';
}

export interface CropAnswerBoxOptions {
  /** Pixels per point of the crop; by default the scan's own (the homography's largest stretch over the box). */
  readonly scale?: number;
}

/** How far from where the layout puts it a side of the border is looked for (registration error), points. */
const SEARCH = 4;
/** The area resampled around the box: the search and a little more, points. */
const MARGIN = SEARCH + 2;
/** The printed border is a 1 pt line centred on the box's edge. */
const HALF_LINE = 0.5;
/** Cut this far inside the line's centre when it is not found: half the line and a blurred scan's spread. */
const ASSUMED_INSET = 2;
/** Never cut further inside the line's centre than this, whatever the profile says. */
const MOST_INSET = 3;
/** A side's profile must be this much darker than the paper (grey levels) to be taken for the printed line. */
const LINE_CONTRAST = 50;
/** The line ends where its darkness has fallen to this share of its peak above the paper. */
const LINE_TAIL = 0.12;

type Side = 'left' | 'right' | 'top' | 'bottom';

/** Where an answer box's inside lies on the scan, found from its printed border, before any of it is cut out. */
export interface AnswerBoxPlace extends Omit<AnswerBoxCrop, 'image'> {
  /** The sheet rectangle around the box (points) whose pixels at `scale` hold the crop... */
  readonly outer: Rect;
  /** ...as this window of them. */
  readonly window: PixelWindow;
}

/**
 * Cuts a free-response box out of a page: the sheet rectangle around the box is seen upright through the homography
 * (so a page turned by a few degrees or photographed in perspective comes out straight) at the scan's own
 * resolution, each side of the printed border is found on a strip of it, and the crop is cut just inside the border.
 * A side is found as the darkest line, across a window of ±4 pt around where the layout puts it, of the median grey
 * along the side (a stroke crossing the border does not move a median); the cut lies one pixel past where the line's
 * darkness falls to 12 % of its peak, so the blur of the scan is left out with the line, and any stroke written
 * inside the box, even touching the border, stays in. A side not found (the border torn or inked over) is cut 2 pt
 * inside where the layout puts it.
 *
 * @example
 * const { image, scale } = cropAnswerBox(upright, homography, page.boxes[0]);
 */
export function cropAnswerBox(
  image: GreyImage,
  homography: Homography,
  box: Rect,
  options: CropAnswerBoxOptions = {},
): AnswerBoxCrop {
  const place = placeAnswerBox(image, homography, box, options);
  return { ...withoutWindow(place), image: cutPlacedBox(image, homography, place) };
}

/**
 * Finds the inside of a box's printed border (as `cropAnswerBox` does) without cutting it out.
 *
 * @example
 * const place = placeAnswerBox(upright, homography, box);
 * const coarse = cutPlacedBox(upright, homography, place, 2);
 */
export function placeAnswerBox(
  image: GreyImage,
  homography: Homography,
  box: Rect,
  options: CropAnswerBoxOptions = {},
): AnswerBoxPlace {
  const scale = options.scale ?? scanScale(homography, box);
  const outer = {
    x: box.x - MARGIN,
    y: box.y - MARGIN,
    width: box.width + 2 * MARGIN,
    height: box.height + 2 * MARGIN,
  };
  const find = (side: Side, expected: number) => cutSide(image, homography, outer, scale, side, expected * scale);
  const cuts = {
    left: find('left', MARGIN),
    right: find('right', MARGIN + box.width),
    top: find('top', MARGIN),
    bottom: find('bottom', MARGIN + box.height),
  };
  const left = Math.ceil(cuts.left.at);
  const top = Math.ceil(cuts.top.at);
  const right = Math.floor(cuts.right.at);
  const bottom = Math.floor(cuts.bottom.at);
  const window = { left, top, width: Math.max(1, right - left + 1), height: Math.max(1, bottom - top + 1) };
  return {
    scale,
    area: {
      x: outer.x + left / scale,
      y: outer.y + top / scale,
      width: window.width / scale,
      height: window.height / scale,
    },
    border: Object.values(cuts).every((side) => side.found) ? 'found' : 'assumed',
    outer,
    window,
  };
}

/**
 * The pixels of a placed box: at the crop's scale, or averaged over `average` × `average` blocks of them (the same
 * values as averaging the crop, without making it).
 */
export function cutPlacedBox(image: GreyImage, homography: Homography, place: AnswerBoxPlace, average = 1): GreyImage {
  return resampleArea(image, homography, place.outer, place.scale, place.window, average);
}

function withoutWindow(place: AnswerBoxPlace): Omit<AnswerBoxCrop, 'image'> {
  const { outer: _outer, window: _window, ...rest } = place;
  return rest;
}

/**
 * Where the crop is cut on one side, in pixels of the outer area (`expected`: where the layout puts the border's
 * centre): the border is looked for on a strip of the area around it, so only the strips and the inside are made.
 */
function cutSide(
  image: GreyImage,
  homography: Homography,
  outer: Rect,
  scale: number,
  side: Side,
  expected: number,
): { at: number; found: boolean } {
  const whole = areaPixels(outer, scale);
  const start = Math.max(0, Math.floor(expected - MARGIN * scale));
  const band = Math.ceil(2 * MARGIN * scale);
  const window =
    side === 'left' || side === 'right'
      ? { ...whole, left: start, width: band }
      : { ...whole, top: start, height: band };
  const cut = cutInside(resampleArea(image, homography, outer, scale, window), side, expected - start, scale);
  return { ...cut, at: cut.at + start };
}

/** The scan's resolution over the box: the homography's largest stretch at its corners and centre, pixels a point. */
function scanScale(homography: Homography, box: Rect): number {
  const points = [0, 1].flatMap((u) => [0, 1].map((v) => ({ x: box.x + u * box.width, y: box.y + v * box.height })));
  points.push({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
  return Math.max(...points.map((point) => localScale(homography, point)));
}

/**
 * The first pixel position (a column for left and right, a row for top and bottom) inside the border on one side,
 * with whether the line was found there.
 */
function cutInside(image: GreyImage, side: Side, expected: number, scale: number): { at: number; found: boolean } {
  const inward = side === 'left' || side === 'top' ? 1 : -1;
  const assumed = { at: expected + inward * ASSUMED_INSET * scale, found: false };
  const reach = Math.ceil(SEARCH * scale);
  const positions = Array.from({ length: 2 * reach + 1 }, (_, i) => Math.round(expected) - reach + i);
  const profile = positions.map((position) => 255 - medianAlong(image, side, position, scale));
  let peak = 0;
  profile.forEach((value, i) => {
    if (value > (profile[peak] ?? 0)) peak = i;
  });
  const paper = Math.min(...profile);
  const height = (profile[peak] ?? 0) - paper;
  if (height < LINE_CONTRAST) return assumed;
  let end = peak;
  while (end + inward >= 0 && end + inward < profile.length) {
    if ((profile[end] ?? 0) - paper <= LINE_TAIL * height) break;
    end += inward;
  }
  const limit = (positions[peak] ?? expected) + inward * (MOST_INSET - HALF_LINE) * scale;
  const at = (positions[end] ?? expected) + inward;
  return { at: inward > 0 ? Math.min(at, limit) : Math.max(at, limit), found: true };
}

/** The median grey of a column (left, right) or row (top, bottom), leaving out 8 pt at each end (the corners). */
function medianAlong(image: GreyImage, side: Side, position: number, scale: number): number {
  const vertical = side === 'left' || side === 'right';
  const length = vertical ? image.height : image.width;
  const end = Math.round(8 * scale);
  const step = Math.max(1, Math.floor((length - 2 * end) / 400));
  const histogram = new Uint32Array(256);
  let count = 0;
  for (let along = end; along < length - end; along += step) {
    const [x, y] = vertical ? [position, along] : [along, position];
    if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
    const grey = image.pixels[y * image.width + x] ?? 255;
    histogram[grey] = (histogram[grey] ?? 0) + 1;
    count += 1;
  }
  return histogramMedian(histogram, count);
}
