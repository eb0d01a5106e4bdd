/**
 * Seeded randomness for the independent set. Every seed is prefixed with SEED_PREFIX so that no sequence here is ever
 * one that the tests, the tuning survey or the other benchmarks draw.
 */
import { seededRandom } from '@examforge/core';

export const SEED_PREFIX = 'independent-2026-12m:';

export class Rng {
  private readonly next: () => number;
  private spare: number | undefined;

  constructor(readonly seed: string) {
    this.next = seededRandom(SEED_PREFIX + seed);
  }

  /** A child stream: drawing more in one part of the simulator never shifts another part's numbers. */
  fork(label: string): Rng {
    return new Rng(`${this.seed}/${label}`);
  }

  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.next();
  }

  /** An integer in [low, high], both included. */
  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  sign(): number {
    return this.next() < 0.5 ? -1 : 1;
  }

  normal(mean = 0, sd = 1): number {
    if (this.spare !== undefined) {
      const value = this.spare;
      this.spare = undefined;
      return mean + sd * value;
    }
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spare = radius * Math.sin(2 * Math.PI * v);
    return mean + sd * radius * Math.cos(2 * Math.PI * v);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** A salt for the hash noise below, drawn from this stream. */
  salt(): number {
    return Math.floor(this.next() * 0x7fffffff);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
}

/** A fixed pseudo-random value in [0, 1) per integer lattice point: texture that is the same wherever it is sampled. */
export function hash01(x: number, y: number, salt: number): number {
  let h = Math.imul(x | 0, 0x27d4eb2d) ^ Math.imul(y | 0, 0x165667b1) ^ salt;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** Smoothly interpolated lattice noise in [0, 1): structure at the scale of one lattice cell. */
export function valueNoise(x: number, y: number, salt: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const sx = fx * fx * (3 - 2 * fx);
  const sy = fy * fy * (3 - 2 * fy);
  const top = hash01(x0, y0, salt) + (hash01(x0 + 1, y0, salt) - hash01(x0, y0, salt)) * sx;
  const bottom = hash01(x0, y0 + 1, salt) + (hash01(x0 + 1, y0 + 1, salt) - hash01(x0, y0 + 1, salt)) * sx;
  return top + (bottom - top) * sy;
}

const NORMALS = (() => {
  const random = new Rng('normal-table');
  return Float32Array.from({ length: 1 << 16 }, () => random.normal());
})();

/**
 * A fast per-pixel Gaussian stream for sensor noise on millions of pixels: a xorshift walk over a fixed table of
 * normal deviates (the class above is for decisions).
 */
export function gaussianStream(salt: number): () => number {
  let state = salt >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return NORMALS[(state >>> 0) & 0xffff] ?? 0;
  };
}

export const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));
export const clamp01 = (value: number): number => clamp(value, 0, 1);
export const smoothstep = (low: number, high: number, value: number): number => {
  const t = clamp01((value - low) / (high - low));
  return t * t * (3 - 2 * t);
};
