/**
 * For a person checking the simulator by eye: writes pages of the set (the whole capture, and its bubble rows at 2×)
 * to bench/results/independent-preview/ and prints each row's truth beside its printed letters.
 *
 *   npx tsx bench/independent-scans/preview.ts 0 5 17
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { apply } from './homography.js';
import { independentSet } from './independent-set.js';

const directory = fileURLToPath(new URL('../results/independent-preview/', import.meta.url));
const wanted = process.argv.slice(2).map(Number);
if (wanted.length === 0 || wanted.some((index) => !Number.isInteger(index) || index < 0)) {
  console.error('usage: preview.ts <page index>…');
  process.exit(2);
}
mkdirSync(directory, { recursive: true });
const set = independentSet({ pages: Math.max(...wanted) + 1 });
for await (const page of set.pages()) {
  if (!wanted.includes(page.index)) continue;
  const { image } = page;
  const raw = () => sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 1 } });
  const name = `page-${page.index}-${page.capture}-${page.dpi}`;
  await raw()
    .resize({ height: 1200 })
    .png()
    .toFile(join(directory, `${name}.png`));
  const bubbles = set.layouts.get(page.variant)?.pages[0]?.bubbles ?? [];
  const corners = [
    apply(page.pageToImage, Math.min(...bubbles.map((b) => b.x)) - 40, Math.min(...bubbles.map((b) => b.y)) - 12),
    apply(page.pageToImage, Math.max(...bubbles.map((b) => b.x)) + 14, Math.max(...bubbles.map((b) => b.y)) + 12),
  ];
  const left = Math.max(0, Math.floor(Math.min(...corners.map((p) => p.x))));
  const top = Math.max(0, Math.floor(Math.min(...corners.map((p) => p.y))));
  const width = Math.min(image.width, Math.ceil(Math.max(...corners.map((p) => p.x)))) - left;
  const height = Math.min(image.height, Math.ceil(Math.max(...corners.map((p) => p.y)))) - top;
  if (width > 0 && height > 0)
    await raw()
      .extract({ left, top, width, height })
      .resize(width * 2, height * 2, { kernel: 'nearest' })
      .png()
      .toFile(join(directory, `${name}-rows.png`));
  console.log(`${name}: hands ${page.hands.join(', ')}${page.cut ? ', cut' : ''} ${JSON.stringify(page.settings)}`);
  const rows = new Map<string, string[]>();
  for (const truth of page.truth) {
    const label = bubbles.find((b) => b.questionId === truth.questionId && b.option === truth.option)?.label ?? '?';
    rows.set(truth.questionId, [...(rows.get(truth.questionId) ?? []), `${label.toUpperCase()}:${truth.kind}`]);
  }
  [...rows.entries()].forEach(([question, marks], row) => console.log(`  ${row + 1} ${question}: ${marks.join(' ')}`));
}
