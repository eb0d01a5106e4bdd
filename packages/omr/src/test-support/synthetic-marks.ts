import { seededRandom } from '@examforge/core';
import type { GreyImage } from '../grey-image.js';
import type { MarkKind } from '../classify-mark.js';
import { graphite, valueNoise, type Graphite } from './graphite.js';
import { shareOf, solve } from './disc-share.js';
import { partialBlob } from './partial-blob.js';
import { smearedResidue } from './smeared-residue.js';

/**
 * What a student left in a bubble: a mark of some kind, a dot (the pen or pencil set down), or the faint residue of
 * an erased fill, rubbed about (`erased`) or dragged one way by the eraser (`smeared`). Dots and residue are noise,
 * not marks.
 */
export type SyntheticMark = Exclude<MarkKind, 'dot' | 'erasure'> | 'dot' | 'erased' | 'smeared';

/**
 * Draws marks of every kind into a rasterised sheet, as students make them: pen (dark, thin strokes) or pencil (as
 * light as 35 % darkness, grainy, broader strokes); fills slightly larger, smaller or off the circle, some leaving a
 * sliver or a lune of paper along the rim (at least 85 % of the white disc covered: a person reads them as filled);
 * partial fills covering 20–75 % of it (a clearly bare quarter or more) as a chord cut, a crescent or a scribble, or
 * 20–60 % as a blob, tight scribble or spiral put down inside the disc (`partialBlob`); ticks and crosses of varied
 * size, angle, proportions, stroke and position; and the residue of an erased fill (a faint smudge, sometimes a faint
 * ring).
 * Ink multiplies the paper (a pencil stroke over the printed ring stays as dark as the ring).
 */
export interface Painter {
  mark(kind: SyntheticMark, x: number, y: number, r: number): void;
  /** A partial fill put down as a blob inside the disc, always (`mark('partial', …)` draws one now and then). */
  blob(x: number, y: number, r: number): void;
}

interface Ink {
  /** Mean darkness, 0–1. */
  readonly darkness: number;
  /** Per-pixel spread of darkness around the mean (pencil grain), as a share of it. */
  readonly grain: number;
  readonly stroke: number;
  /** A pencil whose graphite follows the paper's tooth; without it, the grain is per pixel. */
  readonly graphite?: Graphite;
}

/** The darkness a mark leaves at a pixel. */
type Shade = (x: number, y: number) => number;

/** A mark under construction: the darkness of each pixel, drawn with max so overlapping strokes do not stack. */
export class Canvas {
  private readonly cover = new Map<number, number>();
  constructor(private readonly image: { width: number; height: number; pixels: Uint8Array }) {}

  paint(x: number, y: number, darkness: number): void {
    if (x < 0 || y < 0 || x >= this.image.width || y >= this.image.height) return;
    const index = y * this.image.width + x;
    this.cover.set(index, Math.max(this.cover.get(index) ?? 0, darkness));
  }

  /** Every pixel centre within the box around (cx, cy) for which `inside` holds. */
  region(cx: number, cy: number, reach: number, darkness: Shade, inside: (dx: number, dy: number) => boolean) {
    for (let y = Math.floor(cy - reach); y <= Math.ceil(cy + reach); y += 1)
      for (let x = Math.floor(cx - reach); x <= Math.ceil(cx + reach); x += 1)
        if (inside(x - cx, y - cy)) this.paint(x, y, darkness(x, y));
  }

  stroke(x0: number, y0: number, x1: number, y1: number, width: number, darkness: Shade): void {
    const dx = x1 - x0;
    const dy = y1 - y0;
    const length2 = dx * dx + dy * dy || 1;
    const reach = Math.hypot(dx, dy) / 2 + width;
    this.region((x0 + x1) / 2, (y0 + y1) / 2, reach, darkness, (ox, oy) => {
      const px = ox + (x1 - x0) / 2;
      const py = oy + (y1 - y0) / 2;
      const t = Math.max(0, Math.min(1, (px * dx + py * dy) / length2));
      return Math.hypot(px - t * dx, py - t * dy) <= width / 2;
    });
  }

