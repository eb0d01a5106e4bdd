import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseExam } from '@examforge/core';
import { describe, expect, it } from 'vitest';
import { BUNDLED, runCli } from '../test-support/run-cli.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'examforge-print-'));
const pageCount = (pdf: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
/** The text of each page, as poppler's pdftotext extracts it. */
const pageTexts = (pdf: string) =>
  execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\f')
    .slice(0, -1);

interface Range {
  firstPage: number;
  pages: number;
}
interface ManifestSheet {
  studentNumber: string;
  variantCode: string;
  file: string;
  questionPaper: Range | null;
  answerSheet: Range;
  sheetPageOffset: number;
  layout: { pages: { rowLabels: { questionId: string }[] }[] };
}
const readManifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { sheets: ManifestSheet[] };
const writeRoster = (dir: string, count: number) => {
  const rows = Array.from({ length: count }, (_, i) => `s${String(i + 1).padStart(3, '0')},Student ${i + 1}`);
  writeFileSync(join(dir, 'roster.csv'), ['id,name', ...rows].join('\n'));
  return join(dir, 'roster.csv');
};

describe('examforge print', () => {
  it('prints one answer sheet per student with a manifest of every bubble', async () => {
    const out = scratch();
    const roster = join(out, 'roster.csv');
    writeFileSync(roster, 'id,name,email,extra_time\ns001,Asha Rao,a@x.test,\ns002,Ben Okafor,b@x.test,25%\n');
    const { code, stdout } = await runCli(
      'print',
      BUNDLED,
      '--roster',
      roster,
      '--out',
      join(out, 'sheets'),
      '--shuffle',
      '--sheets-only',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Printed 2 answer sheet(s)');
    for (const student of ['s001', 's002']) expect(pageCount(join(out, 'sheets', `${student}.pdf`))).toBe(4);
    const manifest = JSON.parse(readFileSync(join(out, 'sheets', 'manifest.json'), 'utf8'));
    expect(manifest.sheets.map((s: { studentNumber: string }) => s.studentNumber)).toEqual(['s001', 's002']);
    const bubbles = manifest.sheets[0].layout.pages.flatMap((p: { bubbles: unknown[] }) => p.bubbles);
    expect(bubbles).toHaveLength(104);
    // Shuffled per student: the two sheets print the questions in different orders.
    const order = (i: number) =>
      manifest.sheets[i].layout.pages[0].rowLabels.map((r: { questionId: string }) => r.questionId).join();
    expect(order(0)).not.toBe(order(1));
  });

  it('prints one merged PDF, on Letter paper', async () => {
    const out = scratch();
    const roster = join(out, 'roster.csv');
    writeFileSync(roster, 'id,name\na1,A\na2,B\na3,C\n');
    expect(
      (
        await runCli(
          'print',
          BUNDLED,
          ...['--roster', roster, '--out', out, '--merged', '--page-size', 'Letter', '--sheets-only'],
        )
      ).code,
    ).toBe(0);
    expect(pageCount(join(out, 'answer-sheets.pdf'))).toBe(12);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).pageSize).toBe('Letter');
  });

  it("prints each student's question paper in their variant, then the answer sheet, with the variant code on every page", async () => {
    const out = scratch();
    const roster = writeRoster(out, 2);
    const { code, stdout, stderr } = await runCli('print', BUNDLED, '--roster', roster, '--out', out, '--shuffle');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Printed 2 question paper(s) and answer sheet(s)');
    const { sheets } = readManifest(out);
    const orders = sheets.map((sheet) => {
      const pages = pageTexts(join(out, sheet.file));
      const paper = sheet.questionPaper as Range;
      expect(sheet.file).toBe(`${sheet.studentNumber}.pdf`);
      expect(paper.firstPage).toBe(1);
      expect(sheet.answerSheet).toEqual({ firstPage: paper.pages + 1, pages: 4 });
      expect(sheet.sheetPageOffset).toBe(paper.pages);
      expect(pages).toHaveLength(paper.pages + 4);
      pages.slice(0, paper.pages).forEach((text, index) => {
        expect(text).toContain(`variant ${sheet.variantCode} · page ${index + 1} of ${paper.pages}`);
      });
      expect(pages[0]).toContain(`Student ${Number(sheet.studentNumber.slice(1))} · ${sheet.studentNumber}`);
      // The sheet's first page, read back: its header and the student's number.
      expect(pages[paper.pages]).toContain('Fill the circle completely');
      expect(pages[paper.pages]).toContain(sheet.studentNumber);
      return questionOrderOnPaper(pages.slice(0, paper.pages).join('\n'));
    });
    // Each paper prints the questions in the order its own sheet numbers them, and the two variants differ.
    sheets.forEach((sheet, index) => {
      const onSheet = sheet.layout.pages[0]!.rowLabels.map((row) => row.questionId);
      const printed = orders[index]!;
      expect(onSheet.filter((id) => printed.includes(id))).toEqual(printed.filter((id) => onSheet.includes(id)));
    });
    expect(orders[0]).not.toEqual(orders[1]);
  });

  it('prints one merged print-shop file whose bytes do not depend on the number of threads', async () => {
    const out = scratch();
    const roster = writeRoster(out, 3);
    const merged = (workers: string) => {
      const dir = join(out, `w${workers}`);
      return runCli(
        'print',
        BUNDLED,
        '--roster',
        roster,
        '--out',
        dir,
        '--shuffle',
        '--merged',
        '--workers',
        workers,
      ).then((result) => {
        expect(result.code).toBe(0);
        return { dir, pdf: readFileSync(join(dir, 'papers-and-sheets.pdf')) };
      });
    };
    const one = await merged('1');
    const two = await merged('2');
    expect(two.pdf.equals(one.pdf)).toBe(true);
    const { sheets } = readManifest(one.dir);
    const pages = pageTexts(join(one.dir, 'papers-and-sheets.pdf'));
    let next = 1;
    for (const sheet of sheets) {
      const paper = sheet.questionPaper as Range;
      expect(paper.firstPage).toBe(next);
      expect(sheet.answerSheet.firstPage).toBe(next + paper.pages);
      for (let page = paper.firstPage; page < paper.firstPage + paper.pages; page += 1)
        expect(pages[page - 1]).toContain(`variant ${sheet.variantCode}`);
      next = sheet.answerSheet.firstPage + sheet.answerSheet.pages;
    }
    expect(pages).toHaveLength(next - 1);
    expect(readdirSync(one.dir).sort()).toEqual(['manifest.json', 'papers-and-sheets.pdf']);
  });

  it('pads odd question papers with a blank page for double-sided printing', async () => {
    const out = scratch();
    expect((await runCli('print', BUNDLED, '--out', out, '--duplex')).code).toBe(0);
    const [sheet] = readManifest(out).sheets;
    expect((sheet?.questionPaper as Range).pages % 2).toBe(0);
    expect(pageCount(join(out, 'generic.pdf'))).toBe((sheet?.answerSheet.firstPage ?? 0) + 3);
  });

  it('prints a generic sheet without a roster', async () => {
    const out = scratch();
    expect((await runCli('print', BUNDLED, '--out', out)).code).toBe(0);
    expect(existsSync(join(out, 'generic.pdf'))).toBe(true);
  });

  it('refuses a roster without an id column', async () => {
    const out = scratch();
    writeFileSync(join(out, 'r.csv'), 'name\nA\n');
    const { code, stderr } = await runCli('print', BUNDLED, '--roster', join(out, 'r.csv'), '--out', out);
    expect(code).toBe(2);
    expect(stderr).toContain('no `id` column');
  });
});

/** Question ids in the order a paper numbers them, found by number and first words (stems that start with text). */
function questionOrderOnPaper(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ');
  const found = stemStarts().map(({ id, start }) => {
    const escaped = start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return { id, number: Number(new RegExp(`(\\d+)\\. ${escaped}`).exec(flat)?.[1] ?? NaN) };
  });
  return found
    .filter(({ number }) => Number.isInteger(number))
    .sort((a, b) => a.number - b.number)
    .map(({ id }) => id);
}

function stemStarts(): { id: string; start: string }[] {
  const parsed = parseExam(readFileSync(BUNDLED, 'utf8'));
  if (!parsed.ok) throw new Error('bundled exam does not parse');
  return parsed.exam.sections
    .flatMap((section) => section.questions)
    .map((question) => ({ id: question.id, start: question.stem.split(/\s+/).slice(0, 5).join(' ') }))
    .filter(({ start }) => /^[A-Za-z][\w ,'-]+$/.test(start));
}
