import { seededRandom, type Rect } from '@examforge/core';
import type { GreyImage } from '../grey-image.js';
import type { Point } from '../homography.js';

/** One pen stroke on the sheet: a polyline in points, drawn with a round nib `width` points wide. */
export interface PenStroke {
  readonly points: readonly Point[];
  readonly width: number;
}

/** What a student writes into a box: a few words, a formula, one short line, a crossed-out attempt, or all of them. */
export type AnswerKind = 'words' | 'formula' | 'dash' | 'crossed-out' | 'to-the-edges';

/** A ballpoint's line is 0.25–0.4 mm wide, a pencil's 0.35–0.55 mm. */
export type Nib = 'pen' | 'pencil';

/** The border is a 1 pt line centred on the box's edge: writing stays inside its inner edge. */
const BORDER_INSIDE = 0.5;

/**
 * Pen strokes of a handwritten answer inside `box` (points), seeded: cursive words (looping baselines of 4–7 pt
 * letters with ascenders), a formula (`x² = a/b + c` drawn as letters, bars and crosses), a single short line, a
 * crossed-out attempt (a word struck through with a zig-zag), or words written from edge to edge with strokes that
 * stop a hair inside the border on every side.
 *
 * @example
 * const strokes = writeAnswer(page.boxes[0], 'words', 's001');
 */
export function writeAnswer(box: Rect, kind: AnswerKind, seed: string, nib: Nib = 'pen'): PenStroke[] {
  const random = seededRandom(`hand-${seed}`);
  const between = (low: number, high: number) => low + random() * (high - low);
  const width = nib === 'pen' ? between(0.7, 1.2) : between(1, 1.6);
  const inner = { x: box.x + 10, y: box.y + 14, width: box.width - 20, height: box.height - 28 };
  const at = () => ({ x: inner.x + random() * inner.width * 0.6, y: inner.y + 10 + random() * (inner.height - 20) });
  switch (kind) {
    case 'words':
      return lineOfWords(at(), Math.ceil(between(1, 4)), width, between);
    case 'formula':
      return formula(at(), between(5, 9), width);
    case 'dash': {
      const start = at();
      const length = between(12, 40);
      const slope = between(-0.1, 0.1);
      return [{ points: [start, { x: start.x + length, y: start.y + slope * length }], width }];
    }
    case 'crossed-out': {
      const start = at();
      const words = lineOfWords(start, Math.ceil(between(1, 3)), width, between);
      const right = Math.max(...words.flatMap((stroke) => stroke.points.map((p) => p.x)));
      return [...words, zigzag(start.x - 3, right + 3, start.y - 3, width, between)];
    }
    case 'to-the-edges':
      return toTheEdges(box, width, between);
  }
}

/** Strokes drawn outside the box, close around it (notes in the margin, a line running past the title). */
export function writeAround(box: Rect, seed: string): PenStroke[] {
  const random = seededRandom(`around-${seed}`);
  const between = (low: number, high: number) => low + random() * (high - low);
  const width = between(0.5, 1.1);
  const gap = () => BORDER_INSIDE + width / 2 + between(1.5, 3);
  const y = between(box.y + 60, box.y + box.height - 60);
  const x = between(box.x + 60, box.x + box.width - 200);
  return [
    {
      points: [
        { x: box.x - gap(), y },
        { x: box.x - gap() - 10, y: y + 30 },
      ],
      width,
    },
    {
      points: [
        { x: box.x + box.width + gap(), y: y - 20 },
        { x: box.x + box.width + gap() + 8, y: y + 10 },
      ],
      width,
    },
    {
      points: [
        { x, y: box.y - gap() },
        { x: x + 120, y: box.y - gap() - 3 },
      ],
      width,
    },
  ];
}

function lineOfWords(
  start: Point,
  words: number,
  width: number,
  between: (low: number, high: number) => number,
): PenStroke[] {
  const strokes: PenStroke[] = [];
  let x = start.x;
  for (let word = 0; word < words; word += 1) {
    const letters = Math.ceil(between(2, 7));
    strokes.push(cursiveWord({ x, y: start.y + between(-1, 1) }, letters, width, between));
    x += letters * 5.5 + between(6, 10);
  }
  return strokes;
}

