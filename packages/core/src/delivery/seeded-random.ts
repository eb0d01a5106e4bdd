/**
 * A small seeded pseudo-random generator (a string hashed with FNV-1a, then mulberry32): the same seed gives the same
 * sequence on every machine and in every browser, which is what makes a student's variant reproducible.
 */
export function seededRandom(seed: string): () => number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < seed.length; index += 1) {
    hash ^= seed.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  let state = hash >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of the items whose `movable` is true; the others keep their places. */
export function shuffleInPlace<T>(items: T[], random: () => number, movable: (item: T) => boolean = () => true): T[] {
  const positions = items.flatMap((item, index) => (movable(item) ? [index] : []));
  const moving = positions.map((index) => items[index] as T);
  for (let i = moving.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [moving[i], moving[j]] = [moving[j] as T, moving[i] as T];
  }
  positions.forEach((index, k) => (items[index] = moving[k] as T));
  return items;
}
