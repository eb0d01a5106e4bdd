import { seededRandom } from '@examforge/core';
import type { GreyImage } from '../grey-image.js';
import type { MarkKind } from '../classify-mark.js';

/**
 * Draws marks of every kind into a rasterised sheet, as students make them: pen or pencil darkness, fills slightly
 * larger or smaller than the circle, partial fills covering 20–80 %, ticks and crosses of varied size, angle, stroke
 * and position, and faint erasure residue in some empty bubbles.
 */
export interface Painter {
  mark(kind: MarkKind, x: number, y: number, r: number): void;
}

export function painter(image: { width: number; height: number; pixels: Uint8Array }, seed: string): Painter {
  const random = seededRandom(seed);
  const between = (low: number, high: number) => low + random() * (high - low);
  const ink = () => Math.round(255 * (1 - (random() < 0.5 ? between(0.8, 1) : between(0.45, 0.7))));
  const set = (x: number, y: number, grey: number) => {
    if (x < 0 || y < 0 || x >= image.width || y >= image.height) return;
    const index = y * image.width + x;
    image.pixels[index] = Math.min(image.pixels[index] ?? 255, grey);
  };
  const disc = (
    cx: number,
    cy: number,
    radius: number,
    grey: number,
    keep: (dx: number, dy: number) => boolean = () => true,
  ) => {
    for (let y = Math.floor(cy - radius); y <= Math.ceil(cy + radius); y += 1) {
      for (let x = Math.floor(cx - radius); x <= Math.ceil(cx + radius); x += 1) {
        if (Math.hypot(x - cx, y - cy) <= radius && keep(x - cx, y - cy)) set(x, y, grey);
      }
    }
  };
  const line = (x0: number, y0: number, x1: number, y1: number, width: number, grey: number) => {
    const length = Math.hypot(x1 - x0, y1 - y0);
    for (let s = 0; s <= length; s += 0.5)
      disc(x0 + ((x1 - x0) * s) / length, y0 + ((y1 - y0) * s) / length, width / 2, grey);
  };
  return {
    mark(kind, x, y, r) {
      const grey = ink();
      const stroke = r * between(0.15, 0.35);
      const angle = between(-0.25, 0.25);
      const rotate = (dx: number, dy: number) => ({
        x: x + dx * Math.cos(angle) - dy * Math.sin(angle),
        y: y + dx * Math.sin(angle) + dy * Math.cos(angle),
      });
      switch (kind) {
        case 'filled':
          disc(x + between(-0.08, 0.08) * r, y + between(-0.08, 0.08) * r, r * between(0.95, 1.12), grey);
          break;
        case 'partial': {
          // A chord cut: ink on one side of a line, covering a chosen share of the disc.
          const share = between(0.2, 0.8);
          const direction = between(0, 2 * Math.PI);
          const projections: number[] = [];
          for (let dy = -r; dy <= r; dy += 1)
            for (let dx = -r; dx <= r; dx += 1)
              if (Math.hypot(dx, dy) <= r) projections.push(dx * Math.cos(direction) + dy * Math.sin(direction));
          projections.sort((a, b) => a - b);
          const cut = projections[Math.floor(share * (projections.length - 1))] ?? 0;
          disc(x, y, r * 1.02, grey, (dx, dy) => dx * Math.cos(direction) + dy * Math.sin(direction) <= cut);
          break;
        }
        case 'tick': {
          const size = r * between(0.8, 1.4);
          const a = rotate(-0.55 * size, 0);
          const b = rotate(-0.1 * size, 0.55 * size);
          const c = rotate(0.75 * size, -0.8 * size);
          line(a.x, a.y, b.x, b.y, stroke, grey);
          line(b.x, b.y, c.x, c.y, stroke, grey);
          break;
        }
        case 'cross': {
          const size = r * between(0.8, 1.3);
          const [p, q, s, t] = [rotate(-size, -size), rotate(size, size), rotate(size, -size), rotate(-size, size)];
          line(p.x, p.y, q.x, q.y, stroke, grey);
          line(s.x, s.y, t.x, t.y, stroke, grey);
          break;
        }
        case 'empty':
          // Erasure residue: a faint smudge that is not a mark.
          if (random() < 0.3) disc(x, y, r * 0.9, Math.round(255 * (1 - between(0.03, 0.1))));
          break;
      }
    },
  };
}

/** Adds seeded noise of ±amplitude grey levels to every pixel (scanner noise). */
export function addNoise(image: GreyImage & { pixels: Uint8Array }, amplitude: number, seed: string): void {
  const random = seededRandom(seed);
  for (let index = 0; index < image.pixels.length; index += 1) {
    const value = (image.pixels[index] ?? 255) + Math.round((random() * 2 - 1) * amplitude);
    image.pixels[index] = Math.max(0, Math.min(255, value));
  }
}
