import { computedTotal, countsTowardMaximum, listQuestions, marksOf, type PlacedQuestion } from '../exam-queries.js';
import { diagnostic, sortDiagnostics, type Diagnostic, type Position } from '../format/diagnostic.js';
import { parseExam } from '../format/parse.js';
import { positionInText, type SourceMap } from '../format/source-map.js';
import { findImages } from '../markdown/math-segments.js';
import { optionLetter, type ChoiceQuestion, type Exam, type FreeResponseQuestion } from '../model.js';
import { Rational } from '../rational.js';
import { checkTex } from './tex.js';
import { listTextFields, type TextField } from './text-fields.js';
import { checkWeights } from './weights.js';

/** What lint needs from outside: the core does no IO, so the caller says which image files exist. */
export interface LintPorts {
  /** Whether a path relative to the exam file names an existing file; omit to skip image checks. */
  readonly fileExists?: (relativePath: string) => boolean;
}

export interface LintReport {
  /** The parsed exam, when the file parsed. */
  readonly exam?: Exam;
  readonly sourceMap?: SourceMap;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses and checks an exam file: every parse error, then the content checks (keys, options, TeX, totals, images).
 *
 * @example
 * const report = lintExam(text, { fileExists: (p) => existsSync(join(dir, p)) });
 * report.diagnostics.filter((d) => d.severity === 'error');
 */
export function lintExam(text: string, ports: LintPorts = {}): LintReport {
  const parsed = parseExam(text);
  if (!parsed.ok) return { diagnostics: parsed.diagnostics };
  let checks: Diagnostic[];
  try {
    checks = checkExam(parsed.exam, parsed.sourceMap, ports);
  } catch (error) {
    // As in the parser: a bug in a check must reach the author as a message, not a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    checks = [
      diagnostic('error', 'internal-error', { line: 1, column: 1 }, `Examforge could not check this file: ${message}`, {
        hint: 'this is a bug in Examforge; please report it with the file attached',
      }),
    ];
  }
  return {
    exam: parsed.exam,
    sourceMap: parsed.sourceMap,
    diagnostics: sortDiagnostics([...parsed.diagnostics, ...checks]),
  };
}

/** The content checks on a parsed exam. */
export function checkExam(exam: Exam, sourceMap: SourceMap, ports: LintPorts = {}): Diagnostic[] {
  const at = (key: string): Position => sourceMap.get(key)?.start ?? { line: 1, column: 1 };
  const diagnostics: Diagnostic[] = [];
  for (const placed of listQuestions(exam)) diagnostics.push(...checkQuestion(placed, at));
  diagnostics.push(...checkTotal(exam, sourceMap));
  for (const field of listTextFields(exam)) {
    const locate = (offset: number) => locateInField(sourceMap, field, offset);
    diagnostics.push(...checkTex(field, locate));
    if (ports.fileExists) diagnostics.push(...checkImages(field, locate, ports.fileExists));
  }
  return diagnostics;
}

function locateInField(sourceMap: SourceMap, field: TextField, offset: number): Position {
  const location = sourceMap.get(field.key);
  return location ? positionInText(location, field.text, offset) : { line: 1, column: 1 };
}

function checkQuestion({ question, section }: PlacedQuestion, at: (key: string) => Position): Diagnostic[] {
  const where = at(`question.${question.id}`);
  const about = { questionId: question.id };
  const found: Diagnostic[] = [];
  if (question.keyUnknown) {
    found.push(
      diagnostic('warning', 'key-unknown', where, `\`${question.id}\` has no key: it will not be scored`, {
        ...about,
        hint: 'mark the correct option with [x] (or add `### Answer`) and remove key=unknown',
      }),
    );
  }
  if (question.kind === 'single' || question.kind === 'multiple') {
    found.push(...checkOptions(question, where, at), ...checkWeights(question, section, where, at));
  }
  if (question.kind === 'numeric' && !question.answer && !question.keyUnknown) {
    found.push(
      diagnostic('error', 'numeric-without-answer', where, `numeric question \`${question.id}\` has no answer`, {
        ...about,
        expected: 'an `### Answer` part such as `2336` or `0.25 ± 2%`',
        hint: 'or add key=unknown while the answer is not known',
      }),
    );
  }
  if (question.kind === 'free') found.push(...checkFreeResponse(question, marksOf(question, section), where));
  else if (question.explanation === undefined) {
    found.push(
      diagnostic('warning', 'missing-explanation', where, `\`${question.id}\` has no explanation`, {
        ...about,
        hint: 'add `### Explanation`: students read it with their results',
      }),
    );
  }
  return found;
}

