import type { Rect, SheetPage } from '@examforge/core';
import { cutPlacedBox, placeAnswerBox, type AnswerBoxCrop } from './answer-box-crop.js';
import { inkAnalysisFactor, judgeAveragedBox, judgeBoxInk, type BoxInk } from './box-ink.js';
import type { GreyImage } from './grey-image.js';
import type { Homography } from './homography.js';

/** What was read from one free-response box: plain data (the crop travels beside it, by question id). */
export interface AnswerBoxReading extends BoxInk {
  readonly questionId: string;
  /** The box's title as printed above it ("Question 12 (wasserstein-vs-js)"). */
  readonly title: string;
  /** Pixels per point of the crop. */
  readonly scale: number;
  /** The part of the sheet (points) the crop shows, just inside the printed border. */
  readonly area: Rect;
  readonly border: AnswerBoxCrop['border'];
}

/**
 * Reads one answer box: whether it was written in and, with `keepCrop`, its content cut out upright at the scan's
 * resolution (for the people who grade it). Without the crop, ink is judged on the box averaged straight from the
 * scan, which costs half as much: a reader that only needs the verdict (`scan` writing responses) pays for nothing
 * it does not keep.
 *
 * @example
 * const { crop, reading } = readAnswerBox(upright, homography, page.boxes[0], { keepCrop: true });
 */
export function readAnswerBox(
  image: GreyImage,
  homography: Homography,
  box: SheetPage['boxes'][number],
  options: { readonly keepCrop?: boolean } = {},
): { readonly crop?: GreyImage; readonly reading: AnswerBoxReading } {
  const place = placeAnswerBox(image, homography, box);
  const factor = inkAnalysisFactor(place.scale);
  const crop = options.keepCrop || factor === 1 ? cutPlacedBox(image, homography, place) : undefined;
  const ink = crop
    ? judgeBoxInk({ ...place, image: crop })
    : judgeAveragedBox(cutPlacedBox(image, homography, place, factor), place.scale / factor);
  const reading = {
    questionId: box.questionId,
    title: box.title,
    ...ink,
    scale: place.scale,
    area: place.area,
    border: place.border,
  };
  return { ...(options.keepCrop && crop ? { crop } : {}), reading };
}