/** A cursive word: a prolate cycloid (each turn a letter's loop), some letters tall (ascenders). */
function cursiveWord(
  start: Point,
  letters: number,
  width: number,
  between: (low: number, high: number) => number,
): PenStroke {
  const points: Point[] = [];
  const advance = between(4.5, 6);
  const heights = Array.from({ length: letters }, () => (between(0, 1) < 0.25 ? between(9, 12) : between(4, 6)));
  for (let step = 0; step <= letters * 12; step += 1) {
    const t = step / 12;
    const height = heights[Math.min(letters - 1, Math.floor(t))] ?? 5;
    const angle = 2 * Math.PI * t;
    points.push({
      x: start.x + advance * t - 1.6 * Math.sin(angle),
      y: start.y - (height / 2) * (1 - Math.cos(angle)),
    });
  }
  return { points, width };
}

/** `x² = a/b + c`, about `size` points tall. */
function formula(start: Point, size: number, width: number): PenStroke[] {
  const s = size;
  const line = (x0: number, y0: number, x1: number, y1: number): PenStroke => ({
    points: [
      { x: start.x + x0 * s, y: start.y + y0 * s },
      { x: start.x + x1 * s, y: start.y + y1 * s },
    ],
    width,
  });
  const loop = (cx: number, cy: number, r: number): PenStroke => ({
    points: Array.from({ length: 17 }, (_, i) => ({
      x: start.x + (cx + r * Math.cos((i / 16) * 2 * Math.PI)) * s,
      y: start.y + (cy + r * Math.sin((i / 16) * 2 * Math.PI)) * s,
    })),
    width,
  });
  return [
    line(0, -0.6, 0.6, 0),
    line(0, 0, 0.6, -0.6),
    line(0.7, -0.9, 0.9, -0.7),
    line(1.3, -0.4, 1.9, -0.4),
    line(1.3, -0.2, 1.9, -0.2),
    loop(2.5, -0.75, 0.22),
    line(2.1, -0.3, 2.9, -0.3),
    loop(2.5, 0.2, 0.22),
    line(2.45, -0.05, 2.4, 0.45),
    line(3.2, -0.3, 3.8, -0.3),
    line(3.5, -0.6, 3.5, 0),
    loop(4.3, -0.25, 0.25),
  ];
}

function zigzag(
  left: number,
  right: number,
  y: number,
  width: number,
  between: (low: number, high: number) => number,
): PenStroke {
  const points: Point[] = [];
  for (let x = left, up = true; x < right; x += between(3, 6), up = !up)
    points.push({ x, y: y + (up ? -3 : 3) + between(-1, 1) });
  points.push({ x: right, y });
  return { points, width };
}

/**
 * Words along the top and the foot of the box, and lines reaching out to each side: every stroke's ink stops
 * 0.6–1 pt inside the border's inner edge (a hair of paper a person still sees).
 */
function toTheEdges(box: Rect, width: number, between: (low: number, high: number) => number): PenStroke[] {
  const reach = () => BORDER_INSIDE + width / 2 + between(0.6, 1);
  const left = box.x + reach();
  const right = box.x + box.width - reach();
  const top = box.y + reach();
  const bottom = box.y + box.height - reach();
  const y = between(box.y + 80, box.y + box.height - 80);
  const x = between(box.x + 80, box.x + box.width - 80);
  return [
    cursiveWord({ x: left + 1.6, y: top + 12 }, 5, width, between),
    {
      points: [
        { x: left, y: top + 20 },
        { x: left + 30, y: top + 24 },
      ],
      width,
    },
    {
      points: [
        { x: right - 40, y: bottom - 4 },
        { x: right, y: bottom - 10 },
      ],
      width,
    },
    {
      points: [
        { x: left, y },
        { x: left + 25, y: y + 5 },
      ],
      width,
    },
    {
      points: [
        { x: right - 25, y: y + 12 },
        { x: right, y: y + 15 },
      ],
      width,
    },
    {
      points: [
        { x, y: top },
        { x: x + 4, y: top + 25 },
      ],
      width,
    },
    {
      points: [
        { x: x - 30, y: bottom - 25 },
        { x: x - 28, y: bottom },
      ],
      width,
    },
  ];
}

/** How the strokes are inked: darkness 0–1 (pen 0.7–0.9, pencil down to 0.35) and pencil grain (share of it). */
export interface InkStyle {
  readonly darkness: number;
  readonly grain: number;
}