function checkOptions(question: ChoiceQuestion, where: Position, at: (key: string) => Position): Diagnostic[] {
  const about = { questionId: question.id };
  const found: Diagnostic[] = [];
  const correct = question.options.flatMap((option, index) => (option.correct ? [optionLetter(index)] : []));
  if (correct.length === 0 && !question.keyUnknown) {
    found.push(
      diagnostic('error', 'no-correct-option', where, `\`${question.id}\` has no correct option`, {
        ...about,
        expected: 'at least one option marked `- [x]`',
        hint: 'mark the correct option with [x], or add key=unknown to the heading while the key is not known',
      }),
    );
  }
  if (correct.length > 0 && question.keyUnknown) {
    found.push(
      diagnostic(
        'error',
        'key-unknown-but-marked',
        where,
        `\`${question.id}\` says key=unknown but marks (${correct.join(', ')}) correct`,
        {
          ...about,
          hint: 'remove key=unknown, or unmark the options',
        },
      ),
    );
  }
  if (question.kind === 'single' && correct.length > 1 && !question.acceptAny) {
    found.push(
      diagnostic(
        'error',
        'single-several-correct',
        where,
        `single-choice question \`${question.id}\` marks ${correct.length} options correct: (${correct.join(', ')})`,
        {
          ...about,
          hint: 'write type=multiple if students must choose all of them, or accept=any if any one of them earns the marks',
        },
      ),
    );
  }
  if (question.kind === 'single' && question.acceptAny && correct.length < 2) {
    found.push(
      diagnostic(
        'warning',
        'accept-any-single-key',
        where,
        `accept=any on \`${question.id}\` has only one correct option`,
        about,
      ),
    );
  }
  const seen = new Map<string, number>();
  question.options.forEach((option, index) => {
    const normal = option.text.toLowerCase().replace(/\s+/g, ' ').trim();
    const first = seen.get(normal);
    if (first === undefined) return void seen.set(normal, index);
    found.push(
      diagnostic(
        'error',
        'duplicate-option',
        at(`question.${question.id}.option.${index}`),
        `option (${optionLetter(index)}) repeats option (${optionLetter(first)}) of \`${question.id}\``,
        {
          ...about,
          hint: 'each option must be distinct; students cannot tell duplicates apart',
        },
      ),
    );
  });
  return found;
}

function checkFreeResponse(question: FreeResponseQuestion, marks: Rational, where: Position): Diagnostic[] {
  const about = { questionId: question.id };
  if (question.rubric.length === 0) {
    return question.solution === undefined
      ? [
          diagnostic(
            'warning',
            'free-without-solution',
            where,
            `\`${question.id}\` has neither a model solution nor a rubric`,
            { ...about, hint: 'add `### Solution` and `### Rubric` so graders agree' },
          ),
        ]
      : [
          diagnostic('warning', 'free-without-rubric', where, `\`${question.id}\` has no rubric`, {
            ...about,
            hint: 'add `### Rubric` items with points so graders agree',
          }),
        ];
  }
  const available = Rational.sum(question.rubric.filter((item) => item.points.isPositive()).map((item) => item.points));
  if (available.compare(marks) < 0) {
    return [
      diagnostic(
        'warning',
        'rubric-short',
        where,
        `the rubric of \`${question.id}\` awards at most ${available.toString()} of its ${marks.toString()} marks`,
        {
          ...about,
          hint: 'add rubric items or lower the marks',
        },
      ),
    ];
  }
  return [];
}

function checkTotal(exam: Exam, sourceMap: SourceMap): Diagnostic[] {
  if (!exam.declaredTotal) return [];
  const computed = computedTotal(exam);
  if (computed.equals(exam.declaredTotal)) return [];
  const breakdown = exam.sections
    .map(
      (section) =>
        `${section.id} ${Rational.sum(section.questions.filter(countsTowardMaximum).map((q) => marksOf(q, section))).toString()}`,
    )
    .join(' + ');
  return [
    diagnostic(
      'error',
      'total-mismatch',
      sourceMap.get('exam.total')?.start ?? { line: 2, column: 1 },
      `the declared total is ${exam.declaredTotal.toString()} but the questions add up to ${computed.toString()}`,
      {
        hint: `${breakdown} = ${computed.toString()}; fix a section's marks or the declared total`,
      },
    ),
  ];
}

function checkImages(
  field: TextField,
  locate: (offset: number) => Position,
  fileExists: (path: string) => boolean,
): Diagnostic[] {
  return findImages(field.text).flatMap(({ path, offset }) => {
    if (/^[a-z]+:/i.test(path)) {
      return [
        diagnostic('warning', 'remote-image', locate(offset), `image ${path} is not a local file`, {
          hint: 'copy the image next to the exam: remote images do not print and may not load during the exam',
        }),
      ];
    }
    if (fileExists(decodeURI(path))) return [];
    return [
      diagnostic('error', 'image-not-found', locate(offset), `image file not found: ${path}`, {
        ...(field.questionId !== undefined && { questionId: field.questionId }),
        hint: 'image paths are relative to the exam file',
      }),
    ];
  });
}
