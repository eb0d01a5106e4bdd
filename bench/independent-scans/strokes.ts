/**
 * The paths a hand's tip follows, in pixels at 400 dpi relative to the bubble's centre (y down). Each function is one
 * way people move a pen: back and forth across the circle, round and round inwards, loops wandering over it, a check
 * mark, two crossing lines. The tip's width and the ink are added later (ink.ts); here is only where the tip goes.
 */
import type { Rng } from './random.js';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** One pen-down: the tip's path until it is lifted. */
export type Path = readonly Point[];

/** The part of the bubble a fill aims at. */
export interface Region {
  readonly inside: (x: number, y: number) => boolean;
  readonly centre: Point;
  /** Every inside point lies within this distance of the centre. */
  readonly reach: number;
}

export function disc(centre: Point, radius: number): Region {
  return {
    inside: (x, y) => (x - centre.x) ** 2 + (y - centre.y) ** 2 <= radius * radius,
    centre,
    reach: radius,
  };
}

/** The part of a region on one side of a line: `normal`·p ≤ `offset`. */
export function halfOf(region: Region, normalAngle: number, offset: number): Region {
  const nx = Math.cos(normalAngle);
  const ny = Math.sin(normalAngle);
  return { ...region, inside: (x, y) => region.inside(x, y) && nx * x + ny * y <= offset };
}

export interface PassStyle {
  readonly angle: number;
  /** Centre-to-centre distance of neighbouring passes, px. */
  readonly spacing: number;
  /** How far each pass runs past the region's edge, px (negative: stops short). */
  readonly overshoot: number;
  /** 0 neat … 1 sloppy. */
  readonly sloppiness: number;
}

/** Back-and-forth passes across the region, each turning at (roughly) its edge: the usual way to fill a circle. */
export function zigzag(region: Region, style: PassStyle, random: Rng): Path {
  const points: Point[] = [];
  const jitter = 0.4 + 2.2 * style.sloppiness;
  const reach = region.reach + 2;
  let forward = random.chance(0.5);
  for (let t = -reach + style.spacing * random.uniform(0.1, 0.7); t < reach; t += style.spacing) {
    const angle = style.angle + random.normal(0, 0.03 + 0.06 * style.sloppiness);
    const dx = Math.cos(angle);
    const dy = Math.sin(angle);
    const offset = t + random.normal(0, style.spacing * (0.05 + 0.12 * style.sloppiness));
    const ox = region.centre.x - dy * offset;
    const oy = region.centre.y + dx * offset;
    let first = Infinity;
    let last = -Infinity;
    for (let s = -reach; s <= reach; s += 0.5) {
      if (!region.inside(ox + dx * s, oy + dy * s)) continue;
      first = Math.min(first, s);
      last = Math.max(last, s);
    }
    if (first > last) continue;
    const start = first - style.overshoot - random.normal(0, jitter);
    const end = last + style.overshoot + random.normal(0, jitter);
    if (end <= start) continue;
    const bow = random.normal(0, 0.02 + 0.04 * style.sloppiness) * (end - start);
    const ends = forward ? [start, end] : [end, start];
    const [a, b] = ends as [number, number];
    points.push({ x: ox + dx * a, y: oy + dy * a });
    points.push({ x: ox + dx * ((a + b) / 2) - dy * bow, y: oy + dy * ((a + b) / 2) + dx * bow });
    points.push({ x: ox + dx * b, y: oy + dy * b });
    forward = !forward;
  }
  return points;
}

/** Round and round from the rim inwards (or from the middle out), drifting a little as a hand does. */
export function spiral(centre: Point, outer: number, spacing: number, sloppiness: number, random: Rng): Path {
  const points: Point[] = [];
  const direction = random.sign();
  const squash = random.normal(0, 0.04 + 0.05 * sloppiness);
  const tilt = random.uniform(0, Math.PI);
  const drift = 0.5 + 2.5 * sloppiness;
  const inward = random.chance(0.75);
  const turns = outer / spacing;
  const start = random.uniform(0, 2 * Math.PI);
  for (let theta = 0; theta < turns * 2 * Math.PI;) {
    const progress = theta / (turns * 2 * Math.PI);
    const radius = Math.max(0.5, inward ? outer * (1 - progress) : outer * progress);
    const angle = start + direction * theta;
    const ex = Math.cos(angle) * radius * (1 + squash);
    const ey = Math.sin(angle) * radius * (1 - squash);
    points.push({
      x: centre.x + ex * Math.cos(tilt) - ey * Math.sin(tilt) + drift * Math.sin(theta * 0.31),
      y: centre.y + ex * Math.sin(tilt) + ey * Math.cos(tilt) + drift * Math.cos(theta * 0.23),
    });
    theta += Math.min(0.5, 2 / Math.max(radius, 2));
  }
  return points;
}

