/**
 * The independent validation set: ~300 bubble pages of the bundled exam, each a different student's sheet, marked by
 * one of 48 hands and captured in one of six ways, with the truth of every bubble. Pages are cached on disk (the file
 * the capture delivered, plus its truth) under a version key, so that only the first run pays for drawing them.
 *
 * @example
 * const set = independentSet();
 * for await (const page of set.pages()) readPage(page.image, { exam: set.exam, layoutFor: (key) => set.layouts.get(key.variant) });
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Exam, SheetLayout } from '@examforge/core';
import { decode } from './capture-common.js';
import { capture, type CaptureKind } from './capture.js';
import type { Matrix3 } from './homography.js';
import type { Raster } from './ink.js';
import { markPage, type BubbleTruth } from './mark-rows.js';
import { planPages, type PagePlan } from './page-plan.js';
import { loadExam, printedBubblePage, sheetFor } from './printed-sheet.js';
import { Rng } from './random.js';

/** Change whenever anything that shapes a page's pixels or truth changes: the cache is keyed by it. */
export const SET_VERSION = 'independent-2026-12-v13';

export const DEFAULT_CACHE = fileURLToPath(new URL('../.cache/independent-scans/', import.meta.url));

export interface IndependentPage {
  readonly index: number;
  readonly seed: string;
  readonly capture: CaptureKind;
  readonly dpi: number;
  readonly hands: readonly string[];
  /** The variant seed printed in the page's code (the key of `layouts`). */
  readonly variant: string;
  /** Greyscale, one byte per pixel (0 black … 255 white), as decoded from what the capture delivered. */
  readonly image: Raster;
  readonly truth: readonly BubbleTruth[];
  /** Part of the printed area is outside the image. */
  readonly cut: boolean;
  /** Page points to image pixels. */
  readonly pageToImage: Matrix3;
  readonly settings: Readonly<Record<string, number | string>>;
}

export interface IndependentSetOptions {
  /** How many pages (default: the full set). */
  readonly pages?: number;
  readonly cacheDirectory?: string;
  /** Called after each page, with whether it had to be drawn (not cached). */
  readonly onPage?: (page: IndependentPage, generated: boolean) => void;
}

export interface IndependentSet {
  readonly exam: Exam;
  /** The layout printed for each variant seed: what a reader's `layoutFor` answers. */
  readonly layouts: ReadonlyMap<string, SheetLayout>;
  readonly plans: readonly PagePlan[];
  /** The pages in order, drawn (and cached) or read from the cache. */
  readonly pages: () => AsyncGenerator<IndependentPage>;
}

type Stored = Omit<IndependentPage, 'image'> & { readonly version: string; readonly format: 'png' | 'jpeg' };

export function independentSet(options: IndependentSetOptions = {}): IndependentSet {
  const exam = loadExam();
  const plans = planPages(options.pages);
  const sheets = plans.map((plan) => sheetFor(exam, plan.index));
  const layouts = new Map(sheets.map((sheet) => [sheet.content.identity.variant, sheet.layout]));
  const root = options.cacheDirectory ?? DEFAULT_CACHE;
  async function* pages(): AsyncGenerator<IndependentPage> {
    const directory = join(root, `${SET_VERSION}-${await printFingerprint(sheets)}`);
    mkdirSync(directory, { recursive: true });
    // Pages of an older simulator or an older print are never read again.
    for (const entry of readdirSync(root))
      if (entry.startsWith('independent-') && join(root, entry) !== directory)
        rmSync(join(root, entry), { recursive: true, force: true });
    for (const [position, plan] of plans.entries()) {
      const sheet = sheets[position];
      if (!sheet) continue;
      const name = join(directory, `page-${String(plan.index).padStart(4, '0')}`);
      const cached = await load(name);
      const page = cached ?? (await generate(plan, sheet, name));
      options.onPage?.(page, !cached);
      yield page;
    }
  }
  return { exam, layouts, plans, pages };
}

/**
 * Other work may change how sheets are laid out or printed; a page cached from an older print would then carry a
 * stale truth. The cache is keyed by the layouts and by the pixels of one printed page.
 */
async function printFingerprint(sheets: readonly ReturnType<typeof sheetFor>[]): Promise<string> {
  // Only the first sheet: the key must not depend on how many pages were asked for.
  const hash = createHash('sha256');
  const first = sheets[0];
  if (first) hash.update(JSON.stringify(first.layout)).update((await printedBubblePage(first, 100)).pixels);
  return hash.digest('hex').slice(0, 12);
}

async function load(name: string): Promise<IndependentPage | undefined> {
  if (!existsSync(`${name}.json`)) return undefined;
  const stored = JSON.parse(readFileSync(`${name}.json`, 'utf8')) as Stored;
  if (stored.version !== SET_VERSION) return undefined;
  const { version: _version, format, ...page } = stored;
  return { ...page, image: await decode(readFileSync(`${name}.${format === 'png' ? 'png' : 'jpg'}`)) };
}

async function generate(plan: PagePlan, sheet: ReturnType<typeof sheetFor>, name: string): Promise<IndependentPage> {
  const random = new Rng(plan.seed);
  const printed = await printedBubblePage(sheet);
  const bubbles = sheet.layout.pages[0]?.bubbles ?? [];
  const paperSalt = random.fork('paper').salt();
  const truth = markPage(printed, bubbles, plan.hands, random.fork('marks'), paperSalt);
  const captured = await capture(plan.capture, plan.dpi, printed, random.fork('capture'));
  const stored: Stored = {
    version: SET_VERSION,
    index: plan.index,
    seed: plan.seed,
    capture: plan.capture,
    dpi: captured.dpi,
    hands: plan.hands.map((hand) => hand.id),
    variant: sheet.content.identity.variant,
    truth,
    cut: captured.cut,
    pageToImage: captured.pageToImage,
    settings: captured.settings,
    format: captured.format,
  };
  // The image first, its description last: a page whose JSON exists is complete.
  writeFileSync(`${name}.${captured.format === 'png' ? 'png' : 'jpg'}`, captured.file);
  writeFileSync(`${name}.json.part`, `${JSON.stringify(stored)}\n`);
  renameSync(`${name}.json.part`, `${name}.json`);
  const { version: _version, format: _format, ...page } = stored;
  return { ...page, image: await decode(captured.file) };
}
