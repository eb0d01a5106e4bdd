import { describe, expect, it } from 'vitest';
import type { MarkReading } from './classify-mark.js';
import { REVIEW_BELOW } from './mark-rule.js';
import { printedSheet, questionBubbles, readQuestionBubbles } from './test-support/survey.js';
import { addNoise } from './test-support/synthetic-marks.js';

/**
 * The edges of a fill as students leave them, each drawn exactly (a disc of ink, so that only its edge is in
 * question) on every question bubble of a clean 200-dpi sheet, the student-number grid left empty as most bubbles of
 * a real sheet are: a fill whose passes stop short of the ring leaves a shallow bay of paper along the rim (or, put down
 * off the bubble, a lune of up to a sixth of the white disc inside the ring), a fill scrawled
 * past the ring all round darkens the paper where the ring's blur is measured, and a partial fill leaves a quarter
 * of the bubble bare.
 */
const DPI = 200;
const INK = 0.85;
/** A chord this far from the centre (radii) cuts off about 9 % of the bubble, reaching in past 0.7 r. */
const CUT = 0.72;
/** A chord this far in leaves a lune of about an eighth of the white disc inside the ring bare. */
const LUNE = 0.6;

interface Disc {
  /** Radius, in radii of the bubble. */
  readonly radius: number;
  /** How far off the bubble's centre (radii), each bubble in its own direction. */
  readonly offset?: number;
  /** Ink stops at this distance (radii) from the centre on one side: a flat bay of paper beyond it. */
  readonly cut?: number;
}

/** Inks the disc in every question bubble; the readings of the question bubbles. */
async function sheetOfDiscs({ radius, offset = 0, cut = Infinity }: Disc, seed: string): Promise<MarkReading[]> {
  const printed = await printedSheet(DPI);
  const image = { ...printed, pixels: new Uint8Array(printed.pixels) };
  const scale = DPI / 72;
  questionBubbles.forEach((bubble, index) => {
    const r = bubble.r * scale;
    const angle = (index * 2.39996) % (2 * Math.PI);
    const [ux, uy] = [Math.cos(angle), Math.sin(angle)];
    const [x0, y0] = [bubble.x * scale, bubble.y * scale];
    const [cx, cy] = [x0 + ux * offset * r, y0 + uy * offset * r];
    const reach = radius * r;
    for (let y = Math.floor(cy - reach); y <= Math.ceil(cy + reach); y += 1)
      for (let x = Math.floor(cx - reach); x <= Math.ceil(cx + reach); x += 1)
        if (Math.hypot(x - cx, y - cy) <= reach && (x - x0) * ux + (y - y0) * uy <= cut * r) {
          const at = y * image.width + x;
          image.pixels[at] = Math.round((image.pixels[at] ?? 255) * (1 - INK));
        }
  });
  addNoise(image, 8, `noise-${seed}`);
  return readQuestionBubbles(image);
}

const describeAll = (readings: readonly MarkReading[]) =>
  readings.map((reading) => `${reading.kind} ${reading.confidence.toFixed(2)}`);
const asAnswer = (reading: MarkReading) => reading.kind === 'filled' && reading.fillConfidence >= REVIEW_BELOW;

describe('the edge of a fill, as a person reads it', () => {
  it('a fill whose passes stop short of the ring on one side, leaving a shallow bay of paper (about 9 % bare), is a fill', async () => {
    const readings = await sheetOfDiscs({ radius: 1.02, cut: CUT }, 'bay');
    const refused = readings.filter((reading) => !asAnswer(reading));
    expect(describeAll(refused)).toEqual([]);
  });

  it('a fill put down off the bubble, leaving a lune of paper of about an eighth of the white disc, is a fill', async () => {
    const readings = await sheetOfDiscs({ radius: 1.02, cut: LUNE }, 'lune');
    // Never a confident partial fill; at worst a person looks (measured: 1 of 104, its lune a little deeper).
    const refused = readings.filter((reading) => !asAnswer(reading));
    expect(describeAll(refused.filter((reading) => reading.fillConfidence >= REVIEW_BELOW))).toEqual([]);
    expect(refused.length, describeAll(refused).join(', ')).toBeLessThanOrEqual(2);
  });

  it('a fill scrawled past the ring all round is a fill, its rim not taken for the ring’s blur', async () => {
    const readings = await sheetOfDiscs({ radius: 1.4 }, 'overshoot');
    const refused = readings.filter((reading) => !asAnswer(reading));
    expect(describeAll(refused)).toEqual([]);
  });

  it('a disc put down so far off that a third of the bubble stays bare is never an answer', async () => {
    const readings = await sheetOfDiscs({ radius: 1, offset: 0.45 }, 'partial');
    const answers = readings.filter(asAnswer);
    expect(describeAll(answers)).toEqual([]);
  });
});
