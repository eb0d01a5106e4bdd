import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { freePages, printedSheetPages, sheetIdentity, sheetLayout } from '../test-support/answer-sheet-scans.js';
import { drawStrokes, printedAt, writeAnswer } from '../test-support/handwriting.js';
import { startPageReaders } from './page-readers.js';

const examSource = readFileSync(
  fileURLToPath(new URL('../../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url)),
  'utf8',
);

describe('page readers on worker threads (the compiled reader: build packages/omr first)', () => {
  it('send a free-response page back with its box crop and verdict', async () => {
    const { index, page } = freePages[0]!;
    const box = page.boxes[0]!;
    const pen = { darkness: 0.8, grain: 0 };
    const image = drawStrokes(
      (await printedSheetPages(150))[index]!,
      printedAt(150 / 72),
      writeAnswer(box, 'formula', 'worker'),
      pen,
      'worker',
    );
    const raw = { raw: { width: image.width, height: image.height, channels: 1 as const } };
    const data = await sharp(image.pixels, raw).png().toBuffer();
    const layouts = { kind: 'printed' as const, layouts: [[sheetIdentity.variant, sheetLayout] as const] };
    const readers = startPageReaders({ examSource, layouts }, { workers: 1, keepImages: true });
    try {
      const { result } = await readers.read({ name: 'page.png', data }, 0);
      expect(result.kind).toBe('read');
      if (result.kind !== 'read') return;
      expect(result.answerBoxes?.map((reading) => [reading.questionId, reading.ink])).toEqual([
        [box.questionId, 'written'],
      ]);
      const crop = result.crops[box.questionId];
      expect(crop?.pixels.length).toBe((crop?.width ?? 0) * (crop?.height ?? 0));
      expect(crop?.width).toBeGreaterThan(box.width * (150 / 72) - 10);
    } finally {
      await readers.close();
    }
  });
});
