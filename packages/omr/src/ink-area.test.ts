import { describe, expect, it } from 'vitest';
import type { MarkReading } from './classify-mark.js';
import { measureInkArea } from './ink-area.js';
import { latticeIndex, SIDE, STEPS_PER_RADIUS } from './bubble-lattice.js';
import { addNoise, painter, type Tool } from './test-support/synthetic-marks.js';
import { bubbles, printedSheet, readSheet, REVIEW_BELOW } from './test-support/survey.js';

const DPI = 200;
const TOOLS: readonly Tool[] = ['pen', 'pencil', 'graphite', 'felt'];
/** The sheet's question bubbles (the student-number grid left out), in its order. */
const QUESTION_BUBBLES = bubbles.filter((bubble) => !bubble.group.startsWith('digit'));

/** A lattice of darkness (radii from the centre), inked where `inked(u, v)` holds. */
function lattice(inked: (u: number, v: number) => boolean): Float32Array {
  const mark = new Float32Array(SIDE * SIDE);
  const reach = (SIDE - 1) / 2;
  for (let j = -reach; j <= reach; j += 1)
    for (let i = -reach; i <= reach; i += 1)
      if (inked(i / STEPS_PER_RADIUS, j / STEPS_PER_RADIUS)) mark[latticeIndex(i, j)] = 0.8;
  return mark;
}

/** Distance of (u, v) from the segment a–b. */
function toSegment(u: number, v: number, a: readonly [number, number], b: readonly [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((u - a[0]) * dx + (v - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(u - a[0] - t * dx, v - a[1] - t * dy);
}

describe('measureInkArea', () => {
  it('finds a blob filling its hull and as wide as long, a tick V leaving its hull bare', () => {
    const blob = measureInkArea(
      lattice((u, v) => Math.hypot(u - 0.25, v + 0.1) <= 0.4),
      0.2,
      0.1,
    );
    expect(blob.hullFill).toBeGreaterThanOrEqual(0.97);
    // A disc drawn on a lattice of tenths of the radius is a little wider one way than another.
    expect(blob.breadth).toBeGreaterThanOrEqual(0.75);
    const vertex = [-0.1, 0.4] as const;
    const tick = measureInkArea(
      lattice((u, v) => Math.min(toSegment(u, v, [-0.5, 0], vertex), toSegment(u, v, vertex, [0.6, -0.7])) <= 0.1),
      0.2,
      0.1,
    );
    expect(tick.hullFill).toBeLessThanOrEqual(0.7);
  });
});

/** Draws `draw` into every question bubble of a printed sheet scanned at 200 dpi and reads them back. */
async function readDrawn(seed: string, tool: Tool, draw: 'blob' | 'tick' | 'cross'): Promise<MarkReading[]> {
  const printed = await printedSheet(DPI);
  const image = { ...printed, pixels: new Uint8Array(printed.pixels) };
  const paint = painter(image, seed, tool);
  const scale = DPI / 72;
  for (const bubble of QUESTION_BUBBLES) {
    const [x, y, r] = [bubble.x * scale, bubble.y * scale, bubble.r * scale];
    if (draw === 'blob') paint.blob(x, y, r);
    else paint.mark(draw, x, y, r);
  }
  addNoise(image, 8, `noise-${seed}`);
  const readings = readSheet(image);
  if (!readings) throw new Error('corner marks not found');
  return QUESTION_BUBBLES.map((bubble) => readings[bubbles.indexOf(bubble)]!);
}

const confident = (reading: MarkReading) => reading.confidence >= REVIEW_BELOW;
const count = (readings: readonly MarkReading[], kinds: readonly string[]) =>
  readings.filter((reading) => kinds.includes(reading.kind) && confident(reading)).length;

describe('ink put down as an area inside the disc is a partial fill, not a stroke', () => {
  // Without the rule (December 2026), 23–51 % of these blobs were read as confident ticks or crosses and at most
  // half as confident partial fills; with it, 88–99 % are confident partial fills and none a confident stroke.
  it.each(TOOLS)('reads %s blobs, tight scribbles and spirals as partial fills, never as fills', async (tool) => {
    const readings = await readDrawn(`blob-area-${tool}`, tool, 'blob');
    expect(readings.filter((reading) => reading.kind === 'filled')).toEqual([]);
    expect(readings.filter((reading) => reading.fillConfidence < REVIEW_BELOW)).toEqual([]);
    expect(count(readings, ['partial']) / readings.length).toBeGreaterThanOrEqual(0.85);
    expect(count(readings, ['tick', 'cross'])).toBeLessThanOrEqual(2);
  });

  // Strokes as wide as a felt tip come closest to an area; a tick's vertex fills its corner. Two of these 104 ticks
  // were confident partial fills before the rule as after it.
  it.each(['tick', 'cross'] as const)('keeps a felt-tip %s a stroke, not a confident partial fill', async (kind) => {
    const readings = await readDrawn(`blob-felt-${kind}`, 'felt', kind);
    expect(readings.filter((reading) => reading.kind === 'filled' && reading.fillConfidence >= REVIEW_BELOW)).toEqual(
      [],
    );
    expect(count(readings, ['partial'])).toBeLessThanOrEqual(2);
    expect(count(readings, ['tick', 'cross']) / readings.length).toBeGreaterThanOrEqual(0.9);
  });
});
