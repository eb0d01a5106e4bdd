import type { Circle, Rect } from '@examforge/core';
import { seededRandom } from '@examforge/core';
import type { GreyImage } from '../grey-image.js';

/**
 * Damage done to a printed page, painted into a copy of its raster (`scale` pixels per point, as pdftoppm renders
 * it): corners torn off or cut by the scanner's frame, codes smudged, stray ink. Every fill is solid, so a test of
 * registration does not turn on how a faint mark is classified.
 */
export class PageDamage {
  readonly image: GreyImage;

  constructor(
    printed: GreyImage,
    private readonly scale: number,
  ) {
    this.image = { ...printed, pixels: new Uint8Array(printed.pixels) };
  }

  /** Paints a rectangle of the sheet white: a torn or cut corner. */
  whiteOut(area: Rect): this {
    return this.paintRect(area, () => 255);
  }

  /** A solid dark disc (a pen's fill, a blob of ink, a disc-shaped smudge). */
  inkDisc(circle: Circle, grey = 20): this {
    const { x, y, r } = { x: circle.x * this.scale, y: circle.y * this.scale, r: circle.r * this.scale };
    for (let py = Math.floor(y - r); py <= Math.ceil(y + r); py += 1)
      for (let px = Math.floor(x - r); px <= Math.ceil(x + r); px += 1)
        if ((px - x) ** 2 + (py - y) ** 2 <= r * r) this.set(px, py, grey);
    return this;
  }

  /** A smudge over an area: dark grey noise (seeded), too dark for a code's light modules to show through. */
  smudge(area: Rect, seed: string): this {
    const random = seededRandom(seed);
    return this.paintRect(area, () => Math.round(40 + random() * 60));
  }

  private paintRect(area: Rect, grey: () => number): this {
    const x0 = Math.floor(area.x * this.scale);
    const y0 = Math.floor(area.y * this.scale);
    const x1 = Math.ceil((area.x + area.width) * this.scale);
    const y1 = Math.ceil((area.y + area.height) * this.scale);
    for (let py = y0; py < y1; py += 1) for (let px = x0; px < x1; px += 1) this.set(px, py, grey());
    return this;
  }

  private set(x: number, y: number, grey: number): void {
    if (x < 0 || y < 0 || x >= this.image.width || y >= this.image.height) return;
    this.image.pixels[y * this.image.width + x] = grey;
  }
}

/** The square of the sheet around a corner disc that a torn corner or a cut frame takes with it (45 pt a side: the disc and its surround, clear of the code beside the top-right one). */
export function cornerRegion(disc: Circle, pageWidth: number, pageHeight: number): Rect {
  const size = 45;
  return {
    x: disc.x < pageWidth / 2 ? 0 : pageWidth - size,
    y: disc.y < pageHeight / 2 ? 0 : pageHeight - size,
    width: size,
    height: size,
  };
}
