import { describe, expect, it } from 'vitest';
import type { MarkReading } from './classify-mark.js';
import { REVIEW_BELOW } from './mark-rule.js';
import { gaussianBlur } from './test-support/degrade.js';
import { printedSheet, questionBubbles, readQuestionBubbles } from './test-support/survey.js';
import { addNoise } from './test-support/synthetic-marks.js';

/**
 * A cross drawn with a felt tip as wide as most of the bubble's radius: its two arms ink all of the disc but the four
 * wedges between them, and where the arms run close to the rim two of those wedges close up too. What is left is a
 * disc inked all but two bare arcs, with strokes that have paper on both sides — which a fill never has. A round nib
 * wider still, seen through a scanner's or a camera's blur, leaves the wedges only lighter: the ink dips between the
 * arms instead of leaving paper.
 */
const INK = 0.85;

interface Cross {
  /** Stroke width, in radii of the bubble. */
  readonly width: number;
  /** How far each arm runs from the crossing (radii), not counting a round nib's cap. */
  readonly reach: number;
  /** A chisel tip's square ends, or a round nib's. */
  readonly ends: 'square' | 'round';
  readonly dpi: number;
  /** The capture's blur (Gaussian sigma, pixels); 0 for none. */
  readonly blur: number;
}

/** Whether a point (dx, dy) from the crossing lies on the arm along (ux, uy). */
function onArm({ width, reach, ends }: Cross, r: number, [dx, dy]: Vector, [ux, uy]: Vector): boolean {
  const along = dx * ux + dy * uy;
  const across = -dx * uy + dy * ux;
  if (ends === 'square') return Math.abs(along) <= reach * r && Math.abs(across) <= (width * r) / 2;
  const clamped = Math.max(-reach * r, Math.min(reach * r, along));
  return Math.hypot(along - clamped, across) <= (width * r) / 2;
}

type Vector = readonly [number, number];

/** Draws the cross in every question bubble, each turned its own way and a little off centre; their readings. */
async function sheetOfCrosses(cross: Cross, seed: string): Promise<MarkReading[]> {
  const { width, reach, dpi, blur } = cross;
  const printed = await printedSheet(dpi);
  const image = { ...printed, pixels: new Uint8Array(printed.pixels) };
  const scale = dpi / 72;
  questionBubbles.forEach((bubble, index) => {
    const r = bubble.r * scale;
    const turn = ((index * 0.61803) % 1) * 0.6 - 0.3;
    const [cx, cy] = [bubble.x * scale + ((index % 3) - 1) * 0.08 * r, bubble.y * scale + ((index % 5) - 2) * 0.05 * r];
    const arms = [Math.PI / 4 + turn, -Math.PI / 4 + turn].map((angle) => [Math.cos(angle), Math.sin(angle)] as const);
    const half = (reach + width) * r;
    for (let y = Math.floor(cy - half); y <= Math.ceil(cy + half); y += 1)
      for (let x = Math.floor(cx - half); x <= Math.ceil(cx + half); x += 1) {
        if (!arms.some((arm) => onArm(cross, r, [x - cx, y - cy], arm))) continue;
        const at = y * image.width + x;
        image.pixels[at] = Math.round((image.pixels[at] ?? 255) * (1 - INK));
      }
  });
  const captured = blur > 0 ? await gaussianBlur(image, blur) : image;
  addNoise(captured, 6, `noise-${seed}`);
  return readQuestionBubbles(captured);
}

describe('a cross drawn with a wide felt tip', () => {
  it.each<Cross>([
    { width: 0.7, reach: 0.85, ends: 'square', dpi: 200, blur: 0 },
    { width: 0.75, reach: 0.8, ends: 'square', dpi: 200, blur: 0 },
    // Before the dips were read, 64 and 62 of these 104 crosses were confident fills.
    { width: 0.8, reach: 0.9, ends: 'round', dpi: 150, blur: 1 },
    { width: 0.8, reach: 0.9, ends: 'round', dpi: 200, blur: 1.3 },
  ])(
    'is never read as a confident fill ($ends ends $width r wide, running $reach r, $dpi dpi, blur $blur px)',
    async (cross) => {
      const readings = await sheetOfCrosses(cross, `wide-cross-${cross.width}-${cross.dpi}`);
      expect(readings).toHaveLength(questionBubbles.length);
      const confidentFills = readings.filter(
        (reading) => reading.kind === 'filled' && reading.fillConfidence >= REVIEW_BELOW,
      );
      expect(confidentFills.map((reading) => reading.features)).toEqual([]);
    },
  );
});
