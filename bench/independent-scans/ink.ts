/**
 * Laying a tool's line along a path onto the page at 400 dpi. Graphite is scraped off onto the paper's tooth: each
 * pass reaches as deep as the pressure lets it, so passes add up but pores stay white at light pressure. Ballpoint
 * paste rolls on nearly opaque, but the ball starves now and then (a skip) and a light hand leaves the pores bare.
 * Felt-tip dye floods the line evenly and wicks a little along the fibres beyond the tip.
 */
import type { Hand, Tool } from './hands.js';
import { toothDepth, sheenPatch } from './paper-tooth.js';
import { clamp01, type Rng, smoothstep, valueNoise } from './random.js';
import type { Path } from './strokes.js';

export const RENDER_DPI = 400;
export const PX_PER_MM = RENDER_DPI / 25.4;

/** A writable greyscale page (0 black … 255 white). */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** The ink of one mark, in a square window around its bubble, before it is laid on the page. */
export class MarkLayer {
  readonly size: number;
  readonly originX: number;
  readonly originY: number;
  /** How much of the tool's full darkness each pixel has taken up (0 … 1). */
  readonly density: Float32Array;
  /** Pixels the tip has swept (what a person would call covered, grain or not). */
  readonly footprint: Uint8Array;

  constructor(
    /** The bubble's centre on the page, px. */
    readonly centreX: number,
    readonly centreY: number,
    readonly tool: Tool,
    /** The sheet's paper texture. */
    readonly paperSalt: number,
    half = 120,
  ) {
    this.size = 2 * half + 1;
    this.originX = Math.round(centreX) - half;
    this.originY = Math.round(centreY) - half;
    this.density = new Float32Array(this.size * this.size);
    this.footprint = new Uint8Array(this.size * this.size);
  }

  /** Share of the disc of `radius` px around the centre that the tip has swept. */
  coverage(radius: number): number {
    let inside = 0;
    let covered = 0;
    this.forDisc(radius, (index) => {
      inside += 1;
      covered += this.footprint[index] ?? 0;
    });
    return inside === 0 ? 0 : covered / inside;
  }

  /** Calls `visit` with the window index of every pixel whose centre lies within `radius` px of the centre. */
  forDisc(radius: number, visit: (index: number, dx: number, dy: number) => void): void {
    const cx = this.centreX - this.originX;
    const cy = this.centreY - this.originY;
    for (let y = Math.max(0, Math.floor(cy - radius)); y <= Math.min(this.size - 1, Math.ceil(cy + radius)); y += 1)
      for (let x = Math.max(0, Math.floor(cx - radius)); x <= Math.min(this.size - 1, Math.ceil(cx + radius)); x += 1) {
        const dx = x + 0.5 - cx;
        const dy = y + 0.5 - cy;
        if (dx * dx + dy * dy <= radius * radius) visit(y * this.size + x, dx, dy);
      }
  }

  /** The darkness (0 … 1) the layer adds at each window pixel, as the scanner will see it. */
  darkness(): Float32Array {
    const out = new Float32Array(this.density.length);
    const { tool } = this;
    for (let index = 0; index < out.length; index += 1) {
      const density = this.density[index] ?? 0;
      if (density <= 0) continue;
      if (tool.graphite) {
        // Where graphite is burnished smooth it mirrors the lamp: a slightly lighter, patchy sheen.
        const x = this.originX + (index % this.size);
        const y = this.originY + Math.floor(index / this.size);
        const shine = tool.sheen * smoothstep(0.7, 1, density) * sheenPatch(x, y, this.paperSalt);
        out[index] = tool.maxDarkness * density * (1 - shine);
      } else {
        // A second layer of ink darkens a little further towards black.
        const single = tool.kind === 'felt-tip' ? 0.85 : 0.92;
        out[index] =
          tool.maxDarkness * Math.min(1, density / single) +
          (0.97 - tool.maxDarkness) * 0.5 * smoothstep(single, 1, density);
      }
    }
    return out;
  }
}

export interface StrokeOptions {
  /** Multiplies the hand's pressure. */
  readonly pressure?: number;
  /** Line width in px instead of the tool's (a dot: the tip set down). */
  readonly widthPx?: number;
  /** Lengths, px, over which the stroke fades in as the tip lands and out as it lifts (a flick). */
  readonly taperIn?: number;
  readonly taperOut?: number;
  readonly skips?: boolean;
}

