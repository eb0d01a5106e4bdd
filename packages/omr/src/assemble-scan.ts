import type { SheetIdentity } from '@examforge/core';

/** Something about a scan batch a person should know; nothing is dropped silently. */
export type ScanAnomaly =
  | { readonly kind: 'blank-or-unknown'; readonly scanPage: number }
  | { readonly kind: 'upside-down'; readonly scanPage: number }
  | { readonly kind: 'duplicate'; readonly scanPage: number; readonly firstSeen: number; readonly sheet: string }
  | { readonly kind: 'missing'; readonly sheet: string; readonly page: number };

export interface AssembledSheet {
  readonly key: string;
  readonly identity: Omit<SheetIdentity, 'page'>;
  /** Sheet page number → the scan page (1-based) it came from. */
  readonly pages: ReadonlyMap<number, number>;
}

export interface ScannedPage {
  /** Undefined when the page has no readable identity (blank, foreign, damaged). */
  readonly identity?: SheetIdentity;
  readonly upsideDown?: boolean;
}

/**
 * Puts the pages of a scan batch back together, in whatever order, orientation and number they came: one sheet per
 * (exam, version, variant, student), each page once. Duplicates keep the first copy, and every odd page (blank or
 * unknown, upside down, duplicated) and every missing page is reported.
 *
 * @example
 * const { sheets, anomalies } = assembleScan(pages, 4);
 */
export function assembleScan(
  pages: readonly ScannedPage[],
  pagesPerSheet: number,
): { sheets: AssembledSheet[]; anomalies: ScanAnomaly[] } {
  const sheets = new Map<string, { identity: Omit<SheetIdentity, 'page'>; pages: Map<number, number> }>();
  const anomalies: ScanAnomaly[] = [];
  pages.forEach((page, index) => {
    const scanPage = index + 1;
    if (!page.identity) return void anomalies.push({ kind: 'blank-or-unknown', scanPage });
    if (page.upsideDown) anomalies.push({ kind: 'upside-down', scanPage });
    const { page: number, ...identity } = page.identity;
    const key = [identity.examId, identity.version, identity.variant, identity.studentNumber].join('|');
    const sheet = sheets.get(key) ?? { identity, pages: new Map<number, number>() };
    sheets.set(key, sheet);
    const firstSeen = sheet.pages.get(number);
    if (firstSeen !== undefined) return void anomalies.push({ kind: 'duplicate', scanPage, firstSeen, sheet: key });
    sheet.pages.set(number, scanPage);
  });
  for (const [key, sheet] of sheets) {
    for (let page = 1; page <= pagesPerSheet; page += 1)
      if (!sheet.pages.has(page)) anomalies.push({ kind: 'missing', sheet: key, page });
  }
  return { sheets: [...sheets].map(([key, sheet]) => ({ key, ...sheet })), anomalies };
}
