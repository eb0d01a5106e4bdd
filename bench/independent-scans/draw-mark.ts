/**
 * Draws one mark of a known kind in one bubble with one hand. The kind is the ground truth, so each drawing is checked
 * against its definition and drawn again if it misses: a fill sweeps 85–100 % of the disc inside the printed ring (a
 * person going back over the gaps, as people do), a partial fill 20–75 %, an erasure leaves 5–25 % mean darkness.
 */
import type { Circle } from '@examforge/core';
import type { Hand } from './hands.js';
import { drawStroke, layDown, MarkLayer, PX_PER_MM, RENDER_DPI, type Raster } from './ink.js';
import { toothDepth } from './paper-tooth.js';
import { clamp01, hash01, type Rng } from './random.js';
import { cross, disc, extent, halfOf, rimArcs, scribble, spiral, tick, zigzag, type Path } from './strokes.js';

export type MarkKind = 'filled' | 'partial' | 'tick' | 'cross' | 'dot' | 'erasure' | 'empty';

const SCALE = RENDER_DPI / 72;
/** The printed ring is about 0.9 pt wide, centred on the layout's radius: the disc inside it ends 0.5 pt in. */
const RING_HALF_WIDTH_PT = 0.5;
/** Ink must stay clear of the neighbouring bubbles (22 pt apart, rows 21 pt): at most this far past the ring. */
const MAX_REACH_PAST_RING = 3.8 * SCALE;

interface Geometry {
  readonly centreX: number;
  readonly centreY: number;
  /** Radius of the disc inside the printed ring, px. */
  readonly inner: number;
  /** Radius of the ring's centre line, px. */
  readonly ring: number;
}

export function drawMark(
  page: Raster,
  bubble: Circle,
  kind: MarkKind,
  hand: Hand,
  random: Rng,
  paperSalt: number,
): void {
  const geometry: Geometry = {
    centreX: bubble.x * SCALE,
    centreY: bubble.y * SCALE,
    inner: (bubble.r - RING_HALF_WIDTH_PT) * SCALE,
    ring: bubble.r * SCALE,
  };
  const layer = () => new MarkLayer(geometry.centreX, geometry.centreY, hand.tool, paperSalt);
  switch (kind) {
    case 'empty':
      return;
    case 'filled':
      return layDown(page, filled(layer, geometry, hand, random));
    case 'partial':
      return layDown(page, partial(layer, geometry, hand, random));
    case 'tick':
    case 'cross':
      return layDown(page, tickOrCross(kind, layer(), geometry, hand, random));
    case 'dot':
      return layDown(page, dot(layer(), geometry, hand, random));
    case 'erasure':
      return erasure(page, layer, geometry, hand, random, paperSalt);
  }
}

const widthPx = (hand: Hand) => hand.tool.widthMm * PX_PER_MM;

function filled(layer: () => MarkLayer, g: Geometry, hand: Hand, random: Rng): MarkLayer {
  for (let attempt = 0; ; attempt += 1) {
    const result = layer();
    fillRegion(result, g, hand, random, attempt);
    // Whoever sees white left inside the ring goes over it again, across the first strokes.
    for (let extra = 0; extra < 3 && result.coverage(g.inner) < 0.85; extra += 1) {
      const region = disc(centreJitter(hand, random), g.inner - widthPx(hand) * 0.35);
      const style = { ...passStyle(hand, random, 0.75), angle: hand.passAngle + Math.PI / 2 + random.normal(0, 0.4) };
      drawStroke(result, zigzag(region, style, random), hand, random, { pressure: random.uniform(0.8, 1) });
    }
    if (result.coverage(g.inner) >= 0.85) return result;
    if (attempt >= 12) throw new Error(`no complete fill by ${hand.id}`);
  }
}

/** The hand's own way of filling: its style, its gaps, its overshoot. Later attempts are a little more careful. */
function fillRegion(layer: MarkLayer, g: Geometry, hand: Hand, random: Rng, attempt: number): void {
  const width = widthPx(hand);
  const care = Math.max(0.55, 1 - 0.1 * attempt);
  const centre = centreJitter(hand, random);
  const overshoot = hand.overshootMm * PX_PER_MM + random.normal(0, 1 + 2 * hand.sloppiness);
  const rim = Math.min(g.inner - width / 2 + overshoot, g.ring + MAX_REACH_PAST_RING - width / 2);
  switch (hand.fillStyle) {
    case 'zigzag': {
      const style = { ...passStyle(hand, random, care), overshoot };
      drawStroke(layer, zigzag(disc(centre, g.inner - width / 2), style, random), hand, random);
      break;
    }
    case 'spiral':
      drawStroke(layer, spiral(centre, rim, width * hand.gap * care, hand.sloppiness, random), hand, random);
      break;
    case 'scribble': {
      const loops = Math.round((7 + 6 * (1 - hand.gap)) / care);
      drawStroke(
        layer,
        scribble(disc(centre, rim * 0.55), rim * random.uniform(0.45, 0.6), loops, random),
        hand,
        random,
      );
      break;
    }
  }
  if (random.chance(hand.secondPass)) {
    const region = disc(centre, g.inner - width / 2);
    const style = { ...passStyle(hand, random, care), overshoot, angle: hand.passAngle + random.uniform(0.6, 1.6) };
    drawStroke(layer, zigzag(region, style, random), hand, random, { pressure: random.uniform(0.75, 1) });
  }
}

