/**
 * 4× crops of confident errors for a person to look at: the bubble and its neighbours as the capture delivered them,
 * named by page, capture, question, truth and reading. At most a few per capture, so that every capture is seen.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SheetLayout } from '@examforge/core';
import sharp from 'sharp';
import { apply } from './homography.js';
import type { IndependentPage } from './independent-set.js';
import type { BubbleTruth } from './mark-rows.js';

export const CROPS_DIRECTORY = fileURLToPath(new URL('../results/independent-crops/', import.meta.url));

export interface ErrorCrop {
  readonly page: IndependentPage;
  readonly truth: BubbleTruth;
  readonly reading: string;
  readonly confidence: number;
  readonly layout: SheetLayout | undefined;
}

export async function writeCrops(errors: readonly ErrorCrop[], limit: number): Promise<void> {
  rmSync(CROPS_DIRECTORY, { recursive: true, force: true });
  mkdirSync(CROPS_DIRECTORY, { recursive: true });
  for (const error of pickVaried(errors, limit)) await writeCrop(error);
}

/**
 * A few errors per capture, each of a different kind of confusion where there are several (truth → reading), taken
 * from the middle of the set rather than its first pages.
 */
function pickVaried(errors: readonly ErrorCrop[], limit: number): ErrorCrop[] {
  const byCapture = new Map<string, Map<string, ErrorCrop[]>>();
  for (const error of errors) {
    const kinds = byCapture.get(error.page.capture) ?? new Map<string, ErrorCrop[]>();
    const key = `${error.truth.kind}>${error.reading}`;
    kinds.set(key, [...(kinds.get(key) ?? []), error]);
    byCapture.set(error.page.capture, kinds);
  }
  const perCapture = Math.max(1, Math.ceil(limit / Math.max(1, byCapture.size)));
  const picked: ErrorCrop[] = [];
  for (const kinds of byCapture.values()) {
    const groups = [...kinds.values()].sort((a, b) => b.length - a.length);
    for (let round = 0, taken = 0; taken < perCapture && round < perCapture; round += 1)
      for (const group of groups) {
        const error = group[Math.floor(((round + 0.5) * group.length) / perCapture) % group.length];
        if (taken >= perCapture || !error || picked.includes(error)) continue;
        picked.push(error);
        taken += 1;
      }
  }
  return picked.slice(0, limit);
}

async function writeCrop(error: ErrorCrop): Promise<void> {
  const bubble = error.layout?.pages[0]?.bubbles.find(
    (candidate) => candidate.questionId === error.truth.questionId && candidate.option === error.truth.option,
  );
  if (!bubble) return;
  const { image, pageToImage } = error.page;
  // The bubble with half a neighbour either side: 2.5 bubble spacings wide, one row and a half high.
  const corners = [
    apply(pageToImage, bubble.x - 27, bubble.y - 16),
    apply(pageToImage, bubble.x + 27, bubble.y - 16),
    apply(pageToImage, bubble.x - 27, bubble.y + 16),
    apply(pageToImage, bubble.x + 27, bubble.y + 16),
  ];
  const left = Math.max(0, Math.floor(Math.min(...corners.map((p) => p.x))));
  const top = Math.max(0, Math.floor(Math.min(...corners.map((p) => p.y))));
  const width = Math.min(image.width, Math.ceil(Math.max(...corners.map((p) => p.x)))) - left;
  const height = Math.min(image.height, Math.ceil(Math.max(...corners.map((p) => p.y)))) - top;
  if (width < 4 || height < 4) return;
  const name = [
    `p${String(error.page.index).padStart(4, '0')}`,
    error.page.capture,
    `${error.page.dpi}dpi`,
    error.truth.questionId,
    `printed-${bubble.label}`,
    `truth-${error.truth.kind}`,
    `read-${error.reading}-${error.confidence.toFixed(2)}`,
    error.truth.hand ?? '',
  ].join('_');
  await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 1 } })
    .extract({ left, top, width, height })
    .resize(width * 4, height * 4, { kernel: 'nearest' })
    .png()
    .toFile(join(CROPS_DIRECTORY, `${name}.png`));
}
