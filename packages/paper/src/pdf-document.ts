import PDFDocument from 'pdfkit';
import { registerFonts } from './fonts.js';

/**
 * Stands in for the clock in every PDF's creation date (and in the file id PDFKit derives from it), so the same input
 * prints the same bytes: reprints can be compared, and output does not depend on when or in how many workers it ran.
 */
export const PRINT_DATE = new Date(Date.UTC(2000, 0, 1));

/** A PDF being written, and its bytes once `doc.end()` has been called. */
export interface OpenDocument {
  readonly doc: PDFKit.PDFDocument;
  readonly bytes: Promise<Buffer>;
}

/**
 * A PDFKit document with Examforge's fonts, no automatic first page, pages kept until flushed (so that footers can be
 * written once a part's page count is known), and a fixed creation date.
 *
 * @example
 * const { doc, bytes } = openDocument('Answer sheets');
 * doc.addPage({ size: 'A4', margin: 0 });
 * doc.end();
 * writeFileSync('out.pdf', await bytes);
 */
export function openDocument(title: string): OpenDocument {
  const doc = new PDFDocument({
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    info: { Title: title, Producer: 'Examforge', Creator: 'Examforge', CreationDate: PRINT_DATE },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}
