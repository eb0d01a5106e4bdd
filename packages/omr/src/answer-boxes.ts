import type { Rect, SheetPage } from '@examforge/core';
import { cropAnswerBox, type AnswerBoxCrop } from './answer-box-crop.js';
import { judgeBoxInk, type BoxInk } from './box-ink.js';
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
 * Reads one answer box: its content cut out upright at the scan's resolution, and whether it was written in.
 *
 * @example
 * const { crop, ink } = readAnswerBox(upright, homography, page.boxes[0]);
 */
export function readAnswerBox(
  image: GreyImage,
  homography: Homography,
  box: SheetPage['boxes'][number],
): { readonly crop: GreyImage; readonly reading: AnswerBoxReading } {
  const cropped = cropAnswerBox(image, homography, box);
  const reading = {
    questionId: box.questionId,
    title: box.title,
    ...judgeBoxInk(cropped),
    scale: cropped.scale,
    area: cropped.area,
    border: cropped.border,
  };
  return { crop: cropped.image, reading };
}
