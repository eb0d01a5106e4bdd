import type { GreyImage } from './grey-image.js';

/** A pixel count (of the page) sampled to tell a one-bit capture from a grey one. */
const SAMPLES = 20_000;
/** Grey pixels a one-bit capture may hold (a resampled edge, a JPEG's ringing): almost none. */
const GREY_SHARE = 0.002;

/**
 * Whether the page was captured one bit a pixel (a fax, a black-and-white scan): its pixels are black or white.
 *
 * @example
 * isOneBit(faxedPage); // true
 */
export function isOneBit(image: GreyImage): boolean {
  const { pixels } = image;
  const step = Math.max(1, Math.floor(pixels.length / SAMPLES));
  let grey = 0;
  let seen = 0;
  for (let index = 0; index < pixels.length; index += step) {
    const value = pixels[index] ?? 255;
    if (value !== 0 && value !== 255) grey += 1;
    seen += 1;
  }
  return grey <= seen * GREY_SHARE;
}
