import { layoutAnswerSheet, makeVariant, type Exam, type PageSize, type SheetLayout } from '@examforge/core';
import { scanContextFrom, type ScanContext, type ScanContextSpec } from '@examforge/omr';
import type { AppContext } from '../context.js';
import type { SittingsTable } from '../db/schema.js';
import { loadExamVersion } from './exams.js';
import { sittingShuffle } from './sittings.js';

/** The layout options of every sheet the server prints; the reader must use the same ones. */
export const SHEET_OPTIONS = { studentNumberDigits: 8 } as const;

/**
 * A student's variant seed in a sitting. Online attempts and printed sheets use the same seed, so a student's paper
 * shows the same question and option order as their screen would, and a scanned sheet's QR names it.
 */
export const variantSeed = (sittingId: string, rosterId: string): string => `${sittingId}:${rosterId}`;

/** The answer-sheet layout of one variant of an exam version in a sitting. */
export function sittingLayout(exam: Exam, sitting: SittingsTable, seed: string, pageSize: PageSize): SheetLayout {
  return layoutAnswerSheet(exam, makeVariant(exam, seed, sittingShuffle(sitting)), { pageSize, ...SHEET_OPTIONS });
}

/** The sitting's current exam version and its number (printed in every QR code). */
export async function currentVersion(
  context: AppContext,
  sitting: SittingsTable,
): Promise<{ exam: Exam; version: number }> {
  const row = await context.db
    .selectFrom('exam_versions')
    .select('version')
    .where('id', '=', sitting.exam_version_id)
    .executeTakeFirstOrThrow();
  return { exam: await loadExamVersion(context, sitting.exam_version_id), version: row.version };
}

/**
 * What the reader needs for a sitting's scans, as plain data (the page readers run on worker threads): the current
 * exam version's file, and every version's file so that a sheet's layout is rebuilt from the exam version and variant
 * seed in its QR code (a sheet printed before a key change names the older version; its layout is the same). Sheets
 * of other sittings or students get their layout too, so that they are read and then reported by the server rather
 * than dropped as foreign pages.
 */
export async function sittingScanSpec(context: AppContext, sitting: SittingsTable): Promise<ScanContextSpec> {
  const versions = await context.db
    .selectFrom('exam_versions')
    .select(['id', 'version', 'source'])
    .where('exam_id', '=', sitting.exam_id)
    .execute();
  const current = versions.find((row) => row.id === sitting.exam_version_id);
  if (!current) throw new Error(`sitting ${sitting.id} names a missing exam version`);
  return {
    examSource: current.source,
    layouts: {
      kind: 'seeded',
      versions: versions.map((row) => [row.version, row.source] as const),
      shuffle: sittingShuffle(sitting),
      sheet: { pageSize: sitting.sheet_page_size ?? 'A4', ...SHEET_OPTIONS },
    },
  };
}

/**
 * The reader's context for a sitting's scans, built from the same spec the page readers get: its layouts say how
 * many pages each sheet has and which questions each page holds.
 */
export async function sittingScanContext(context: AppContext, sitting: SittingsTable): Promise<ScanContext> {
  return scanContextFrom(await sittingScanSpec(context, sitting));
}
