import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { concatPdfs } from './concat-pdf.js';
import { printFiles, printMerged } from './print-files.js';
import type { PrintJob, PrintSetSpec } from './print-job.js';
import { variantCode } from './print-set.js';

const examSource = readFileSync(
  fileURLToPath(new URL('../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url)),
  'utf8',
);
const job: PrintJob = { examSource, pageSize: 'A4', questionPapers: true };
const specFor = (number: string): PrintSetSpec => ({
  seed: `dl:${number}`,
  shuffle: true,
  studentName: `Student ${number}`,
  identity: { examId: 'dl', version: 1, variant: `dl:${number}`, studentNumber: number },
});
const specs = ['s1', 's2', 's3'].map(specFor);

/** The text of each page, as poppler's pdftotext extracts it (an independent reader of the PDF). */
function pageTexts(pdf: Buffer): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'examforge-print-')), 'in.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}

describe('printing many sets', () => {
  it('renders the same bytes in worker threads as in this thread', async () => {
    const here = await printFiles(job, [[specs[0]!], [specs[1]!]], { workers: 1 });
    const threads = await printFiles(job, [[specs[0]!], [specs[1]!]], { workers: 2 });
    expect(threads.map((file) => file.pdf.equals(here[threads.indexOf(file)]!.pdf))).toEqual([true, true]);
    expect(threads[0]!.sets).toEqual(here[0]!.sets);
  });

  it('joins parts rendered on several threads into one PDF, every set where the page ranges say', async () => {
    let sets = 0;
    const merged = await printMerged(job, specs, { workers: 2, partSets: 1, title: 'All', onSet: () => (sets += 1) });
    const single = await printMerged(job, specs, { workers: 1, partSets: 1, title: 'All' });
    expect(merged.pdf.equals(single.pdf)).toBe(true);
    expect(sets).toBe(3);
    const pages = pageTexts(merged.pdf);
    const last = merged.sets.at(-1)!.answerSheet;
    expect(pages).toHaveLength(last.firstPage + last.pages - 1);
    merged.sets.forEach((set, index) => {
      const paper = set.questionPaper!;
      for (let page = paper.firstPage; page < paper.firstPage + paper.pages; page += 1)
        expect(pages[page - 1]).toContain(`variant ${variantCode(specs[index]!.seed)}`);
      expect(pages[set.answerSheet.firstPage - 1]).toContain('Fill the circle completely');
      expect(set.answerSheet.firstPage).toBe(paper.firstPage + paper.pages);
    });
    const info = execFileSync('pdfinfo', ['-'], { input: merged.pdf, encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+All/);
    expect(info).toMatch(/CreationDate:\s+Sat Jan\s+1 00:00:00 2000/);
  });

  it('draws question papers alone and joins them off the main thread, the same bytes as in this thread', async () => {
    const papersOnly: PrintJob = { ...job, answerSheets: false };
    const pool = await printMerged(papersOnly, specs.slice(0, 2), {
      workers: 1,
      offMainThread: true,
      title: 'Papers',
    });
    const here = await printMerged(papersOnly, specs.slice(0, 2), { workers: 1, title: 'Papers' });
    expect(pool.pdf.equals(here.pdf)).toBe(true);
    const pages = pageTexts(pool.pdf);
    const [first, second] = pool.sets;
    expect(second!.questionPaper!.firstPage).toBe(first!.questionPaper!.pages + 1);
    expect(pages).toHaveLength(first!.questionPaper!.pages + second!.questionPaper!.pages);
    expect(pool.sets.map((set) => set.answerSheet.pages)).toEqual([0, 0]);
    expect(pages.join('')).not.toContain('Fill the circle completely');
  });

  it('stops its workers when aborted', async () => {
    const stop = new AbortController();
    const printing = printFiles(job, [[specs[0]!], [specs[1]!]], { workers: 2, signal: stop.signal });
    stop.abort(new Error('stopping'));
    await expect(printing).rejects.toThrow('stopping');
  });

  it('refuses to join what it did not write', () => {
    expect(() => concatPdfs([Buffer.from('%PDF-1.4\nnot really\n')], 'x')).toThrow(/not a PDF written by PDFKit/);
  });
});
