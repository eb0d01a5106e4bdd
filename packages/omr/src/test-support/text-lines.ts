/**
 * The pixels of a page of printed text: dark lines across it, as a question paper page fed by mistake (no corner
 * discs, no code).
 */
export function textLines(width: number, height: number): Uint8Array {
  const pixels = new Uint8Array(width * height).fill(255);
  for (let y = Math.round(height * 0.1); y < height * 0.9; y += 24)
    for (let dy = 0; dy < 6; dy += 1)
      pixels.fill(40, (y + dy) * width + Math.round(width * 0.12), (y + dy) * width + Math.round(width * 0.85));
  return pixels;
}