  /** Whether the mark under construction inks the pixel (x, y). */
  covers(x: number, y: number): boolean {
    return this.cover.has(y * this.image.width + x);
  }

  commit(): void {
    for (const [index, darkness] of this.cover)
      this.image.pixels[index] = Math.round((this.image.pixels[index] ?? 255) * (1 - Math.min(1, darkness)));
  }
}

/** Bubble radius on the printed sheet, millimetres: the scale of a pencil's grain against the bubble. */
const BUBBLE_RADIUS_MM = (6 / 72) * 25.4;
/**
 * The white disc inside the printed ring (a 0.8 pt line on a 6 pt radius), as a share of the radius: what a person
 * sees covered or bare. How much of a bubble a fill covers is judged there, not out to the ring's centre line, whose
 * outer 13 % of the area is the ring's own ink.
 */
const WHITE_DISC = 1 - 0.4 / 6;

/** What the marks are drawn with: a pen, a pencil with per-pixel grain, or graphite on the paper's tooth. */
export type Tool = 'pen' | 'pencil' | 'graphite' | 'felt';

/**
 * A painter drawing on `image`. Each mark is drawn with `tool`; with `'any'`, a tool chosen at random (pen 40 %,
 * grainy pencil 20 %, graphite 40 %: the classifier's surveys); by default pen or grainy pencil, half and half (for
 * tests of the pipeline around the classifier, whose marks must be unmistakable).
 */
export function painter(
  image: { width: number; height: number; pixels: Uint8Array },
  seed: string,
  tool?: Tool | 'any',
): Painter {
  const random = seededRandom(seed);
  const between = (low: number, high: number) => low + random() * (high - low);
  // A student's hand: how dark and how wide each tool marks for them, the same all down the sheet; each mark then
  // varies with the pressure of the moment. Drawn apart from the marks, so that the marks' shapes stay as they were.
  const handRandom = seededRandom(`${seed}:hand`);
  // Partial fills put down as a blob inside the disc, drawn from their own stream: the partial fill each replaces is
  // still drawn from the marks' stream (and thrown away), so every other mark of a sheet stays as it was.
  const blobRandom = seededRandom(`${seed}:blob`);
  const handBetween = (low: number, high: number) => low + handRandom() * (high - low);
  const hand = {
    pen: { darkness: handBetween(0.75, 0.95), stroke: handBetween(0.12, 0.3) },
    felt: { darkness: handBetween(0.8, 0.95), stroke: handBetween(0.35, 0.7) },
    pencil: { darkness: handBetween(0.35, 0.6), stroke: handBetween(0.2, 0.35) },
    graphite: { darkness: handBetween(0.32, 0.8), stroke: handBetween(0.2, 0.4) },
  };
  /** This mark's darkness: the hand's, pressed a little harder or lighter (up to `spread` either way). */
  const pressed = (base: number, spread: number, most: number) =>
    Math.min(most, base * between(1 - spread, 1 + spread));
  const chooseInk = (r: number): Ink => {
    const roll = random();
    const chosen =
      tool === 'any'
        ? roll < 0.3
          ? 'pen'
          : roll < 0.45
            ? 'pencil'
            : roll < 0.85
              ? 'graphite'
              : 'felt'
        : (tool ?? (roll < 0.5 ? 'pen' : 'pencil'));
    const { darkness: base, stroke: width } = hand[chosen];
    if (chosen === 'pen')
      return { darkness: pressed(base, 0.05, 0.97), grain: 0.05, stroke: r * width * between(0.9, 1.1) };
    // A felt tip: an even, dark line as wide as 1.5 mm, most of the bubble's radius.
    if (chosen === 'felt')
      return { darkness: pressed(base, 0.04, 0.97), grain: 0.03, stroke: r * width * between(0.9, 1.1) };
    if (chosen === 'pencil')
      return { darkness: pressed(base, 0.15, 0.65), grain: between(0.2, 0.45), stroke: r * width * between(0.9, 1.1) };
    // A pencil on the paper's tooth: HB to soft, a light or a heavy hand.
    const darkness = pressed(base, 0.15, 0.85);
    const pencil = graphite({
      darkness,
      valleys: between(0.05, 0.3),
      mottle: between(0.05, 0.35),
      pixelsPerMm: r / BUBBLE_RADIUS_MM,
      seed: Math.floor(random() * 2 ** 30),
    });
    return { darkness, grain: 0, stroke: r * width * between(0.9, 1.1), graphite: pencil };
  };
  /** A mark about to be drawn at (x, y): its canvas, this moment's ink and how it shades each pixel. */
  const begin = (x: number, y: number, r: number): Draw => {
    const canvas = new Canvas(image);
    const ink = chooseInk(r);
    const force = ink.graphite ? between(0.85, 1.15) : 1;
    const shade: Shade = ink.graphite
      ? (px, py) => ink.graphite?.at(px, py, force) ?? 0
      : () => Math.max(0, ink.darkness * (1 + (random() * 2 - 1) * ink.grain));
    return { canvas, shade, between, random, x, y, r, ink };
  };
  return {
    mark(kind, x, y, r) {
      const draw = begin(x, y, r);
      const { canvas, random, ink } = draw;
      switch (kind) {
        case 'filled':
          if (random() < 0.2) drawFillShortOfRim(draw);
          else if ((ink.graphite || ink.stroke >= r * 0.35) && random() < 0.7) drawPassesFill(draw);
          else drawFill(draw);
          break;
        case 'dot':
          drawDot(draw);
          break;
        case 'partial':
          if (blobRandom() < BLOB_SHARE) {
            drawPartial({ ...draw, canvas: new Canvas(image) });
            drawBlob({ ...draw, random: blobRandom, between: (low, high) => low + blobRandom() * (high - low) });
          } else drawPartial(draw);
          break;
        case 'tick':
          drawTick(draw);
          break;
        case 'cross':
          drawCross(draw);
          break;
        case 'erased':
          drawResidue(draw);
          break;
        case 'smeared': {
          const residue = smearedResidue(x, y, r, ink.darkness, random, r / BUBBLE_RADIUS_MM);
          canvas.region(x, y, residue.reach, residue.shade, () => true);
          break;
        }
        case 'empty':
          break;
      }
      canvas.commit();
    },
    blob(x, y, r) {
      const draw = begin(x, y, r);
      drawBlob(draw);
      draw.canvas.commit();
    },
  };
}

