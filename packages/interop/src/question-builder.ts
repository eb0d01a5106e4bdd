import {
  ID_PATTERN,
  lintExam,
  printExam,
  Rational,
  type Diagnostic,
  type Exam,
  type Question,
  type Section,
} from '@examforge/core';
import type { ImportAssets } from './import-assets.js';
import {
  ImportError,
  type ConversionNote,
  type ImportedExam,
  type ImportOptions,
  type SourceFormat,
  type SourceLocation,
} from './import-result.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A question as an importer makes it: everything but its id and marks, which the builder decides. */
export type QuestionDraft = DistributiveOmit<Question, 'id' | 'marks'>;

/** One imported question with what the source says about it. */
export interface ImportedQuestion {
  /** The source's name or identifier (Moodle's `<name>`, a QTI identifier): the id is made from it. */
  readonly name?: string;
  /**
   * The source's own id (Moodle's `<idnumber>`), taken as the question's id when it is a valid Examforge id that no
   * other question of the import has; the importer checks that and notes any it cannot take.
   */
  readonly id?: string;
  /** The source's category: one section per category, in order of first appearance. */
  readonly category?: string;
  /** The source's marks for the question (Moodle's `defaultgrade`); absent, the import's `defaultMarks`. */
  readonly marks?: Rational;
  readonly question: QuestionDraft;
}

export interface ImportedExamInput {
  /** The input file's name: the exam id and default title come from it. */
  readonly fileName: string;
  readonly title?: string;
  readonly instructions?: string;
  readonly questions: readonly ImportedQuestion[];
  readonly options?: ImportOptions;
}

/** Minutes given to an imported exam: no bank format says how long a sitting is. */
const DEFAULT_DURATION = 60;
const DEFAULT_SECTION = 'Questions';

/**
 * Makes a core `Exam` from imported questions: unique lowercase ids from the source's names, one section per
 * category (or one section), each question's marks (the source's, else `defaultMarks`, else 1), the section's marks
 * being the most common of its questions' so only the others carry their own.
 *
 * @example
 * const exam = buildImportedExam({ fileName: 'bank.xml', questions: [{ name: 'Capital', question: draft }] });
 * exam.sections[0]?.questions[0]?.id; // 'capital'
 */
export function buildImportedExam(input: ImportedExamInput): Exam {
  const fallbackMarks = Rational.fromNumber(input.options?.defaultMarks ?? 1) ?? Rational.ONE;
  const ids = importedQuestionIds(input.questions);
  const byCategory = new Map<string, { question: Question; marks: Rational }[]>();
  input.questions.forEach((imported, index) => {
    const id = ids[index] ?? `q${index + 1}`;
    // A heading is one line: a category name with line breaks would end it.
    const category = imported.category?.replace(/\s+/g, ' ').trim() || DEFAULT_SECTION;
    const entries = byCategory.get(category) ?? [];
    byCategory.set(category, entries);
    entries.push({ question: { ...imported.question, id }, marks: imported.marks ?? fallbackMarks });
  });
  const sectionIds = new Set<string>();
  const sections = [...byCategory].map(([title, entries]): Section => {
    const marks = mostCommon(entries.map((entry) => entry.marks)) ?? fallbackMarks;
    return {
      id: uniqueId(title, sectionIds, 'section'),
      title,
      marks,
      penalty: Rational.ZERO,
      questions: entries.map(({ question, marks: own }) =>
        own.equals(marks) ? question : { ...question, marks: own },
      ),
    };
  });
  const title = input.title?.trim() || fileStem(input.fileName);
  return {
    id: uniqueId(fileStem(input.fileName), new Set(), 'imported-exam'),
    title,
    duration: DEFAULT_DURATION,
    ...(input.instructions !== undefined && { instructions: input.instructions }),
    sections,
  };
}

/**
 * The id each imported question gets, in input order (so that notes name the questions the exam has): its own id when
 * that is a valid id and the first to claim it, else one made from its name. Own ids are taken first, so that no id
 * made from a name can take one of them.
 */
export function importedQuestionIds(questions: readonly ImportedQuestion[]): string[] {
  const own = ownIds(questions);
  const taken = new Set(own.filter((id) => id !== undefined));
  return questions.map((imported, index) => own[index] ?? uniqueId(imported.name ?? '', taken, `q${index + 1}`));
}

/** Each question's own id when it is a valid id and the first to claim it; undefined where the id is made from a name. */
function ownIds(questions: readonly ImportedQuestion[]): (string | undefined)[] {
  const claimed = new Set<string>();
  return questions.map(({ id }) => {
    if (id === undefined || !ID_PATTERN.test(id) || claimed.has(id)) return undefined;
    claimed.add(id);
    return id;
  });
}

