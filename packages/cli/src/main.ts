import { DEFAULT_POLICY, INVALID_MARKS_POLICIES, invalidMarksPolicyNamed } from '@examforge/core';
import { Command, CommanderError, Option } from 'commander';
import { runGrade } from './commands/grade.js';
import { runLint } from './commands/lint.js';
import { runShow } from './commands/show.js';
import { runPrint } from './commands/print.js';
import { runScan } from './commands/scan.js';
import { runVerify } from './commands/verify.js';
import { addAnalyseCommand } from './commands/analyse.js';
import { addArchiveCommand } from './commands/archive.js';
import { addBackupCommands } from './commands/backup.js';
import { addExportCommand } from './commands/export.js';
import { addImportCommand } from './commands/import.js';
import { addUsersCommand } from './commands/users.js';
import { processOutput, styles, type Output } from './console.js';
import { EXIT, UserError } from './errors.js';

const BUNDLED_EXAM = 'exams/dl-endsem-winter-2025/exam.md';

/**
 * Runs the command line and returns the exit code: 0 ok, 1 findings, 2 bad input or usage. A user's mistake is
 * printed as a message; only a bug of ours shows a stack trace.
 */
export async function main(argv: readonly string[], output: Output = processOutput()): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(output, (result) => (code = result));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return handleError(error, output);
  }
}