/** The share of partial fills put down as a blob inside the disc (`partialBlob`). */
const BLOB_SHARE = 0.3;

interface Draw {
  readonly canvas: Canvas;
  readonly shade: Shade;
  readonly between: (low: number, high: number) => number;
  readonly random: () => number;
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly ink: Ink;
}

/** A fill a little larger or smaller than the circle, a little off centre, with a slightly wobbly edge. */
function drawFill({ canvas, shade, between, x, y, r }: Draw): void {
  const radius = r * between(0.95, 1.12);
  const [ox, oy] = [between(-0.08, 0.08) * r, between(-0.08, 0.08) * r];
  const wobble = between(0, 0.02);
  const phase = between(0, 2 * Math.PI);
  canvas.region(x + ox, y + oy, radius * 1.05, shade, (dx, dy) => {
    const edge = radius * (1 - wobble + wobble * Math.sin(3 * Math.atan2(dy, dx) + phase));
    return Math.hypot(dx, dy) <= edge;
  });
}

/**
 * A fill put down a little off the bubble, or stopping short of the ring on one side (the passes not quite reaching
 * it): a sliver, a shallow bay or a lune of paper along the rim, up to a sixth of the white disc inside the ring
 * (85–98 % covered). A person fills until no gap shows and reads such a bubble as filled; a lune this size is easy to
 * leave, since the printed ring hides where the fill ends. Between this and a partial fill's bare quarter lies what a
 * person must look at.
 */
