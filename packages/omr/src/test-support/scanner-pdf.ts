import PDFDocument from 'pdfkit';
import sharp from 'sharp';

/**
 * Page images (JPEG or PNG bytes) as one PDF, each page one image at the scan's resolution — what a sheet-feed
 * scanner writes for a batch. Used by tests and benchmarks to make scans of printed, marked sheets.
 */
export async function scannerPdf(pages: readonly Buffer[], dpi: number): Promise<Buffer> {
  const document = new PDFDocument({ autoFirstPage: false, margin: 0 });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => document.on('end', () => resolve(Buffer.concat(chunks))));
  for (const page of pages) {
    const { width, height } = await sharp(page).metadata();
    const size: [number, number] = [(width * 72) / dpi, (height * 72) / dpi];
    document.addPage({ size, margin: 0 }).image(page, 0, 0, { width: size[0], height: size[1] });
  }
  document.end();
  return done;
}