function passStyle(hand: Hand, random: Rng, care: number) {
  return {
    angle: hand.passAngle + random.normal(0, 0.12),
    spacing: Math.max(1.5, widthPx(hand) * hand.gap * care * random.uniform(0.9, 1.1)),
    overshoot: hand.overshootMm * PX_PER_MM,
    sloppiness: hand.sloppiness,
  };
}

function centreJitter(hand: Hand, random: Rng) {
  const spread = 0.5 + 2.5 * hand.sloppiness;
  return { x: random.normal(0, spread), y: random.normal(0, spread) };
}

/** A half fill, a crescent along the rim, an off-centre blob or a hasty scribble: each leaves a clear bare part. */
function partial(layer: () => MarkLayer, g: Geometry, hand: Hand, random: Rng): MarkLayer {
  const width = widthPx(hand);
  const style = random.pick(['half', 'crescent', 'blob', 'hasty'] as const);
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const result = layer();
    const inner = g.inner - width / 2;
    const dense = { ...passStyle(hand, random, 0.8), overshoot: random.uniform(-1, 2) };
    const safe = attempt >= 20 ? 'half' : style;
    switch (safe) {
      case 'half': {
        const region = halfOf(
          disc({ x: 0, y: 0 }, inner),
          random.uniform(0, 2 * Math.PI),
          random.uniform(-0.35, 0.3) * g.inner,
        );
        drawStroke(result, zigzag(region, dense, random), hand, random);
        break;
      }
      case 'crescent': {
        const span = random.uniform(0.9, 1.8) * Math.PI;
        const path = rimArcs(
          inner + random.uniform(-1, 2),
          g.inner * random.uniform(0.3, 0.6),
          random.uniform(0, 2 * Math.PI),
          span,
          width * hand.gap * 0.9,
          random,
        );
        drawStroke(result, path, hand, random);
        break;
      }
      case 'blob': {
        const angle = random.uniform(0, 2 * Math.PI);
        const distance = random.uniform(0.25, 0.5) * g.inner;
        const centre = { x: Math.cos(angle) * distance, y: Math.sin(angle) * distance };
        const radius = Math.max(width * 0.6, random.uniform(0.4, 0.65) * g.inner - width / 2);
        const path =
          hand.fillStyle === 'spiral'
            ? spiral(centre, radius, width * 0.8, hand.sloppiness, random)
            : zigzag(disc(centre, radius), dense, random);
        drawStroke(result, path, hand, random);
        break;
      }
      case 'hasty': {
        const region = halfOf(
          disc({ x: 0, y: 0 }, inner),
          random.uniform(0, 2 * Math.PI),
          random.uniform(0, 0.45) * g.inner,
        );
        const loopRadius = g.inner * random.uniform(0.25, 0.4);
        drawStroke(result, scribble(region, loopRadius, random.int(3, 6), random), hand, random, {
          pressure: random.uniform(0.7, 1),
        });
        break;
      }
    }
    const covered = result.coverage(g.inner);
    if (covered >= 0.2 && covered <= 0.75) return result;
  }
  throw new Error(`no partial fill within 20–75 % for ${hand.id}`);
}

/** Ticks and crosses of the hand's size, turned and placed as people draw them, kept clear of the next bubbles. */
function tickOrCross(kind: 'tick' | 'cross', layer: MarkLayer, g: Geometry, hand: Hand, random: Rng): MarkLayer {
  const limit = g.ring + MAX_REACH_PAST_RING - widthPx(hand) / 2;
  let size = hand.tickScale * 2 * g.inner * random.uniform(0.8, 1.15) * (kind === 'cross' ? 0.8 : 1);
  const angle = random.normal(0, 0.2);
  const at = { x: random.normal(0, 0.15) * g.inner, y: random.normal(0, 0.15) * g.inner };
  let paths: Path[];
  for (;;) {
    paths = kind === 'tick' ? [tick(size, angle, at, random)] : cross(size, angle, at, random);
    if (extent(paths) <= limit) break;
    size *= 0.92;
  }
  for (const path of paths)
    drawStroke(layer, path, hand, random, {
      pressure: random.uniform(0.85, 1.1),
      taperIn: 3,
      // A tick ends in a flick: the tip lifts while still moving.
      taperOut: kind === 'tick' ? size * random.uniform(0.15, 0.4) : 5,
    });
  return layer;
}