function drawFillShortOfRim({ canvas, shade, between, random, x, y, r }: Draw): void {
  const target = between(0.85, 0.98);
  const direction = between(0, 2 * Math.PI);
  const [ux, uy] = [Math.cos(direction), Math.sin(direction)];
  const bubble = r * 1.02;
  if (random() < 0.5) {
    const cut = solve(target, -r, r, (c) => shareOf(r * WHITE_DISC, (dx, dy) => dx * ux + dy * uy <= c));
    canvas.region(x, y, bubble, shade, (dx, dy) => Math.hypot(dx, dy) <= bubble && dx * ux + dy * uy <= cut);
    return;
  }
  const radius = r * between(0.97, 1.05);
  const inFill = (offset: number) => (dx: number, dy: number) =>
    Math.hypot(dx, dy) <= r && Math.hypot(dx - ux * offset, dy - uy * offset) <= radius;
  const offset = solve(1 - target, 0, r, (o) => 1 - shareOf(r * WHITE_DISC, inFill(o)));
  canvas.region(x + ux * offset, y + uy * offset, radius, shade, (dx, dy) => Math.hypot(dx, dy) <= radius);
}

/**
 * Ink over 20–75 % of the white disc inside the ring (a clearly bare part, a quarter or more), as a chord cut, a
 * crescent along the rim, an off-centre disc or a scribble.
 */
function drawPartial(draw: Draw): void {
  const { canvas, shade, between, random, x, y, r } = draw;
  const target = between(0.2, 0.75);
  const direction = between(0, 2 * Math.PI);
  const [ux, uy] = [Math.cos(direction), Math.sin(direction)];
  const bubble = r * 1.02;
  const shape = random();
  if (shape < 0.3) {
    const cut = solve(target, -r, r, (c) => shareOf(r * WHITE_DISC, (dx, dy) => dx * ux + dy * uy <= c));
    canvas.region(x, y, bubble, shade, (dx, dy) => Math.hypot(dx, dy) <= bubble && dx * ux + dy * uy <= cut);
  } else if (shape < 0.5) {
    // A crescent hugging the rim: the bubble less a disc pushed to touch or cross its edge on one side.
    const hole = r * between(0.5, 0.8);
    const inCrescent = (offset: number) => (dx: number, dy: number) =>
      Math.hypot(dx, dy) <= r && Math.hypot(dx - ux * offset, dy - uy * offset) > hole;
    const offset = solve(target, r - hole, r + hole, (o) => shareOf(r * WHITE_DISC, inCrescent(o)));
    canvas.region(x, y, bubble, shade, inCrescent(offset));
  } else if (shape < 0.7) {
    // A fill put down off the bubble: the part that lands inside it.
    const inOverlap = (offset: number) => (dx: number, dy: number) =>
      Math.hypot(dx, dy) <= r && Math.hypot(dx - ux * offset, dy - uy * offset) <= r;
    const offset = solve(1 - target, 0, r * 2, (o) => 1 - shareOf(r * WHITE_DISC, inOverlap(o)));
    canvas.region(x, y, bubble, shade, inOverlap(offset));
  } else drawScribble(draw, target, ux, uy);
}

/** A partial fill as a blob, a tight scribble or a spiral inside the disc, off its centre (`partialBlob`). */
function drawBlob({ canvas, shade, random, x, y, r, ink }: Draw): void {
  const blob = partialBlob(x, y, r, r * WHITE_DISC, ink.stroke, random);
  if (blob.kind === 'solid') {
    canvas.region(blob.centre.x, blob.centre.y, blob.reach, shade, blob.inside);
    return;
  }
  // Each pass pressed a little differently.
  const pass =
    (force: number): Shade =>
    (px, py) =>
      shade(px, py) * force;
  blob.path.slice(1).forEach((to, k) => {
    const from = blob.path[k] ?? to;
    canvas.stroke(from.x, from.y, to.x, to.y, blob.width, pass(0.85 + 0.3 * random()));
  });
}

