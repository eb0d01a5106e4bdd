import type { GreyImage } from '../grey-image.js';

/**
 * A page through a photocopier, in place: the copier's tone curve sends light greys to white and stretches the rest
 * darker, and 40 % of the tone is laid down through a 95-lpi halftone screen (dots on a 45° grid), so a grainy pencil
 * fill comes out mottled, with its lighter grain lost. `density` below 1 is the copier's "lighter" setting (or a
 * starved toner): every tone laid down that much lighter. `whiteBelow` is the darkness up to which the curve sends a
 * grey to white (0.22; a copier set to drop a grey background cuts higher, and a light pencil's fill with it).
 *
 * @example
 * photocopy(scan, 200);
 */
export function photocopy(image: GreyImage, dpi: number, density = 1, whiteBelow = 0.22): void {
  const period = dpi / 95;
  const { width, pixels } = image;
  for (let index = 0; index < pixels.length; index += 1) {
    const x = index % width;
    const y = Math.floor(index / width);
    const screen = Math.cos((2 * Math.PI * (x + y)) / period) * Math.cos((2 * Math.PI * (x - y)) / period) * 0.5 + 0.5;
    const dark = (255 - (pixels[index] ?? 255)) / 255;
    const curved = density * (dark < whiteBelow ? 0 : Math.min(1, (dark - whiteBelow) * 1.5));
    const dot = curved > screen * 0.8 + 0.1 ? 1 : curved * 0.6;
    pixels[index] = Math.round(255 * (1 - (0.6 * curved + 0.4 * dot)));
  }
}
