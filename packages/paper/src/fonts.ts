import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const FILES = {
  Body: 'DejaVuSans.ttf',
  'Body-Bold': 'DejaVuSans-Bold.ttf',
  'Body-Oblique': 'DejaVuSans-Oblique.ttf',
  Mono: 'DejaVuSansMono.ttf',
} as const;

/**
 * DejaVu Sans, embedded (subset) in every PDF: the built-in PDF fonts cover Windows-1252 only, and exam texts use
 * more (☐, ■, −, Greek in prose). Names used by the drawing code.
 */
export const FONT = { body: 'Body', bold: 'Body-Bold', oblique: 'Body-Oblique', mono: 'Mono' } as const;

/** Each font file is read once per process, not once per PDF. */
const files = new Map<string, Buffer>();

function fontFile(name: keyof typeof FILES): Buffer {
  let data = files.get(name);
  if (!data) files.set(name, (data = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FILES[name]}`))));
  return data;
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const name of Object.values(FONT)) doc.registerFont(name, fontFile(name));
  shareLayoutCaches(doc);
}

/** The part of PDFKit's (private) embedded-font state used here: its cache of shaped words, and how it shapes one. */
interface EmbeddedFontState {
  readonly name?: string;
  layoutCache?: Record<string, unknown>;
  layoutRun?: (text: string) => unknown;
}

/** Font name → the words shaped so far, in any document. */
const layoutCaches = new Map<string, Record<string, unknown>>();

/**
 * PDFKit shapes every word with fontkit (GSUB/GPOS lookups) and caches the result per PDF; printing one PDF per student
 * would shape the same words hundreds of times, and decode the font's layout tables again for each PDF as soon as one
 * new word (a name, a page number) appears. Shaping depends only on the font and the text, so one cache per font is
 * shared by every document, and its misses are shaped by the first instance of the font (whose tables are decoded
 * once). The cached runs hold glyph ids, widths and code points, the same in every instance of a font file. If
 * PDFKit's internals change shape, this does nothing and every PDF shapes its own words as before.
 */
function shareLayoutCaches(doc: PDFKit.PDFDocument): void {
  const font = doc.font.bind(doc);
  const share = () => {
    const current = (doc as unknown as { _font?: EmbeddedFontState })._font;
    if (!current?.name || typeof current.layoutCache !== 'object' || typeof current.layoutRun !== 'function') return;
    let shared = layoutCaches.get(current.name);
    if (!shared) layoutCaches.set(current.name, (shared = sharedCache(current, current.layoutRun.bind(current))));
    if (current.layoutCache !== shared) current.layoutCache = shared;
  };
  doc.font = ((...args: Parameters<typeof font>) => {
    font(...args);
    share();
    return doc;
  }) as typeof doc.font;
}

function sharedCache(first: EmbeddedFontState, shape: (text: string) => unknown): Record<string, unknown> {
  const runs = new Map<string, unknown>();
  for (const [text, run] of Object.entries(first.layoutCache ?? {})) runs.set(text, run);
  return new Proxy(Object.create(null) as Record<string, unknown>, {
    get: (_, text) => {
      if (typeof text !== 'string') return undefined;
      let run = runs.get(text);
      if (run === undefined) runs.set(text, (run = shape(text)));
      return run;
    },
    set: (_, text, run) => {
      if (typeof text === 'string') runs.set(text, run);
      return true;
    },
  });
}