function buildProgram(output: Output, done: (code: number) => void): Command {
  const program = new Command('examforge')
    .description('Run exams end to end: check them, show them, grade them.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: output.out, writeErr: output.err });
  program.addHelpText(
    'after',
    `\nExamples:\n  examforge lint ${BUNDLED_EXAM}\n  examforge verify ${BUNDLED_EXAM}\n  examforge show ${BUNDLED_EXAM} --question l2-prior\n  examforge grade ${BUNDLED_EXAM} responses.csv`,
  );

  program
    .command('lint')
    .description('check an exam file: syntax, keys, options, TeX, totals, images')
    .argument('<exam>', 'the exam file (exam.md)')
    .option('--strict', 'exit with 1 on warnings too')
    .addHelpText(
      'after',
      '\nExit codes: 0 no errors (warnings allowed unless --strict), 1 errors found, 2 the file cannot be read.',
    )
    .action((exam: string, options: { strict?: boolean }) => done(runLint(exam, options, output)));

  program
    .command('verify')
    .description('run the answer checks of an exam and report where the marked key disagrees with the computed answer')
    .argument('<exam>', 'the exam file (exam.md)')
    .option('--json', 'print the results as JSON')
    .option('--time-limit <ms>', 'time limit per check, in milliseconds (default 5000)', (value) => Number(value))
    .option('--seeds <n>', 'seeds each computed question is generated for (default 20)', (value) => Number(value))
    .addHelpText(
      'after',
      `
Each check runs in its own worker thread with only the tensor API in scope (no files, network or process),
a time limit and a memory limit. Verdicts: agrees, disagrees, no option matches, several options match,
no key to compare (key=unknown or free response), check failed.
Computed questions: each generator runs for --seeds seeds (verify-1, verify-2, …; \`show --seed verify-3\` shows one),
and verify reports the valid instances, the distinct stems and how many instances the question's check agrees with.
Exit codes: 0 every check agrees or has no key to compare, 1 a check disagrees, matches no option or several,
or fails, or a computed question gives an invalid instance or one its check disagrees with, 2 the exam cannot be read.`,
    )
    .action(async (exam: string, options: { json?: boolean; timeLimit?: number; seeds?: number }) =>
      done(await runVerify(exam, options, output)),
    );

  program
    .command('show')
    .description('print an exam as readable text, with its key, explanations and instructor notes')
    .argument('<exam>', 'the exam file (exam.md)')
    .option('--student', 'show the paper as a student sees it: no key, explanations or notes')
    .option('-q, --question <id...>', 'show only these questions')
    .option(
      '--seed <seed>',
      "computed questions as the student with this variant seed gets them (e.g. 'dl-practice:s001')",
    )
    .action(async (exam: string, options: { student?: boolean; question?: string[]; seed?: string }) =>
      done(await runShow(exam, options, output)),
    );

  program
    .command('grade')
    .description('score a responses table and write the results')
    .argument('<exam>', 'the exam file (exam.md)')
    .argument(
      '<responses>',
      "CSV: a `student` column, optional `name`, one column per question (id or Q-number); or the server's responses.csv",
    )
    .option('-o, --out <file>', 'where to write the results CSV (default: <responses>.results.csv beside the input)')
    .addOption(
      new Option('--invalid-marks <policy>', 'partial fills, ticks, crosses and unclear marks read from paper')
        .choices([...INVALID_MARKS_POLICIES, 'ignore'])
        .default(DEFAULT_POLICY.invalidMarks),
    )
    .addOption(
      new Option('--several-marks <policy>', 'several marks on a single-choice question')
        .choices(['zero', 'wrong'])
        .default('zero'),
    )
    .addHelpText(
      'after',
      `
Cells: letters of the filled options (B, AC), marks that are not answers as tick(C), partial(C), cross(C),
unclear(C); numbers for numeric questions; for free-response questions points (1.5), rubric items
(rubric(js-constant w1-gradient)), - for a blank answer, or nothing when not graded yet; \`missing\` for an answer
whose sheet page was not read from the scan (0 and flagged, listed as not read; never counted as blank).
--invalid-marks, for partial fills, ticks, crosses and unclear marks (every such question is flagged):
  not-answers  (default, the source's rule) they are not answers and cancel nothing: a fill beside a tick is the
               answer; a tick alone leaves the question unanswered (0, no penalty); unclear counts as not an answer
               until a person decides. \`ignore\` is its former name and still accepted.
  zero         any such mark makes the question 0, no penalty: a fill beside a tick scores 0; so does a tick alone.
  wrong        any such mark makes the question wrong: a fill beside a tick, or a tick alone, costs the penalty.
Computed questions are scored against each student's own instance, made again from their variant seed
<sitting>:<student> — the seed \`print --sitting\` used for their paper (both default to the exam's id).
Exit codes: 0 graded, 2 the exam or the table cannot be read (nothing is written).`,
    )
    .option('--sitting <id>', "the sitting the papers were printed for (default: the exam's id)")
    .action(
      async (
        exam: string,
        responses: string,
        options: {
          out?: string;
          invalidMarks?: string;
          severalMarks?: 'zero' | 'wrong';
          sitting?: string;
        },
      ) => {
        const { invalidMarks, ...rest } = options;
        const policy = invalidMarks === undefined ? undefined : invalidMarksPolicyNamed(invalidMarks);
        done(await runGrade(exam, responses, { ...rest, ...(policy && { invalidMarks: policy }) }, output));
      },
    );
  program
    .command('print')
    .description(
      'print question papers and answer sheets (PDF) for a roster, with the layout manifest the scanner reads',
    )
    .argument('<exam>', 'the exam file (exam.md)')
    .requiredOption('-o, --out <dir>', 'where to write the PDFs and manifest.json')
    .option(
      '-r, --roster <file>',
      'roster CSV (`id,name,…`); without it, one generic sheet identified by the student-number grid',
    )
    .addOption(new Option('--page-size <size>', 'paper size').choices(['A4', 'Letter']).default('A4'))
    .option('--merged', 'one merged PDF (for a print shop) instead of one PDF per student')
    .option('--sheets-only', 'answer sheets only, without question papers')
    .option('--duplex', 'pad odd question papers with a blank page, so each answer sheet starts on a new leaf')
    .option('--workers <n>', 'threads to render in (default: one per core)', (value) => Number(value))
    .option('--shuffle', 'shuffle questions and options per student (seeded by exam and student: reproducible)')
    .option('--exam-version <n>', 'the exam version printed in each QR code', (value) => Number(value), 1)
    .option(
      '--sitting <id>',
      "the sitting id: each student's variant seed is <sitting>:<student id>, as online (default: the exam's id)",
    )
    .action(
      async (
        exam: string,
        options: {
          out: string;
          roster?: string;
          pageSize: 'A4' | 'Letter';
          merged?: boolean;
          shuffle?: boolean;
          sheetsOnly?: boolean;
          duplex?: boolean;
          workers?: number;
          examVersion: number;
          sitting?: string;
        },
      ) => done(await runPrint(exam, { ...options, version: options.examVersion }, output)),
    );
  program
    .command('scan')
    .description('read scanned answer sheets (PDF, PNG, JPEG) into a responses table, with a review list')
    .argument('<exam>', 'the exam file (exam.md)')
    .argument('<files...>', 'scan files, in feed order: PDFs from a sheet-feed scanner, or page images')
    .requiredOption(
      '-o, --out <dir>',
      'where to write responses.csv, review.csv, review/, annotated/ and scan-report.json',
    )
    .option('-m, --manifest <file>', 'the manifest.json written by `examforge print` (needed for shuffled sheets)')
    .option('--dpi <n>', 'resolution for rasterising PDF pages', (value) => Number(value), 200)
    .option('--no-annotate', 'do not write annotated page images')
    .option('--workers <n>', 'worker threads reading pages (default: one per core)', (value) => Number(value))
    .addHelpText(
      'after',
      `
Only a completely filled bubble is an answer: partial fills, ticks and crosses are written as partial(C), tick(C),
cross(C); a mark read without confidence is written as unclear(C) and listed in review.csv with its crop.
The choice questions of a sheet page that was not read (missing from the scan, or unreadable) are written as
\`missing\` — not read, never blank; a page that could not be read at all is listed in review.csv with its image.
Exit codes: 0 all read with confidence, 1 readings to review or scan anomalies (blank, duplicate, missing pages…),
2 bad input.`,
    )
    .action(
      async (
        exam: string,
        files: string[],
        options: { out: string; manifest?: string; dpi: number; annotate: boolean; workers?: number },
      ) => done(await runScan(exam, files, options, output)),
    );
  addAnalyseCommand(program, output, done);
  addUsersCommand(program, output, done);
  addBackupCommands(program, output, done);
  addArchiveCommand(program, output, done);
  addExportCommand(program, output, done);
  addImportCommand(program, output, done);
  return program;
}

function handleError(error: unknown, output: Output): number {
  const s = styles(output);
  if (error instanceof CommanderError) {
    // Help and version are not errors; commander has already printed its message for usage mistakes.
    return error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
      ? EXIT.ok
      : EXIT.badInput;
  }
  if (error instanceof UserError) {
    output.err([`${s.error('error:')} ${error.message}`, ...error.details.map((line) => `  ${line}`)].join('\n'));
    return EXIT.badInput;
  }
  output.err(
    `${s.error('internal error:')} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nThis is a bug in Examforge; please report it.`,
  );
  return EXIT.badInput;
}
