import { optionLetter, texError, type SingleChoiceQuestion } from '@examforge/core';
import { decodeText } from '../decode-text.js';
import { ImportAssets } from '../import-assets.js';
import {
  ImportError,
  type ConversionNote,
  type ImportedExam,
  type ImportOptions,
  type SourceFile,
} from '../import-result.js';
import { escapeLineStarts, texToMarkdown } from '../markdown-text.js';
import { buildImportedExam, distinctOptionTexts, finishImport, type ImportedQuestion } from '../question-builder.js';

interface AikenLine {
  readonly text: string;
  readonly line: number;
}

interface AikenDraft {
  readonly stem: AikenLine[];
  readonly options: (AikenLine & { readonly letter: string })[];
  readonly problems: string[];
  /** What the ANSWER: line says; absent until it is read. */
  readonly answer?: string;
}

const OPTION = /^([A-Z])[).](\s+|(?=\S))(.*)$/;
const ANSWER = /^ANSWER\s*:\s*(.*)$/i;

/**
 * Reads an Aiken file (Moodle's one-line multiple-choice format): a stem line, options `A)` or `A.`, and an
 * `ANSWER: X` line ending each question, with or without blank lines between questions, CRLF or not. Text is text:
 * `<html>` in a stem shows as written. A malformed question (one option, an option before any stem, an answer that is
 * no option's letter, no ANSWER line) is left out with a note at its line; a file with no good question fails with
 * every problem listed.
 *
 * @example
 * importAiken({ name: 'q.txt', bytes: strToU8('2 + 2 =\nA) 3\nB) 4\nANSWER: B\n') }).exam.sections[0]?.questions.length; // 1
 */
export function importAiken(file: SourceFile, options: ImportOptions = {}): ImportedExam {
  const notes: ConversionNote[] = [];
  const questions: ImportedQuestion[] = [];
  for (const draft of readDrafts(decodeText(file.bytes), file.name, notes)) {
    const converted = convert(draft, file.name, notes);
    if (converted) questions.push(converted);
  }
  if (questions.length === 0) {
    const problems = notes.map((note) => `line ${note.location.line ?? '?'}: ${note.reason}`);
    throw new ImportError(
      { file: file.name, line: 1, column: 1 },
      `${file.name} holds no complete Aiken question${problems.length > 0 ? `:\n${problems.join('\n')}` : ''}`,
    );
  }
  notes.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
  const exam = buildImportedExam({ fileName: file.name, questions, options });
  return finishImport({ format: 'aiken', file: file.name, exam, assets: new ImportAssets(), notes, options });
}

/** Splits the file into questions; unfinished ones are noted here, the rest checked by `convert`. */
function readDrafts(text: string, file: string, notes: ConversionNote[]): AikenDraft[] {
  const drafts: AikenDraft[] = [];
  let current: AikenDraft = emptyDraft();
  const leaveUnfinished = () => {
    if (current.stem.length > 0 || current.options.length > 0) {
      notes.push(leftOut(file, firstLine(current), describe(current), 'it has no ANSWER: line'));
    }
    current = emptyDraft();
  };
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.replace(/\u00a0/g, ' ').trim();
    if (trimmed === '') return;
    const answer = ANSWER.exec(trimmed);
    if (answer) {
      current.problems.push(...answerProblems(current, answer[1] ?? ''));
      drafts.push({ ...current, answer: answer[1]?.trim() ?? '' });
      current = emptyDraft();
      return;
    }
    const option = OPTION.exec(trimmed);
    if (option && isOption(current, option)) {
      if (current.stem.length === 0 && current.options.length === 0)
        current.problems.push('an option comes before any question text');
      current.options.push({ letter: option[1] ?? '', text: option[3] ?? '', line });
      return;
    }
    if (current.options.length > 0) leaveUnfinished();
    current.stem.push({ text: trimmed, line });
  });
  leaveUnfinished();
  return drafts;
}

/** `A)Text` without a space counts as an option only where the next option is due, so `A.I. is…` stays a stem. */
function isOption(current: AikenDraft, match: RegExpExecArray): boolean {
  if ((match[2] ?? '') !== '') return true;
  return current.stem.length > 0 && match[1] === String.fromCharCode(65 + current.options.length);
}

function answerProblems(draft: AikenDraft, answer: string): string[] {
  const problems: string[] = [];
  if (draft.stem.length === 0 && !draft.problems.length) problems.push('it has no question text');
  if (draft.options.length < 2)
    problems.push(`it has ${draft.options.length === 1 ? 'only one option' : 'no options'}; at least two are needed`);
  const letter = answer.trim().charAt(0);
  const index = letter.charCodeAt(0) - 65;
  if (!/^[A-Z]$/.test(letter) || index >= draft.options.length) {
    problems.push(
      `ANSWER: ${answer.trim()} names no option (expected one of ${draft.options.map((o) => o.letter).join(', ') || 'A, B, …'})`,
    );
  }
  if (draft.options.some((option) => option.text.trim() === '')) problems.push('an option is empty');
  return problems;
}

function convert(
  draft: AikenDraft & { answer?: string },
  file: string,
  notes: ConversionNote[],
): ImportedQuestion | undefined {
  if (draft.problems.length > 0) {
    notes.push(leftOut(file, firstLine(draft), describe(draft), draft.problems.join('; ')));
    return undefined;
  }
  const correct = (draft.answer ?? '').charCodeAt(0) - 65;
  const name = draft.stem[0]?.text ?? '';
  const distinct = distinctOptionTexts(
    draft.options.map((option) => markdown(option.text)),
    (index) => draft.options[index]?.letter ?? optionLetter(index).toUpperCase(),
  );
  if (distinct.changed.length > 0) {
    notes.push({
      location: { file, line: draft.options[distinct.changed[0] ?? 0]?.line ?? firstLine(draft), column: 1 },
      question: name,
      reason: `options ${distinct.changed.map((i) => draft.options[i]?.letter).join(', ')} read the same; their letters were added so students can tell them apart`,
      keptAs: 'content',
    });
  }
  const question: Omit<SingleChoiceQuestion, 'id'> = {
    kind: 'single',
    stem: draft.stem.map((line) => escapeLineStarts(markdown(line.text))).join('\n'),
    options: distinct.texts.map((text, index) => ({ text, correct: index === correct, fixed: false })),
    acceptAny: false,
    keyUnknown: false,
    bonus: false,
  };
  return { name, question };
}

function markdown(text: string): string {
  return texToMarkdown(text, texError);
}

function emptyDraft(): AikenDraft {
  return { stem: [], options: [], problems: [] };
}

function firstLine(draft: AikenDraft): number {
  return draft.stem[0]?.line ?? draft.options[0]?.line ?? 1;
}

function describe(draft: AikenDraft): string {
  return draft.stem[0]?.text ?? `the question at line ${firstLine(draft)}`;
}

function leftOut(file: string, line: number, question: string, reason: string): ConversionNote {
  return { location: { file, line, column: 1 }, question, reason: `left out: ${reason}`, keptAs: 'left-out' };
}
