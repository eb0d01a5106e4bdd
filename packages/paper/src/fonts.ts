import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const font = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);

/**
 * DejaVu Sans, embedded (subset) in every PDF: the built-in PDF fonts cover Windows-1252 only, and exam texts use
 * more (☐, ■, −, Greek in prose). Names used by the drawing code.
 */
export const FONT = { body: 'Body', bold: 'Body-Bold', oblique: 'Body-Oblique', mono: 'Mono' } as const;

export function registerFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(FONT.body, font('DejaVuSans.ttf'));
  doc.registerFont(FONT.bold, font('DejaVuSans-Bold.ttf'));
  doc.registerFont(FONT.oblique, font('DejaVuSans-Oblique.ttf'));
  doc.registerFont(FONT.mono, font('DejaVuSansMono.ttf'));
}
