import { layoutAnswerSheet, makeVariant, type SheetPage } from '@examforge/core';
import { renderAnswerSheet } from '@examforge/paper';
import { rasterise } from '../../../paper/src/test-support/rasterise.js';
import type { GreyImage } from '../grey-image.js';
import { paperLevels } from '../paper-levels.js';
import type { AnswerBoxReading } from '../answer-boxes.js';
import { bundledExam } from './bundled-exam.js';
import type { PenStroke } from './handwriting.js';

const exam = bundledExam;
const variant = makeVariant(exam, 'sitting:s007', { shuffleQuestions: true, shuffleOptions: true });
export const sheetIdentity = { examId: exam.id, version: 1, variant: variant.seed, studentNumber: 's007' };
export const sheetLayout = layoutAnswerSheet(exam, variant, { pageSize: 'A4', studentNumberDigits: 8 });
export const scanContext = { exam, layoutFor: () => sheetLayout };
/** The sheet's free-response pages (three on the bundled exam), with their 0-based index in the printed sheet. */
export const freePages: readonly { readonly index: number; readonly page: SheetPage }[] = sheetLayout.pages.flatMap(
  (page, index) => (page.kind === 'free-response' ? [{ index, page }] : []),
);

const printed = new Map<number, Promise<GreyImage[]>>();
/** The bundled exam's answer sheet for one student, printed and rasterised by pdftoppm at `dpi` (once per dpi). */
export function printedSheetPages(dpi: number): Promise<GreyImage[]> {
  const made =
    printed.get(dpi) ??
    (async () =>
      rasterise(await renderAnswerSheet(sheetLayout, { title: exam.title, identity: sheetIdentity }), dpi))();
  printed.set(dpi, made);
  return made;
}

/** A crop's pixel darkness against the paper around it (0 paper, 1 black). */
function darknessOf(crop: GreyImage): (x: number, y: number) => number {
  const paper = paperLevels(crop, 48);
  return (x, y) => {
    if (x < 0 || y < 0 || x >= crop.width || y >= crop.height) return 0;
    const i = y * crop.width + x;
    return Math.max(0, 1 - (crop.pixels[i] ?? 255) / Math.max(1, paper[i] ?? 255));
  };
}

/** Stroke points every half point along each polyline. */
function strokePoints(strokes: readonly PenStroke[]) {
  return strokes.flatMap((stroke) =>
    stroke.points.slice(1).flatMap((b, i) => {
      const a = stroke.points[i] ?? b;
      const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 0.5));
      return Array.from({ length: steps + 1 }, (_, s) => ({
        x: a.x + ((b.x - a.x) * s) / steps,
        y: a.y + ((b.y - a.y) * s) / steps,
        width: stroke.width,
      }));
    }),
  );
}

/** Registration and scan blur move ink this far from where it was drawn, points. */
const TOLERANCE = 1;
/** A crop pixel this much darker than its paper is ink. */
const INK = 0.2;

/**
 * Where a crop disagrees with the strokes drawn into its box: drawn points with no ink near them in the crop
 * (`lost`), and ink in the crop that no drawn stroke explains (`foreign`: the border, a neighbour's strokes).
 */
export function compareCrop(crop: GreyImage, reading: AnswerBoxReading, drawn: readonly PenStroke[]) {
  const dark = darknessOf(crop);
  const toCrop = (p: { x: number; y: number }) => ({
    x: (p.x - reading.area.x) * reading.scale,
    y: (p.y - reading.area.y) * reading.scale,
  });
  const points = strokePoints(drawn);
  const lost = points.filter((point) => {
    const { x, y } = toCrop(point);
    const reach = Math.ceil((point.width / 2 + TOLERANCE) * reading.scale);
    for (let dy = -reach; dy <= reach; dy += 1)
      for (let dx = -reach; dx <= reach; dx += 1)
        if (dx * dx + dy * dy <= reach * reach && dark(Math.round(x + dx), Math.round(y + dy)) >= INK) return false;
    return true;
  });
  const explained = new Uint8Array(crop.width * crop.height);
  for (const point of points) {
    const { x, y } = toCrop(point);
    const reach = Math.ceil((point.width / 2 + TOLERANCE + 0.5) * reading.scale);
    for (let py = Math.round(y) - reach; py <= Math.round(y) + reach; py += 1)
      for (let px = Math.round(x) - reach; px <= Math.round(x) + reach; px += 1)
        if (px >= 0 && py >= 0 && px < crop.width && py < crop.height) explained[py * crop.width + px] = 1;
  }
  let foreign = 0;
  for (let y = 0; y < crop.height; y += 1)
    for (let x = 0; x < crop.width; x += 1) if (!explained[y * crop.width + x] && dark(x, y) >= INK) foreign += 1;
  return { lost, foreign };
}
