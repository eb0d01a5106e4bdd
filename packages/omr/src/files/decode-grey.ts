import type sharp from 'sharp';
import type { GreyImage } from '../grey-image.js';

/**
 * Decodes an image to one grey channel. A colour image becomes its luma (Rec. 601 weights on the stored values,
 * rounded): the brightness a colour JPEG keeps as its own Y channel. libvips' `greyscale()` goes through linear
 * light in floating point and cost more than decoding the page itself (47 ms against 28 at 200 dpi); grey pixels
 * come out the same either way. An alpha channel is ignored.
 *
 * @example
 * const image = await decodeGrey(sharp(jpegBytes).rotate());
 */
export async function decodeGrey(image: sharp.Sharp): Promise<GreyImage> {
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  const { width, height, channels } = info;
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.length);
  return { width, height, pixels: channels === 1 ? bytes : luma(bytes, channels) };
}

/**
 * The grey of interleaved pixels with `channels` values each: the first for grey (and alpha), the luma of the first
 * three for colour (Rec. 601 weights in 1/256, rounded).
 */
export function luma(bytes: Uint8Array | Uint8ClampedArray, channels: number): Uint8Array {
  const pixels = new Uint8Array(Math.floor(bytes.length / channels));
  if (channels < 3) for (let i = 0, j = 0; i < pixels.length; i += 1, j += channels) pixels[i] = bytes[j] ?? 255;
  else
    for (let i = 0, j = 0; i < pixels.length; i += 1, j += channels)
      pixels[i] = (77 * (bytes[j] ?? 255) + 150 * (bytes[j + 1] ?? 255) + 29 * (bytes[j + 2] ?? 255) + 128) >> 8;
  return pixels;
}
