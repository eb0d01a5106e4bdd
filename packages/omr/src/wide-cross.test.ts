import { describe, expect, it } from 'vitest';
import type { MarkReading } from './classify-mark.js';
import { REVIEW_BELOW } from './mark-rule.js';
import { printedSheet, questionBubbles, readQuestionBubbles } from './test-support/survey.js';
import { addNoise } from './test-support/synthetic-marks.js';

/**
 * A cross drawn with a felt tip as wide as most of the bubble's radius: its two arms ink all of the disc but the four
 * wedges between them, and where the arms run close to the rim two of those wedges close up too. What is left is a
 * disc inked all but two bare arcs, with strokes that have paper on both sides — which a fill never has.
 */
const DPI = 200;
const INK = 0.85;

interface Cross {
  /** Stroke width, in radii of the bubble. */
  readonly width: number;
  /** How far each arm runs from the crossing (radii). */
  readonly reach: number;
}

/** Draws the cross in every question bubble, each turned its own way and a little off centre; their readings. */
async function sheetOfCrosses({ width, reach }: Cross, seed: string): Promise<MarkReading[]> {
  const printed = await printedSheet(DPI);
  const image = { ...printed, pixels: new Uint8Array(printed.pixels) };
  const scale = DPI / 72;
  questionBubbles.forEach((bubble, index) => {
    const r = bubble.r * scale;
    const turn = ((index * 0.61803) % 1) * 0.6 - 0.3;
    const [cx, cy] = [bubble.x * scale + ((index % 3) - 1) * 0.08 * r, bubble.y * scale + ((index % 5) - 2) * 0.05 * r];
    const arms = [Math.PI / 4 + turn, -Math.PI / 4 + turn].map((angle) => [Math.cos(angle), Math.sin(angle)] as const);
    const half = (reach + width) * r;
    for (let y = Math.floor(cy - half); y <= Math.ceil(cy + half); y += 1)
      for (let x = Math.floor(cx - half); x <= Math.ceil(cx + half); x += 1) {
        const [dx, dy] = [x - cx, y - cy];
        const onArm = arms.some(([ux, uy]) => {
          const along = dx * ux + dy * uy;
          const across = -dx * uy + dy * ux;
          return Math.abs(along) <= reach * r && Math.abs(across) <= (width * r) / 2;
        });
        if (!onArm) continue;
        const at = y * image.width + x;
        image.pixels[at] = Math.round((image.pixels[at] ?? 255) * (1 - INK));
      }
  });
  addNoise(image, 6, `noise-${seed}`);
  return readQuestionBubbles(image);
}

describe('a cross drawn with a wide felt tip', () => {
  it.each([
    { width: 0.7, reach: 0.85 },
    { width: 0.75, reach: 0.8 },
  ])('is never read as a confident fill (arms $width r wide, running $reach r)', async (cross) => {
    const readings = await sheetOfCrosses(cross, `wide-cross-${cross.width}`);
    expect(readings).toHaveLength(questionBubbles.length);
    const confidentFills = readings.filter(
      (reading) => reading.kind === 'filled' && reading.fillConfidence >= REVIEW_BELOW,
    );
    expect(confidentFills.map((reading) => reading.features)).toEqual([]);
  });
});