/** The tip set down, 0.5–1.2 mm across, inside the circle or on its ring. */
function dot(layer: MarkLayer, g: Geometry, hand: Hand, random: Rng): MarkLayer {
  const diameter = random.uniform(0.5, 1.2) * PX_PER_MM;
  const angle = random.uniform(0, 2 * Math.PI);
  const distance = random.chance(0.6)
    ? Math.sqrt(random.uniform(0, 1)) * 0.7 * g.inner
    : g.ring + random.normal(0, 1.5);
  const at = { x: Math.cos(angle) * distance, y: Math.sin(angle) * distance };
  const nudge = random.uniform(0, 0.25) * PX_PER_MM;
  const turn = random.uniform(0, 2 * Math.PI);
  const path = [at, { x: at.x + Math.cos(turn) * nudge, y: at.y + Math.sin(turn) * nudge }];
  drawStroke(layer, path, hand, random, {
    widthPx: diameter,
    pressure: random.uniform(0.9, 1.2),
    taperIn: 1,
    taperOut: 1,
    skips: false,
  });
  return layer;
}

/**
 * A fill rubbed out. The eraser lifts graphite from the fibre tops but not from the pores, and drags some along its
 * stroke beyond the circle; graphite that sat against the printed ring often survives as a faint ghost of it; the
 * rubbed paper is roughened (lifted fibres) and the printed ring itself loses a little toner.
 */
function erasure(page: Raster, layer: () => MarkLayer, g: Geometry, hand: Hand, random: Rng, paperSalt: number): void {
  const fill = layer();
  fillRegion(fill, g, hand, random, 0);
  const before = fill.darkness();
  const size = fill.size;
  const residue = new Float32Array(before.length);
  for (let index = 0; index < before.length; index += 1) {
    const d = before[index] ?? 0;
    if (d <= 0) continue;
    const depth = toothDepth(fill.originX + (index % size), fill.originY + Math.floor(index / size), paperSalt);
    residue[index] = d * (0.15 + 0.85 * depth ** 1.5);
  }
  const direction = hand.passAngle + random.normal(0, 0.5);
  const rub = random.uniform(1, 3.5) * PX_PER_MM;
  const smeared = smear(residue, size, direction, rub);
  const mixed = residue.map((value, index) => 0.35 * value + 0.65 * (smeared[index] ?? 0));
  const ghost = random.chance(0.5);
  if (ghost) {
    const radius = g.ring + random.uniform(1, 4);
    const width = random.uniform(1.2, 2.5);
    const strength = random.uniform(0.05, 0.14);
    const arcStart = random.uniform(0, 2 * Math.PI);
    const arcSpan = random.uniform(0.6, 2) * Math.PI;
    fill.forDisc(radius + 2 * width, (index, dx, dy) => {
      const along = (Math.atan2(dy, dx) - arcStart + 4 * Math.PI) % (2 * Math.PI);
      if (along > arcSpan) return;
      const across = Math.abs(Math.hypot(dx, dy) - radius) / width;
      if (across < 1) mixed[index] = (mixed[index] ?? 0) + strength * (1 - across * across);
    });
  }
  // The eraser stops at a residue of 5–25 % darkness inside the ring: scale the rubbed-out layer to it.
  const target = random.uniform(0.05, 0.25);
  let sum = 0;
  let count = 0;
  fill.forDisc(g.inner, (index) => {
    sum += mixed[index] ?? 0;
    count += 1;
  });
  const factor = sum > 0 ? (target * count) / sum : 0;
  const darkness = mixed.map((value) => Math.min(0.6, value * factor));
  roughen(page, fill, g, direction, rub, random, paperSalt);
  layDown(page, fill, darkness);
}

/** Averages the residue along the eraser's stroke (a box blur in one direction, `length` px long). */
function smear(values: Float32Array, size: number, angle: number, length: number): Float32Array {
  const out = new Float32Array(values.length);
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  const taps = Math.max(3, Math.round(length / 2));
  for (let y = 0; y < size; y += 1)
    for (let x = 0; x < size; x += 1) {
      let sum = 0;
      for (let k = 0; k < taps; k += 1) {
        const t = (k / (taps - 1) - 0.5) * length;
        const sx = Math.round(x + dx * t);
        const sy = Math.round(y + dy * t);
        if (sx >= 0 && sy >= 0 && sx < size && sy < size) sum += values[sy * size + sx] ?? 0;
      }
      out[y * size + x] = sum / taps;
    }
  return out;
}

function roughen(
  page: Raster,
  layer: MarkLayer,
  g: Geometry,
  angle: number,
  rub: number,
  random: Rng,
  salt: number,
): void {
  const along = g.inner + rub / 2 + PX_PER_MM;
  const across = g.inner + random.uniform(0.5, 1.2) * PX_PER_MM;
  const lift = random.uniform(0, 0.12);
  const rough = random.uniform(0.01, 0.035);
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  layer.forDisc(along, (index, dx, dy) => {
    const u = (dx * c + dy * s) / along;
    const v = (-dx * s + dy * c) / across;
    if (u * u + v * v > 1) return;
    const x = layer.originX + (index % layer.size);
    const y = layer.originY + Math.floor(index / layer.size);
    const at = y * page.width + x;
    const value = page.pixels[at] ?? 255;
    const lifted = value + (255 - value) * lift;
    const fibres = 1 - rough * (hash01(x, y >> 1, salt ^ 0x2545f491) - 0.35);
    page.pixels[at] = Math.round(clamp01((lifted * fibres) / 255) * 255);
  });
}
