import { seededRandom, type Rect } from '@examforge/core';
import type { GreyImage } from '../../../paper/src/test-support/rasterise.js';

/**
 * Writes a few lines of pen "words" into a free-response box of a rasterised sheet page (box in points, page at
 * `dpi`): wavy dark polylines about 1 pt wide, well inside the printed border, as a student's answer looks to the
 * reader. Seeded, so a test draws the same answer every run.
 */
export function writeInBox(page: GreyImage, box: Rect, dpi: number, seed: string): void {
  const random = seededRandom(`box-${seed}`);
  const scale = dpi / 72;
  for (let line = 0; line < 3; line += 1) {
    const y = box.y + 30 + line * 24;
    const start = box.x + 20 + random() * 20;
    const end = start + box.width * (0.3 + random() * 0.3);
    const points: [number, number][] = [];
    for (let x = start; x <= end; x += 3) points.push([x, y + Math.sin(x / 4 + random()) * 5]);
    polyline(
      page,
      points.map(([x, py]) => [x * scale, py * scale] as const),
      Math.max(1, scale * 0.5),
    );
  }
}

function polyline(page: GreyImage, points: readonly (readonly [number, number])[], radius: number): void {
  for (let i = 1; i < points.length; i += 1) {
    const [x0, y0] = points[i - 1]!;
    const [x1, y1] = points[i]!;
    const steps = Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 2);
    for (let step = 0; step <= steps; step += 1) {
      const t = step / steps;
      dot(page, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, radius);
    }
  }
}

function dot(page: GreyImage, cx: number, cy: number, radius: number): void {
  for (let y = Math.floor(cy - radius); y <= Math.ceil(cy + radius); y += 1)
    for (let x = Math.floor(cx - radius); x <= Math.ceil(cx + radius); x += 1)
      if (x >= 0 && y >= 0 && x < page.width && y < page.height && Math.hypot(x - cx, y - cy) <= radius)
        page.pixels[y * page.width + x] = 25;
}
