import { seededRandom } from '@examforge/core';
import { describe, expect, it, vi } from 'vitest';
import { judgeBoxInk } from './box-ink.js';
import { readPage } from './read-page.js';
import { sampleBox } from './test-support/box-samples.js';
import { degrade } from './test-support/degrade.js';
import { drawStrokes, printedAt, writeAnswer, writeAround, type AnswerKind } from './test-support/handwriting.js';
import {
  compareCrop,
  freePages,
  printedSheetPages,
  scanContext,
  sheetIdentity,
} from './test-support/answer-sheet-scans.js';

// Each survey draws and reads 30–100 boxes: 15–21 s alone here, more on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const KINDS: readonly AnswerKind[] = ['to-the-edges', 'words', 'formula', 'crossed-out', 'dash'];

describe('cropping free-response boxes from printed and scanned sheets', () => {
  it.each([150, 200, 300].flatMap((dpi) => [-3, 3].map((rotation) => [dpi, rotation] as const)))(
    'at %i dpi turned %i°: each crop holds every stroke drawn in its box, and no border or ink from outside it',
    async (dpi, rotation) => {
      const pages = await printedSheetPages(dpi);
      const scale = dpi / 72;
      for (const [n, { index, page }] of freePages.entries()) {
        const box = page.boxes[0]!;
        const name = `${dpi}-${rotation}-${n}`;
        const random = seededRandom(name);
        const pen = { darkness: 0.4 + random() * 0.5, grain: 0 };
        const nib = pen.darkness < 0.6 ? 'pencil' : 'pen';
        const inside = [...writeAnswer(box, 'to-the-edges', name, nib), ...writeAnswer(box, KINDS[1 + n]!, name, nib)];
        const written = drawStrokes(pages[index]!, printedAt(scale), [...inside, ...writeAround(box, name)], pen, name);
        const how = {
          margin: Math.round(0.09 * written.width),
          rotation: rotation + random() * 0.4 - 0.2,
          scale: 1,
          shiftX: 0,
          shiftY: 0,
          blur: (0.8 * dpi) / 200,
          noise: 4,
          darkestLight: 0.7,
          lightAngle: random() * 2 * Math.PI,
          jpegQuality: 60,
        };
        const scan = await degrade(written, how, name);
        const result = readPage(scan, scanContext, { keepImage: true });
        expect(result.kind).toBe('read');
        if (result.kind !== 'read') return;
        expect(result.identity).toEqual({ ...sheetIdentity, page: index + 1 });
        // Read for the verdict only, the box is judged on pixels averaged straight from the scan: the same verdict.
        const verdictOnly = readPage(scan, scanContext);
        expect(verdictOnly.kind === 'read' && verdictOnly.answerBoxes).toEqual(result.answerBoxes);
        expect(verdictOnly.kind === 'read' && verdictOnly.crops[box.questionId]).toBeUndefined();
        const reading = result.answerBoxes?.[0];
        expect(reading?.questionId).toBe(box.questionId);
        const crop = result.crops[box.questionId]!;
        const { lost, foreign } = compareCrop(crop, reading!, inside);
        expect(lost.slice(0, 5), name).toEqual([]);
        expect(foreign, name).toBe(0);
        expect(reading?.ink).toBe('written');
      }
    },
  );
});

/** Boxes per resolution in each of the blank and written sets: 200 of each in all. */
const SAMPLES: Record<number, number> = { 150: 100, 200: 70, 300: 30 };
const WRITTEN: readonly AnswerKind[] = ['words', 'formula', 'dash', 'crossed-out', 'words', 'formula', 'dash'];

describe('telling blank boxes from written ones', () => {
  it.each([150, 200, 300])(
    'at %i dpi: no blank box (noise, JPEG, uneven light, dust, a faint smudge) is read as written',
    async (dpi) => {
      const wrong: string[] = [];
      let largest = 0;
      for (let i = 0; i < SAMPLES[dpi]!; i += 1) {
        const verdict = judgeBoxInk(await sampleBox(dpi, 'blank', `blank-${dpi}-${i}`));
        largest = Math.max(largest, verdict.largestStroke);
        if (verdict.ink !== 'blank') wrong.push(`blank-${dpi}-${i}: ${JSON.stringify(verdict)}`);
      }
      console.log(`${dpi} dpi blank: ${SAMPLES[dpi]} boxes, largest speck ${largest.toFixed(2)} pt`);
      expect(wrong).toEqual([]);
    },
    180_000,
  );

  it.each([150, 200, 300])(
    'at %i dpi: every written box (words, a formula, one short line, a crossed-out attempt) is read as written',
    async (dpi) => {
      const missed: string[] = [];
      let smallest = Infinity;
      for (let i = 0; i < SAMPLES[dpi]!; i += 1) {
        const kind = WRITTEN[i % WRITTEN.length]!;
        const verdict = judgeBoxInk(await sampleBox(dpi, kind, `written-${dpi}-${i}`));
        smallest = Math.min(smallest, verdict.largestStroke);
        if (verdict.ink !== 'written') missed.push(`written-${dpi}-${i} (${kind}): ${JSON.stringify(verdict)}`);
      }
      console.log(`${dpi} dpi written: ${SAMPLES[dpi]} boxes, smallest largest stroke ${smallest.toFixed(2)} pt`);
      expect(missed).toEqual([]);
    },
    180_000,
  );
});