/** Small loops wandering over the region: a scribble. `loops` is how many turns of the hand it takes. */
export function scribble(region: Region, loopRadius: number, loops: number, random: Rng): Path {
  const points: Point[] = [];
  let cx = region.centre.x + random.normal(0, region.reach * 0.2);
  let cy = region.centre.y + random.normal(0, region.reach * 0.2);
  let heading = random.uniform(0, 2 * Math.PI);
  let phase = random.uniform(0, 2 * Math.PI);
  const direction = random.sign();
  const speed = (region.reach * 2.2) / (loops * 12);
  for (let step = 0; step < loops * 14; step += 1) {
    heading += random.normal(0, 0.35);
    if (!region.inside(cx, cy))
      heading = Math.atan2(region.centre.y - cy, region.centre.x - cx) + random.normal(0, 0.3);
    cx += Math.cos(heading) * speed;
    cy += Math.sin(heading) * speed;
    phase += direction * random.uniform(0.38, 0.52);
    const radius = loopRadius * (0.75 + 0.25 * Math.sin(step * 0.17));
    points.push({ x: cx + Math.cos(phase) * radius, y: cy + Math.sin(phase) * radius * random.uniform(0.8, 1) });
  }
  return points;
}

/** Back-and-forth arcs hugging the rim over part of the circle: a fill begun at the edge and abandoned. */
export function rimArcs(outer: number, inner: number, from: number, span: number, spacing: number, random: Rng): Path {
  const points: Point[] = [];
  let forward = true;
  for (let radius = outer; radius >= inner; radius -= spacing * random.uniform(0.85, 1.1)) {
    const steps = Math.max(4, Math.ceil((span * radius) / 2));
    for (let k = 0; k <= steps; k += 1) {
      const angle = from + span * (forward ? k / steps : 1 - k / steps) + random.normal(0, 0.01);
      points.push({ x: Math.cos(angle) * radius, y: Math.sin(angle) * radius });
    }
    forward = !forward;
  }
  return points;
}

/** A check mark: a short stroke down to the vertex, a longer one up and away. `size` is its width, px. */
export function tick(size: number, angle: number, at: Point, random: Rng): Path {
  const shape: Point[] = [
    { x: -0.5 + random.normal(0, 0.05), y: -0.05 + random.normal(0, 0.08) },
    { x: -0.15 + random.normal(0, 0.05), y: 0.35 + random.normal(0, 0.05) },
    { x: 0.5 + random.normal(0, 0.06), y: -0.6 + random.normal(0, 0.1) },
  ];
  const bow = random.normal(0, 0.05);
  const [a, v, b] = shape as [Point, Point, Point];
  const curved: Point[] = [a, v];
  for (let k = 1; k <= 8; k += 1) {
    const t = k / 8;
    const bend = bow * Math.sin(Math.PI * t);
    curved.push({ x: v.x + (b.x - v.x) * t + bend, y: v.y + (b.y - v.y) * t + bend });
  }
  return place(curved, size, angle, at);
}

/** An X: two strokes, each lifted, not quite symmetric. `size` is the width of the X, px. */
export function cross(size: number, angle: number, at: Point, random: Rng): Path[] {
  const end = () => random.normal(0, 0.06);
  return [
    place(
      [
        { x: -0.5 + end(), y: -0.5 + end() },
        { x: 0.5 + end(), y: 0.5 + end() },
      ],
      size,
      angle,
      at,
    ),
    place(
      [
        { x: 0.5 + end(), y: -0.5 + end() },
        { x: -0.5 + end(), y: 0.5 + end() },
      ],
      size,
      angle + random.normal(0, 0.06),
      at,
    ),
  ];
}

function place(shape: readonly Point[], size: number, angle: number, at: Point): Path {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return shape.map((p) => ({ x: at.x + size * (p.x * c - p.y * s), y: at.y + size * (p.x * s + p.y * c) }));
}

/** How far a path goes from the centre at most. */
export function extent(paths: readonly Path[]): number {
  return Math.max(0, ...paths.flatMap((path) => path.map((p) => Math.hypot(p.x, p.y))));
}
