import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutAnswerSheet, makeVariant, type Exam, type PageSize, type SheetLayout } from '@examforge/core';
import { renderAnswerSheet, renderAnswerSheets, type AnswerSheetContent } from '@examforge/paper';
import { parse, type Options } from 'csv-parse/sync';
import type { Output } from '../console.js';
import { EXIT, UserError } from '../errors.js';
import { readUserFile } from '../files.js';
import { loadExam } from '../load-exam.js';
import { progress } from '../render/progress.js';

export interface PrintOptions {
  readonly out: string;
  readonly roster?: string;
  readonly pageSize: PageSize;
  readonly merged?: boolean;
  readonly shuffle?: boolean;
  readonly version: number;
}

interface Student {
  readonly number: string;
  readonly name: string;
}

/**
 * `examforge print <exam> --out dir`: one answer sheet per student of the roster (or one generic sheet), as separate
 * PDFs or one merged PDF, with `manifest.json` holding every sheet's layout — the only geometry the scanner uses.
 */
export async function runPrint(examPath: string, options: PrintOptions, output: Output): Promise<number> {
  const exam = loadExam(examPath);
  const students = options.roster ? readRoster(options.roster) : [{ number: '', name: '' }];
  mkdirSync(options.out, { recursive: true });
  const sheets = students.map((student) => sheetFor(exam, student, options));
  const bar = progress(output, 'Printing answer sheets', sheets.length);
  const files: string[] = [];
  if (options.merged) {
    writeFileSync(join(options.out, 'answer-sheets.pdf'), await renderAnswerSheets(sheets));
    files.push('answer-sheets.pdf');
    bar.done();
  } else {
    for (const [index, sheet] of sheets.entries()) {
      const file = `${sheet.content.identity.studentNumber || 'generic'}.pdf`;
      writeFileSync(join(options.out, file), await renderAnswerSheet(sheet.layout, sheet.content));
      files.push(file);
      bar.update(index + 1);
    }
    bar.done();
  }
  const manifest = {
    exam: exam.id,
    version: options.version,
    pageSize: options.pageSize,
    units: 'PDF points, origin at the top-left corner, y downwards',
    sheets: sheets.map((sheet, index) => ({
      studentNumber: sheet.content.identity.studentNumber,
      name: sheet.content.studentName ?? '',
      variant: sheet.content.identity.variant,
      file: options.merged ? files[0] : files[index],
      layout: sheet.layout,
    })),
  };
  writeFileSync(join(options.out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  output.out(
    `Printed ${sheets.length} answer sheet(s) of ${exam.id} (${options.pageSize}) → ${options.out}/ (${files.length} PDF file(s) and manifest.json)`,
  );
  return EXIT.ok;
}

function sheetFor(
  exam: Exam,
  student: Student,
  options: PrintOptions,
): { layout: SheetLayout; content: AnswerSheetContent } {
  const seed = options.shuffle && student.number ? `${exam.id}:${student.number}` : 'canonical';
  const variant = makeVariant(exam, seed, {
    shuffleQuestions: options.shuffle === true,
    shuffleOptions: options.shuffle === true,
  });
  return {
    layout: layoutAnswerSheet(exam, variant, { pageSize: options.pageSize, studentNumberDigits: 8 }),
    content: {
      title: exam.title,
      studentName: student.name,
      identity: { examId: exam.id, version: options.version, variant: seed, studentNumber: student.number },
    },
  };
}

function readRoster(path: string): Student[] {
  const options: Options = { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true };
  const rows = parse(readUserFile(path, 'roster file'), options);
  const [header = [], ...body] = rows;
  const id = header.findIndex((name) => ['id', 'student', 'student_id'].includes(name.toLowerCase()));
  const name = header.findIndex((column) => column.toLowerCase() === 'name');
  if (id < 0)
    throw new UserError(`${path} has no \`id\` column`, ['expected a header row such as `id,name,email,extra_time`']);
  return body
    .map((row) => ({ number: row[id] ?? '', name: name < 0 ? '' : (row[name] ?? '') }))
    .filter((student) => student.number !== '');
}
