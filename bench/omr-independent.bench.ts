/**
 * Workload: the independent validation set (bench/independent-scans/): ~300 bubble pages of the bundled exam, each a
 * different student's shuffled sheet, marked by 48 simulated hands (HB and soft pencils, black and blue ballpoints,
 * felt tips; light to heavy; zig-zag, spiral and scribble fills) and captured six ways (flatbed, office feeder, fax,
 * photocopy, phone photo, harsh phone photo) at 150–300 dpi: ~31,400 bubbles with their truth. The simulator was
 * written from physical descriptions without reading the classifier; the classifier must never be tuned on it.
 * Timed: `readPage` per page on one thread (drawing pages is not timed; they are cached in bench/.cache/).
 */
import { measureIndependentSet } from './independent-scans/measure.js';
import type { BenchmarkResult } from './run.js';

export async function benchmarkOmrIndependent(): Promise<BenchmarkResult> {
  console.log('Reading the independent set (drawn on the first run, then cached)…');
  const measured = await measureIndependentSet({ log: (line) => console.log(line) });
  console.log(`\nBy capture (${measured.pages} pages, ${measured.bubbles} bubbles, ${measured.hands} hands):`);
  console.table(measured.byCapture);
  console.log('\nTruth (rows) × reading (columns), all captures:');
  console.table(measured.confusion);
  console.log('\nConfident readings the score sees differently from the truth, by capture:');
  console.table(measured.scoreErrors);
  console.log('\nComplete fills by tool, on identified pages:');
  console.table(measured.byTool);
  console.log(
    `\nreadPage: ${measured.pagesPerSecond} pages/s on one thread; drawing uncached pages took ${measured.generationSeconds} s`,
  );
  return {
    name: 'omr-independent',
    workload: `independent set: ${measured.pages} pages, ${measured.bubbles} bubbles, ${measured.hands} hands, six captures`,
    rows: measured.rows,
    ...{
      byCapture: measured.byCapture,
      confusion: measured.confusion,
      byTool: measured.byTool,
      scoreErrors: measured.scoreErrors,
      pagesPerSecond: measured.pagesPerSecond,
    },
  };
}