/** Lays one pen-down along `path` (px relative to the layer's centre). */
export function drawStroke(layer: MarkLayer, path: Path, hand: Hand, random: Rng, options: StrokeOptions = {}): void {
  const { tool } = hand;
  const size = layer.size;
  const pass = new Float32Array(size * size);
  const offsetX = layer.centreX - layer.originX;
  const offsetY = layer.centreY - layer.originY;
  const baseWidth = options.widthPx ?? tool.widthMm * PX_PER_MM;
  const basePressure = hand.pressure * (options.pressure ?? 1);
  const taperIn = options.taperIn ?? 4;
  const taperOut = options.taperOut ?? 4;
  const salt = random.salt();
  const length = pathLength(path);
  let box = { x0: size, y0: size, x1: -1, y1: -1 };
  let skipLeft = 0;
  let skipInk = 1;
  let travelled = 0;
  const stamp = (x: number, y: number, step: number) => {
    const along = travelled;
    const wobble = 1 + 0.16 * (2 * valueNoise(along / 45, 0.5, salt) - 1);
    const taper = Math.min(1, (along + 1) / taperIn, (length - along + 1) / taperOut);
    const pressure = clamp01(basePressure * wobble * (0.35 + 0.65 * taper));
    let ink = 1;
    if (!tool.graphite && tool.kind !== 'felt-tip' && options.skips !== false) {
      // The ball starves for a moment now and then, more often when held lightly.
      if (skipLeft > 0) skipLeft -= step;
      else if (random.chance(tool.skipsPerMm * (1.4 - pressure) * (step / PX_PER_MM))) {
        skipLeft = random.uniform(0.2, 1) * PX_PER_MM;
        skipInk = random.uniform(0, 0.3);
      }
      if (skipLeft > 0) ink = skipInk;
    }
    const width = tool.graphite ? baseWidth * (0.8 + 0.35 * pressure) : baseWidth * (0.9 + 0.15 * pressure);
    const half = width / 2;
    const lx = x + offsetX;
    const ly = y + offsetY;
    const margin = half + tool.bleedPx + 1;
    const x0 = Math.max(0, Math.floor(lx - margin));
    const x1 = Math.min(size - 1, Math.ceil(lx + margin));
    const y0 = Math.max(0, Math.floor(ly - margin));
    const y1 = Math.min(size - 1, Math.ceil(ly + margin));
    box = { x0: Math.min(box.x0, x0), y0: Math.min(box.y0, y0), x1: Math.max(box.x1, x1), y1: Math.max(box.y1, y1) };
    for (let py = y0; py <= y1; py += 1)
      for (let px = x0; px <= x1; px += 1) {
        const d = Math.sqrt((px + 0.5 - lx) ** 2 + (py + 0.5 - ly) ** 2);
        let value: number;
        if (tool.graphite) {
          if (d >= half) continue;
          // A worn lead presses hardest in the middle of its flat.
          value = pressure * Math.sqrt(1 - (d / half) ** 4);
        } else if (tool.kind === 'felt-tip') {
          const wick = tool.bleedPx * valueNoise((layer.originX + px) / 1.5, (layer.originY + py) / 3, layer.paperSalt);
          value = clamp01(half + wick + 0.5 - d) * (d > half ? 0.7 : 1);
        } else value = clamp01(half + 0.5 - d) * ink;
        const index = py * size + px;
        if (value > (pass[index] ?? 0)) pass[index] = value;
      }
  };
  walk(path, Math.min(2.5, Math.max(0.5, baseWidth / 4)), (x, y, step) => {
    travelled += step;
    stamp(x, y, step);
  });
  for (let py = box.y0; py <= box.y1; py += 1)
    for (let px = box.x0; px <= box.x1; px += 1) {
      const index = py * size + px;
      const value = pass[index] ?? 0;
      if (value <= 0) continue;
      const depth = toothDepth(layer.originX + px, layer.originY + py, layer.paperSalt);
      let deposit: number;
      if (tool.graphite) {
        // Grit in the lead and the angle of its flat streak each pass differently.
        const grit = 0.8 + 0.2 * valueNoise((layer.originX + px) / 2.5, (layer.originY + py) / 2.5, salt);
        const touch = clamp01((value * grit * 1.35 - depth) / 0.3 + 0.5);
        deposit = touch * (0.3 + 0.6 * value) * (1 - 0.3 * depth);
      } else if (tool.kind === 'felt-tip') deposit = 0.85 * value;
      else deposit = 0.92 * value * (1 - 0.4 * (1 - hand.pressure) * depth);
      const before = layer.density[index] ?? 0;
      layer.density[index] = 1 - (1 - before) * (1 - deposit);
      if (value > 0.3) layer.footprint[index] = 1;
    }
}

/** Darkens the page under the layer: ink and graphite filter the light the paper (or the printed ring) reflects. */
export function layDown(page: Raster, layer: MarkLayer, darkness: Float32Array = layer.darkness()): void {
  for (let y = 0; y < layer.size; y += 1) {
    const py = layer.originY + y;
    if (py < 0 || py >= page.height) continue;
    for (let x = 0; x < layer.size; x += 1) {
      const px = layer.originX + x;
      const d = darkness[y * layer.size + x] ?? 0;
      if (d <= 0 || px < 0 || px >= page.width) continue;
      const index = py * page.width + px;
      page.pixels[index] = Math.round((page.pixels[index] ?? 255) * (1 - d));
    }
  }
}

export function pathLength(path: Path): number {
  let length = 0;
  for (let k = 1; k < path.length; k += 1) {
    const a = path[k - 1];
    const b = path[k];
    if (a && b) length += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return length;
}

/** Visits points every `step` px along the path (and its first point, for a dot). */
function walk(path: Path, step: number, visit: (x: number, y: number, advanced: number) => void): void {
  const first = path[0];
  if (!first) return;
  visit(first.x, first.y, 0);
  let carry = 0;
  for (let k = 1; k < path.length; k += 1) {
    const a = path[k - 1];
    const b = path[k];
    if (!a || !b) continue;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    let at = step - carry;
    for (; at <= length; at += step) visit(a.x + ((b.x - a.x) * at) / length, a.y + ((b.y - a.y) * at) / length, step);
    carry = length - (at - step);
  }
}
