/** Share of a disc of radius r (centred on the origin) for which `inside` holds, on a coarse grid. */
export function shareOf(r: number, inside: (dx: number, dy: number) => boolean): number {
  let hit = 0;
  let all = 0;
  for (let dy = -r; dy <= r; dy += r / 20)
    for (let dx = -r; dx <= r; dx += r / 20)
      if (Math.hypot(dx, dy) <= r) {
        all += 1;
        if (inside(dx, dy)) hit += 1;
      }
  return hit / all;
}

/** The parameter in [low, high] at which `share(p)`, increasing in p, reaches `target`. */
export function solve(target: number, low: number, high: number, share: (p: number) => number): number {
  for (let i = 0; i < 20; i += 1) {
    const mid = (low + high) / 2;
    if (share(mid) < target) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
