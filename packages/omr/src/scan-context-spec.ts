import {
  layoutAnswerSheet,
  makeVariant,
  parseExam,
  type Exam,
  type SheetLayout,
  type SheetLayoutOptions,
  type ShuffleSettings,
} from '@examforge/core';
import type { ScanContext, SheetKey } from './read-page.js';

/**
 * Where the layouts of a scan come from, as plain data (it crosses into worker threads):
 * - `printed`: the layouts a print run wrote to its manifest, by variant seed;
 * - `seeded`: rebuilt from each page's exam version and variant seed, the way a server that printed the sheets
 *   itself lays them out (same exam file, shuffle settings and sheet options ⇒ the same geometry).
 */
export type LayoutSource =
  | { readonly kind: 'printed'; readonly layouts: readonly (readonly [string, SheetLayout])[] }
  | {
      readonly kind: 'seeded';
      /** Exam version number → the exam file of that version. */
      readonly versions: readonly (readonly [number, string])[];
      readonly shuffle: ShuffleSettings;
      readonly sheet: SheetLayoutOptions;
    };

/** Everything a reader needs, as plain data: the exam file being scanned and where layouts come from. */
export interface ScanContextSpec {
  readonly examSource: string;
  readonly layouts: LayoutSource;
}

/**
 * Builds the reader's context from its plain-data spec (layouts of `seeded` sources are made on first use and kept).
 *
 * @example
 * const context = scanContextFrom({ examSource, layouts: { kind: 'printed', layouts: [...manifestLayouts] } });
 */
export function scanContextFrom(spec: ScanContextSpec): ScanContext {
  const exam = parsed(spec.examSource);
  const source = spec.layouts;
  if (source.kind === 'printed') {
    const layouts = new Map(source.layouts);
    return { exam, layoutFor: (key) => layouts.get(key.variant) };
  }
  const versions = new Map(source.versions.map(([version, text]) => [version, parsed(text)]));
  const made = new Map<string, SheetLayout | undefined>();
  const layoutFor = (key: SheetKey): SheetLayout | undefined => {
    const id = `${key.version}|${key.variant}`;
    if (!made.has(id)) {
      const printed = versions.get(key.version);
      made.set(
        id,
        printed && layoutAnswerSheet(printed, makeVariant(printed, key.variant, source.shuffle), source.sheet),
      );
    }
    return made.get(id);
  };
  return { exam, layoutFor };
}

function parsed(source: string): Exam {
  const result = parseExam(source);
  if (!result.ok) throw new Error('the exam file of the scan does not parse');
  return result.exam;
}