/** Where sheet points land on an image: the map, and its pixels per point (for the nib's width). */
export interface Placement {
  readonly toPixel: (point: Point) => Point;
  readonly scale: number;
}

/** A page rasterised at `scale` pixels per point with the sheet's origin at pixel 0 (as pdftoppm renders it). */
export const printedAt = (scale: number): Placement => ({
  toPixel: (point) => ({ x: point.x * scale, y: point.y * scale }),
  scale,
});

/**
 * Draws strokes into a copy of an image: a round nib, its edge anti-aliased over a pixel; ink multiplies the paper,
 * and overlapping strokes do not stack. Coverage is worked out only within the strokes' bounding box (a few specks
 * on a page-sized box would otherwise cost a page of work each), visited row by row as before, so the pencil grain
 * takes the same random numbers in the same order.
 */
export function drawStrokes(
  page: GreyImage,
  placement: Placement,
  strokes: readonly PenStroke[],
  ink: InkStyle,
  seed: string,
): GreyImage {
  const segments = strokes.flatMap((stroke) => {
    const radius = (stroke.width / 2) * placement.scale;
    const pixels = stroke.points.map(placement.toPixel);
    return pixels.slice(1).map((b, i) => ({ a: pixels[i] ?? b, b, radius }));
  });
  const pixels = new Uint8Array(page.pixels);
  const area = segments.map((segment) => segmentBounds(segment, page)).reduce(union, undefined);
  if (!area) return { ...page, pixels };
  const cover = new Float32Array(area.width * area.height);
  for (const segment of segments) paintSegment(cover, area, segment);
  const random = seededRandom(`grain-${seed}`);
  for (let y = 0; y < area.height; y += 1)
    for (let x = 0, i = y * area.width; x < area.width; x += 1, i += 1) {
      const coverage = cover[i] ?? 0;
      if (coverage === 0) continue;
      const darkness = Math.min(1, ink.darkness * (1 + ink.grain * (random() * 2 - 1))) * coverage;
      const at = (area.y + y) * page.width + area.x + x;
      pixels[at] = Math.round((pixels[at] ?? 255) * (1 - darkness));
    }
  return { ...page, pixels };
}

interface Segment {
  readonly a: Point;
  readonly b: Point;
  readonly radius: number;
}

interface Size {
  readonly width: number;
  readonly height: number;
}

/** A pixel rectangle: `x`, `y` its first column and row. */
interface PixelArea extends Size {
  readonly x: number;
  readonly y: number;
}

/** The pixels a segment's nib may touch, short of `width` and `height`; undefined when none. */
function segmentBounds({ a, b, radius }: Segment, { width, height }: Size): PixelArea | undefined {
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - radius - 1));
  const x1 = Math.min(width - 1, Math.ceil(Math.max(a.x, b.x) + radius + 1));
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - radius - 1));
  const y1 = Math.min(height - 1, Math.ceil(Math.max(a.y, b.y) + radius + 1));
  return x1 < x0 || y1 < y0 ? undefined : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

function union(one: PixelArea | undefined, other: PixelArea | undefined): PixelArea | undefined {
  if (!one || !other) return one ?? other;
  const [x, y] = [Math.min(one.x, other.x), Math.min(one.y, other.y)];
  const right = Math.max(one.x + one.width, other.x + other.width);
  const bottom = Math.max(one.y + one.height, other.y + other.height);
  return { x, y, width: right - x, height: bottom - y };
}

/** Raises the coverage of the pixels of `area` the segment's nib covers (coverage is kept for `area` alone). */
function paintSegment(cover: Float32Array, area: PixelArea, segment: Segment): void {
  const { a, b, radius } = segment;
  // Each segment lies within `area` (their union), so clamping to its far edges is clamping to the image's.
  const bounds = segmentBounds(segment, { width: area.x + area.width, height: area.y + area.height });
  if (!bounds) return;
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const length2 = dx * dx + dy * dy || 1;
  for (let y = bounds.y; y < bounds.y + bounds.height; y += 1)
    for (let x = bounds.x; x < bounds.x + bounds.width; x += 1) {
      const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / length2));
      const distance = Math.hypot(x - a.x - t * dx, y - a.y - t * dy);
      const coverage = Math.max(0, Math.min(1, radius + 0.5 - distance));
      const index = (y - area.y) * area.width + (x - area.x);
      if (coverage > (cover[index] ?? 0)) cover[index] = coverage;
    }
}
