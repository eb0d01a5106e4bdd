/**
 * The seeded randomness a generator gets (bundled into the sandbox's prelude): FNV-1a of the seed string, then
 * mulberry32. The same seed gives the same numbers on every machine, which is what makes a student's instance
 * reproducible. Imports nothing: it runs in a bare V8 context.
 */

export function seededRandom(seed: string): () => number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < seed.length; index += 1) hash = Math.imul(hash ^ seed.charCodeAt(index), 0x01000193);
  let state = hash >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomHelpers {
  /** A number in [0, 1). */
  readonly random: () => number;
  /** A whole number from `min` to `max`, both included. */
  readonly randomInt: (min: number, max: number) => number;
  /** One item of a non-empty array. */
  readonly pick: <T>(items: readonly T[]) => T;
  /** A shuffled copy (Fisher–Yates). */
  readonly shuffle: <T>(items: readonly T[]) => T[];
}

export function randomHelpers(random: () => number): RandomHelpers {
  const randomInt = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min)
      throw new RangeError(`randomInt(${min}, ${max}): give two whole numbers, the smaller first`);
    return min + Math.floor(random() * (max - min + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (!Array.isArray(items) || items.length === 0) throw new RangeError('pick: give a non-empty array');
    return items[randomInt(0, items.length - 1)] as T;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = randomInt(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };
  return { random, randomInt, pick, shuffle };
}