/** Back-and-forth strokes, close enough to merge, filling the part of the bubble on one side of a chord. */
function drawScribble(draw: Draw, target: number, ux: number, uy: number): void {
  const { canvas, shade, between, x, y, r, ink } = draw;
  const width = Math.max(ink.stroke, r * 0.28);
  const cut = solve(target, -r, r, (c) => shareOf(r * WHITE_DISC, (dx, dy) => dx * ux + dy * uy <= c));
  const [vx, vy] = [-uy, ux];
  const first = -r + width / 2;
  const last = Math.max(first, cut - width / 2);
  const rows = Math.max(1, Math.ceil((last - first) / (width * between(0.55, 0.8))) + 1);
  let previous: { x: number; y: number } | undefined;
  for (let row = 0; row < rows; row += 1) {
    const depth = rows === 1 ? last : first + ((last - first) * row) / (rows - 1);
    const half = Math.sqrt(Math.max(0, r * r - depth * depth)) * between(0.8, 0.95);
    const side = row % 2 === 0 ? 1 : -1;
    const start = { x: x + ux * depth - vx * half * side, y: y + uy * depth - vy * half * side };
    const end = { x: x + ux * depth + vx * half * side, y: y + uy * depth + vy * half * side };
    if (previous) canvas.stroke(previous.x, previous.y, start.x, start.y, width, shade);
    canvas.stroke(start.x, start.y, end.x, end.y, width, shade);
    previous = end;
  }
}

/** A tick: a short arm down to a vertex low left of centre, a long arm up to the right, of varied proportions. */
function drawTick({ canvas, shade, between, x, y, r, ink }: Draw): void {
  const size = r * between(0.75, 1.4);
  const angle = between(-0.35, 0.35);
  const [ox, oy] = [between(-0.15, 0.15) * r, between(-0.15, 0.15) * r];
  const place = (dx: number, dy: number) => ({
    x: x + ox + dx * Math.cos(angle) - dy * Math.sin(angle),
    y: y + oy + dx * Math.sin(angle) + dy * Math.cos(angle),
  });
  const a = place(-between(0.45, 0.65) * size, between(-0.1, 0.1) * size);
  const b = place(-between(0.0, 0.2) * size, between(0.45, 0.6) * size);
  const c = place(between(0.6, 0.85) * size, -between(0.65, 0.9) * size);
  canvas.stroke(a.x, a.y, b.x, b.y, ink.stroke, shade);
  canvas.stroke(b.x, b.y, c.x, c.y, ink.stroke, shade);
}

/** Two strokes crossing near the centre, each at its own angle and length. */
function drawCross({ canvas, shade, between, x, y, r, ink }: Draw): void {
  const size = r * between(0.75, 1.3);
  const turn = between(-0.3, 0.3);
  const [cx, cy] = [x + between(-0.15, 0.15) * r, y + between(-0.15, 0.15) * r];
  for (const base of [Math.PI / 4, -Math.PI / 4]) {
    const angle = base + turn + between(-0.15, 0.15);
    const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
    const [back, forth] = [size * between(1.1, 1.5), size * between(1.1, 1.5)];
    canvas.stroke(cx - dx * back, cy - dy * back, cx + dx * forth, cy + dy * forth, ink.stroke, shade);
  }
}

/**
 * What an eraser leaves of a fill: a faint blotchy smudge (5–25 % darkness) smeared along the eraser's strokes,
 * sometimes reaching past the ring, sometimes with a faint ring of graphite at the fill's edge.
 */
function drawResidue({ canvas, between, random, x, y, r }: Draw): void {
  const darkness = between(0.05, 0.25);
  const direction = between(0, Math.PI);
  const [ux, uy] = [Math.cos(direction), Math.sin(direction)];
  const [along, across] = [r * between(0.9, 1.4), r * between(0.8, 1.0)];
  const blotch = valueNoise(Math.floor(random() * 2 ** 30), r * 0.25);
  const streak = valueNoise(Math.floor(random() * 2 ** 30), r * 0.12);
  const smudge: Shade = (px, py) => {
    // Streaks run along the eraser's direction: noise stretched that way.
    const [a, b] = [(px - x) * ux + (py - y) * uy, -(px - x) * uy + (py - y) * ux];
    return darkness * (0.5 + 0.7 * blotch(px, py) + 0.3 * (streak(a / 4, b) - 0.5));
  };
  canvas.region(x, y, along, smudge, (dx, dy) => {
    const [a, b] = [dx * ux + dy * uy, -dx * uy + dy * ux];
    return (a / along) ** 2 + (b / across) ** 2 <= 1;
  });
  if (random() < 0.4) {
    const ring = r * between(0.75, 0.95);
    const width = r * between(0.08, 0.18);
    const faint = () => Math.min(0.25, darkness + between(0, 0.05));
    canvas.region(x, y, ring + width, faint, (dx, dy) => Math.abs(Math.hypot(dx, dy) - ring) <= width / 2);
  }
}