/**
 * An id of lowercase letters, digits and single `-` made from a source name, unique among `taken` (which it joins):
 * `Capitals of Europe (2)` → `capitals-of-europe-2`, a second one `capitals-of-europe-2-2`.
 *
 * @example
 * uniqueId('Élan vital', new Set()); // 'elan-vital'
 */
export function uniqueId(name: string, taken: Set<string>, fallback = 'q'): string {
  const base = slug(name) || slug(fallback) || 'q';
  let id = base;
  for (let counter = 2; taken.has(id); counter += 1) id = `${base}-${counter}`;
  taken.add(id);
  return id;
}

function slug(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/<[^>]*>/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  let id = '';
  for (const word of words) {
    const next = id === '' ? word : `${id}-${word}`;
    if (next.length > 40 && id !== '') break;
    id = next.slice(0, 40).replace(/-+$/, '');
  }
  return id;
}

function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/!]/).pop() ?? fileName;
  return base.replace(/(\.[a-z0-9]{1,5})+$/i, '') || base;
}

function mostCommon(values: readonly Rational[]): Rational | undefined {
  const counts = new Map<string, { value: Rational; count: number }>();
  for (const value of values) {
    const entry = counts.get(value.toString()) ?? { value, count: 0 };
    entry.count += 1;
    counts.set(value.toString(), entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0]?.value;
}

/**
 * The lint errors of an imported exam as it will be written (printed, then linted with its assets as the files
 * beside it): an importer must give none.
 */
export function importLintErrors(exam: Exam, assets: ImportAssets): Diagnostic[] {
  const report = lintExam(printExam(exam), { fileExists: (path) => assets.has(path) });
  return report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
}

export interface FinishImportInput {
  readonly format: SourceFormat;
  readonly file: string;
  readonly exam: Exam;
  readonly assets: ImportAssets;
  readonly notes: readonly ConversionNote[];
  readonly options?: ImportOptions;
}

/**
 * The last step of every importer: with `strict`, any note fails the import, every note in the message; an exam
 * without questions, or one that would not lint clean (an importer's bug), fails with a located error rather than
 * being handed on.
 */
export function finishImport(input: FinishImportInput): ImportedExam {
  const { exam, notes, file } = input;
  if (input.options?.strict && notes.length > 0) {
    const first = notes[0]?.location ?? { file };
    throw new ImportError(first, strictMessage(notes));
  }
  if (exam.sections.every((section) => section.questions.length === 0)) {
    const reasons = notes.map((note) => `${describeLocation(note.location)}: ${note.reason}`);
    const listed = reasons.length > 0 ? `:\n${reasons.join('\n')}` : '';
    throw new ImportError(notes[0]?.location ?? { file }, `${file} holds no question Examforge can import${listed}`);
  }
  const errors = importLintErrors(exam, input.assets);
  if (errors.length > 0) {
    const listed = errors.slice(0, 5).map((error) => `${error.questionId ?? 'exam'}: ${error.message}`);
    throw new ImportError({ file }, `the imported exam does not pass lint (please report this): ${listed.join('; ')}`);
  }
  return { format: input.format, exam, assets: input.assets.list(), notes };
}

function strictMessage(notes: readonly ConversionNote[]): string {
  const lines = notes.map((note) => `${describeLocation(note.location)}: ${note.reason}`);
  return `strict import: ${notes.length} thing${notes.length === 1 ? ' was' : 's were'} not converted exactly:\n${lines.join('\n')}`;
}

/**
 * `bank.txt:12:3`, `bank.xml:40:5 /quiz/question[3]/answer[2]`: where something is, as people read it.
 *
 * @example
 * describeLocation({ file: 'bank.txt', line: 4, column: 1 }); // 'bank.txt:4:1'
 */
export function describeLocation(location: SourceLocation): string {
  const path = location.xmlPath ? ` ${location.xmlPath}` : '';
  if (location.line !== undefined) return `${location.file}:${location.line}:${location.column ?? 1}${path}`;
  return location.xmlPath ? `${location.file} ${location.xmlPath}` : location.file;
}

/**
 * Option texts made distinct for lint (which refuses two options students cannot tell apart): each option of a group
 * that reads the same gets its source label appended, `.` → `. (A)`. `changed` lists the indexes touched, for a note.
 *
 * @example
 * distinctOptionTexts(['.', '.', 'x'], (i) => 'ABC'[i] ?? '').texts; // ['. (A)', '. (B)', 'x']
 */
export function distinctOptionTexts(
  texts: readonly string[],
  label: (index: number) => string,
): { readonly texts: string[]; readonly changed: number[] } {
  const normal = texts.map((text) => text.toLowerCase().replace(/\s+/g, ' ').trim());
  const changed = normal.flatMap((text, index) => (normal.indexOf(text) !== normal.lastIndexOf(text) ? [index] : []));
  return {
    texts: texts.map((text, index) => (changed.includes(index) ? `${text.trim()} (${label(index)})` : text)),
    changed,
  };
}
