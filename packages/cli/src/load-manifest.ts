import { layoutAnswerSheet, makeVariant, type Exam, type SheetLayout } from '@examforge/core';
import { UserError } from './errors.js';
import { readUserFile } from './files.js';

/** Variant seed → the answer-sheet layout printed for it. */
export type LayoutBook = ReadonlyMap<string, SheetLayout>;

/**
 * The layouts a print run wrote to `manifest.json`: the scanner reads geometry from here only, so a sheet is read
 * exactly as it was printed. Without a manifest, only unshuffled (`canonical`) sheets can be read.
 */
export function loadLayouts(exam: Exam, manifestPath: string | undefined): LayoutBook {
  if (manifestPath === undefined) {
    const variant = makeVariant(exam, 'canonical', { shuffleQuestions: false, shuffleOptions: false });
    return new Map([['canonical', layoutAnswerSheet(exam, variant, { pageSize: 'A4', studentNumberDigits: 8 })]]);
  }
  const text = readUserFile(manifestPath, 'manifest');
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${manifestPath} is not JSON: ${(error as Error).message}`, [
      'pass the manifest.json that `examforge print` wrote beside the PDFs',
    ]);
  }
  const sheets = readSheets(manifest, manifestPath);
  if (isRecord(manifest) && manifest['exam'] !== exam.id)
    throw new UserError(`${manifestPath} was printed for exam "${String(manifest['exam'])}", not "${exam.id}"`);
  return new Map(sheets.map((sheet) => [sheet.variant, sheet.layout]));
}

function readSheets(manifest: unknown, path: string): { variant: string; layout: SheetLayout }[] {
  const sheets = isRecord(manifest) ? manifest['sheets'] : undefined;
  if (!Array.isArray(sheets) || sheets.some((sheet) => !isSheet(sheet)))
    throw new UserError(`${path} is not a print manifest`, [
      'expected `{ "exam": …, "sheets": [{ "variant": …, "layout": { "pages": […] } }] }` as written by `examforge print`',
    ]);
  return sheets as { variant: string; layout: SheetLayout }[];
}

function isSheet(value: unknown): boolean {
  if (!isRecord(value) || typeof value['variant'] !== 'string') return false;
  const layout = value['layout'];
  return isRecord(layout) && Array.isArray(layout['pages']) && typeof layout['width'] === 'number';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
