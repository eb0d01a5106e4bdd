import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve, sep } from 'node:path';
import { printExam } from '@examforge/core';
import { describeLocation, importBank, ImportError, type ConversionNote, type ImportedExam } from '@examforge/interop';
import type { Command } from 'commander';
import { styles, type Output } from '../console.js';
import { EXIT, UserError } from '../errors.js';
import { plural } from '../render/exam-overview.js';

export interface ImportCommandOptions {
  readonly out?: string;
  readonly strict?: boolean;
  readonly force?: boolean;
}

/**
 * `examforge import <bank> [--out exam.md]`: a question bank from another system (Aiken, GIFT, Moodle XML, QTI 1.2,
 * 2.x or 3.0, a content package as .zip, an unpacked package's folder or its imsmanifest.xml) as an Examforge exam
 * file, images beside it, and the report of everything not converted exactly.
 */
export function addImportCommand(program: Command, output: Output, done: (code: number) => void): void {
  program
    .command('import')
    .description('turn a question bank from Moodle, Canvas, Blackboard or a QTI package into an exam file')
    .argument(
      '<bank>',
      'the bank: .txt/.gift (Aiken, GIFT), .xml (Moodle XML, QTI), .zip (a content package) or a folder',
    )
    .option('--out <file>', 'where to write the exam (default: the bank’s name with .md, in the current folder)')
    .option('--strict', 'fail when anything is not converted exactly (the report lists what)')
    .option('--force', 'overwrite an existing exam file')
    .action((bank: string, options: ImportCommandOptions) => done(runImport(bank, options, output)));
}

export function runImport(bank: string, options: ImportCommandOptions, output: Output): number {
  const s = styles(output);
  const input = readBank(bank);
  let imported: ImportedExam;
  try {
    imported = importBank(input, { ...(options.strict && { strict: true }) });
  } catch (error) {
    if (error instanceof ImportError) {
      output.err(`${s.error('error:')} ${describeLocation(error.location)}: ${error.message}`);
      return options.strict ? EXIT.findings : EXIT.badInput;
    }
    throw error;
  }
  const out = resolve(options.out ?? `${baseName(input.name)}.md`);
  if (existsSync(out) && !options.force)
    throw new UserError(`${out} already exists; choose another --out or add --force`);
  const folder = dirname(out);
  for (const asset of imported.assets) {
    const path = normalize(join(folder, asset.path));
    // An asset path comes from the bank: it must stay inside the exam's folder.
    if (relative(folder, path).startsWith(`..${sep}`))
      throw new UserError(`unsafe asset path in the bank: ${asset.path}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, asset.bytes);
  }
  writeFileSync(out, printExam(imported.exam));
  const questions = imported.exam.sections.reduce((sum, section) => sum + section.questions.length, 0);
  const lines = [
    s.good(
      `✔ ${imported.format}: ${plural(questions, 'question')} in ${plural(imported.exam.sections.length, 'section')} → ${out}` +
        (imported.assets.length > 0 ? ` (+ ${plural(imported.assets.length, 'file')} beside it)` : ''),
    ),
  ];
  if (imported.notes.length > 0) {
    lines.push(
      '',
      `Not converted exactly (${imported.notes.length}):`,
      ...imported.notes.map((note) => noteLine(note)),
    );
  }
  output.out(lines.join('\n'));
  return EXIT.ok;
}

/** The bank as bytes, with its siblings readable for packages unpacked into a folder. */
function readBank(bank: string) {
  if (!existsSync(bank)) throw new UserError(`${bank} does not exist`);
  const path = statSync(bank).isDirectory() ? join(bank, 'imsmanifest.xml') : bank;
  if (!existsSync(path)) throw new UserError(`${bank} is a folder without imsmanifest.xml; give the bank file itself`);
  const folder = dirname(resolve(path));
  return {
    name: path.split(/[\\/]/).pop() ?? path,
    bytes: readFileSync(path),
    readSibling: (relativePath: string) => {
      const sibling = normalize(join(folder, decodeURI(relativePath)));
      if (relative(folder, sibling).startsWith('..') || !existsSync(sibling) || statSync(sibling).isDirectory()) {
        return undefined;
      }
      return readFileSync(sibling);
    },
  };
}

function noteLine(note: ConversionNote): string {
  const question = note.question ? ` "${note.question}"` : '';
  const became = note.questionId ? ` → ${note.questionId}` : '';
  return `  ${describeLocation(note.location)}${question}${became}: ${note.reason} [${note.keptAs}]`;
}

function baseName(name: string): string {
  const stem = name.replace(/(\.[a-z0-9]{1,5})+$/i, '');
  return stem === 'imsmanifest' ? 'imported-package' : stem || 'imported';
}
