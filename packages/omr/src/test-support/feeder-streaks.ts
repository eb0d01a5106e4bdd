import { seededRandom } from '@examforge/core';
import type { GreyImage } from '../grey-image.js';
import { valueNoise } from './graphite.js';

/** One line a sheet feeder draws down the page from dust on its glass. */
export interface FeederStreak {
  /** Where it runs (pixels from the left; fractional: the dust straddles two sensor cells). */
  readonly x: number;
  /** How wide (pixels): a speck of 0.1–0.4 mm. */
  readonly width: number;
  /** The share of the light the speck blocks at its darkest (0.1 a faint grey line, 0.5 a dark one). */
  readonly blocks: number;
}

/**
 * Draws streaks in place, as dust on a sheet feeder's glass does: the sensor cells under the speck get less light for
 * the whole length of the page, so each row across it is darkened by the same share, over paper, print and ink alike.
 * The speck shifts a little as sheets pass: the share varies slowly along the page, at times almost nothing.
 *
 * @example
 * drawFeederStreaks(scan, [{ x: 412.5, width: 1.5, blocks: 0.3 }], 'streaks-1');
 */
export function drawFeederStreaks(image: GreyImage, streaks: readonly FeederStreak[], seed: string): void {
  const { width, height, pixels } = image;
  const random = seededRandom(seed);
  for (const streak of streaks) {
    const strength = valueNoise(Math.floor(random() * 2 ** 30), height / 12);
    const [from, to] = [Math.floor(streak.x - streak.width / 2), Math.ceil(streak.x + streak.width / 2)];
    for (let y = 0; y < height; y += 1) {
      const blocks = streak.blocks * (0.55 + 0.45 * strength(0, y));
      for (let x = Math.max(0, from); x <= Math.min(width - 1, to); x += 1) {
        // The share of this cell the speck covers (its edges fall part-way across a cell).
        const cover = Math.max(
          0,
          Math.min(x + 1, streak.x + streak.width / 2) - Math.max(x, streak.x - streak.width / 2),
        );
        const index = y * width + x;
        pixels[index] = Math.round((pixels[index] ?? 255) * (1 - blocks * cover));
      }
    }
  }
}