/** A pen or pencil set down in or on the bubble: a round dot 0.5–1.2 mm across. */
function drawDot({ canvas, shade, between, x, y, r }: Draw): void {
  const radius = ((between(0.5, 1.2) / 2) * r) / BUBBLE_RADIUS_MM;
  const [angle, distance] = [between(0, 2 * Math.PI), between(0, 0.9) * r];
  const [cx, cy] = [x + Math.cos(angle) * distance, y + Math.sin(angle) * distance];
  canvas.region(cx, cy, radius, shade, (dx, dy) => Math.hypot(dx, dy) <= radius);
}

/**
 * A pencil fill made of passes, as people fill bubbles: back and forth across the bubble (zig-zag) or round and round
 * (spiral), each pass pressed a little differently, close enough that only slivers of paper stay between them, often
 * running past the ring.
 */
function drawPassesFill(draw: Draw): void {
  const { canvas, shade, between, random, x, y, r, ink } = draw;
  const width = Math.max(ink.stroke, r * 0.25);
  const spacing = width * between(0.6, 1.05);
  const reach = r * between(0.95, 1.15);
  const pass =
    (force: number): Shade =>
    (px, py) =>
      shade(px, py) * force;
  if (random() < 0.6) {
    const angle = between(0, Math.PI);
    const [ux, uy, vx, vy] = [Math.cos(angle), Math.sin(angle), -Math.sin(angle), Math.cos(angle)];
    let previous: { x: number; y: number } | undefined;
    for (let depth = -reach + width / 2, row = 0; depth <= reach - width / 4; depth += spacing, row += 1) {
      const half = Math.sqrt(Math.max(0, reach * reach - depth * depth)) + between(-0.05, 0.2) * r;
      const side = row % 2 === 0 ? 1 : -1;
      const start = { x: x + vx * depth - ux * half * side, y: y + vy * depth - uy * half * side };
      const end = { x: x + vx * depth + ux * half * side, y: y + vy * depth + uy * half * side };
      const force = between(0.8, 1.2);
      if (previous) canvas.stroke(previous.x, previous.y, start.x, start.y, width, pass(force));
      canvas.stroke(start.x, start.y, end.x, end.y, width, pass(force));
      previous = end;
    }
    return;
  }
  // A spiral from the rim inwards, one turn per spacing, drawn as short straight pieces.
  const turns = reach / spacing;
  const steps = Math.ceil(turns * 24);
  const phase = between(0, 2 * Math.PI);
  let last = { x: x + Math.cos(phase) * reach, y: y + Math.sin(phase) * reach };
  for (let k = 1; k <= steps; k += 1) {
    const t = k / steps;
    const radius = reach * (1 - t) + width * 0.3;
    const angle = phase + t * turns * 2 * Math.PI;
    const next = { x: x + Math.cos(angle) * radius, y: y + Math.sin(angle) * radius };
    canvas.stroke(last.x, last.y, next.x, next.y, width, pass(between(0.85, 1.15)));
    last = next;
  }
}

/** Adds seeded noise of ±amplitude grey levels to every pixel (scanner noise). */
export function addNoise(image: GreyImage & { pixels: Uint8Array }, amplitude: number, seed: string): void {
  const random = seededRandom(seed);
  for (let index = 0; index < image.pixels.length; index += 1) {
    const value = (image.pixels[index] ?? 255) + Math.round((random() * 2 - 1) * amplitude);
    image.pixels[index] = Math.max(0, Math.min(255, value));
  }
}
