import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Exam } from '@examforge/core';
import {
  exportAiken,
  exportGift,
  exportMoodleXml,
  exportQti30,
  type ExportedBank,
  type ExportNote,
  type ReadAsset,
} from '@examforge/interop';
import { Option, type Command } from 'commander';
import { styles, type Output } from '../console.js';
import { EXIT, UserError } from '../errors.js';
import { loadExam } from '../load-exam.js';

type Exporter = (exam: Exam, readAsset: ReadAsset) => ExportedBank;

/** The targets `--to` names, and the exporter of each. */
const EXPORTERS: ReadonlyMap<string, Exporter> = new Map<string, Exporter>([
  ['moodle-xml', exportMoodleXml],
  ['qti3', exportQti30],
  ['gift', exportGift],
  ['aiken', exportAiken],
]);

/**
 * `examforge export <exam> --to moodle-xml|gift|qti3|aiken [--out file]`: the exam as a question bank another
 * system imports, with the report of what the target cannot hold.
 */
export function addExportCommand(program: Command, output: Output, done: (code: number) => void): void {
  program
    .command('export')
    .description('write an exam as a question bank for a learning platform: Moodle XML, GIFT, QTI 3.0 or Aiken')
    .argument('<exam>', 'the exam file (exam.md); images are read relative to it')
    .addOption(new Option('--to <format>', 'the format to write').choices([...EXPORTERS.keys()]).makeOptionMandatory())
    .option('-o, --out <file>', 'where to write it (default: beside the exam, e.g. <exam id>-moodle.xml)')
    .addHelpText(
      'after',
      `
Every question the target can express is written; the rest is listed after "Not exported:" (left out) and
"Exported with losses:" (written, with something the target cannot hold, e.g. a key Moodle needs, a rubric's points).
qti3 writes a content package (.zip) with imsmanifest.xml, a test, one item per question and the images; GIFT has
no marks or images, Aiken only single-choice questions.
Exit codes: 0 written, 2 the exam cannot be read or the file cannot be written.`,
    )
    .action((exam: string, options: { to: string; out?: string }) => done(runExport(exam, options, output)));
}

export function runExport(examPath: string, options: { to: string; out?: string }, output: Output): number {
  const exporter = EXPORTERS.get(options.to);
  if (!exporter)
    throw new UserError(`cannot export to ${options.to}`, [`choose one of ${[...EXPORTERS.keys()].join(', ')}`]);
  const exam = loadExam(examPath);
  const bank = exporter(exam, readBeside(examPath));
  const path = options.out ?? join(dirname(examPath), bank.fileName);
  try {
    writeFileSync(path, bank.bytes);
  } catch (error) {
    throw new UserError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, [
      'check that its folder exists and can be written',
    ]);
  }
  printReport(bank, path, output);
  return EXIT.ok;
}

/** Images are read relative to the exam file, as lint checks them. */
function readBeside(examPath: string): ReadAsset {
  const directory = dirname(resolve(examPath));
  return (relativePath) => {
    const path = resolve(directory, relativePath);
    try {
      return statSync(path).isFile() ? new Uint8Array(readFileSync(path)) : undefined;
    } catch {
      return undefined;
    }
  };
}

function printReport(bank: ExportedBank, path: string, output: Output): void {
  const s = styles(output);
  output.out(`Wrote ${path} (${bank.format}, ${Math.ceil(bank.bytes.length / 1024)} KiB)`);
  const leftOut = bank.notes.filter((note) => note.keptAs === 'left-out');
  const partial = bank.notes.filter((note) => note.keptAs === 'partial');
  if (leftOut.length > 0)
    output.out([s.warning(`Not exported (${leftOut.length}):`), ...leftOut.map(noteLine)].join('\n'));
  if (partial.length > 0)
    output.out([s.note(`Exported with losses (${partial.length}):`), ...partial.map(noteLine)].join('\n'));
}

function noteLine(note: ExportNote): string {
  return `  ${note.questionId ?? 'exam'}: ${note.reason}`;
}
