import { instructionsFor, optionLetter, optionWeights, type Exam, type Question, type Section } from '@examforge/core';
import type { ExportedBank } from '../export-result.js';
import { ExportNotes } from '../export/export-context.js';
import { markdownToHtml, texDelimited, type HtmlTarget } from '../export/markdown-html.js';
import { noteQuestionFeatures } from '../export/question-notes.js';

/** Aiken labels options A to Z. */
const MAX_OPTIONS = 26;

/**
 * An exam as an Aiken file, the simplest format Moodle imports: single-choice questions only, each a one-line stem,
 * options `A.` to `Z.` on one line each and `ANSWER: B`. Markdown is flattened to plain text (Moodle escapes Aiken
 * text as it reads it) with TeX in `\( \)` for Moodle's MathJax filter. Everything else — multiple answers, numeric
 * and written questions, unknown or several keys — is left out, and `notes` lists each with the reason.
 *
 * @example
 * const bank = exportAiken(exam);
 * writeFileSync(bank.fileName, bank.bytes); // dl-endsem-winter-2025.aiken.txt
 */
export function exportAiken(exam: Exam): ExportedBank {
  const notes = new ExportNotes();
  notes.add(
    undefined,
    'partial',
    'Aiken has no marks, sections or explanations: only stems, options and keys are written',
  );
  if (instructionsFor(exam.instructions, 'online'))
    notes.add(undefined, 'partial', "Aiken has no place for the exam's instructions: they are not written");
  const questions = exam.sections.flatMap((section) => {
    if (!section.penalty.isZero())
      notes.add(
        undefined,
        'partial',
        `section ${section.title}: a wrong answer costs ${section.penalty.toString()} marks, and Aiken has no penalties`,
      );
    return section.questions.flatMap((question) => {
      const written = aikenQuestion(question, section, notes);
      return written === undefined ? [] : [written];
    });
  });
  return {
    format: 'aiken',
    fileName: `${exam.id}.aiken.txt`,
    bytes: new TextEncoder().encode(questions.map((question) => `${question}\n`).join('\n')),
    notes: notes.list(),
  };
}

function aikenQuestion(question: Question, section: Section, notes: ExportNotes): string | undefined {
  const leftOut = reasonLeftOut(question);
  if (leftOut) {
    notes.add(question.id, 'left-out', leftOut);
    return undefined;
  }
  if (question.kind !== 'single') return undefined;
  noteQuestionFeatures(question, notes, 'Aiken');
  noteScoringLost(question, section, notes);
  const key = question.options.findIndex((option) => option.correct);
  const target = plainTextTarget(question.id, notes);
  const options = question.options.map((option, index) => `${label(index)}. ${flatten(option.text, target)}`);
  return [flatten(question.stem, target), ...options, `ANSWER: ${label(key)}`].join('\n');
}

function reasonLeftOut(question: Question): string | undefined {
  switch (question.kind) {
    case 'multiple':
      return 'Aiken has only single-answer questions; this one takes several answers';
    case 'numeric':
      return 'Aiken has only single-answer choice questions; this one asks for a number';
    case 'free':
      return 'Aiken has only single-answer choice questions; this one is a written answer';
    case 'single':
      if (question.keyUnknown) return 'its key is unknown, and an Aiken question needs its ANSWER line';
      if (question.options.filter((option) => option.correct).length !== 1)
        return 'several options are accepted as correct, and Aiken names exactly one';
      if (question.options.length > MAX_OPTIONS) return `it has more than ${MAX_OPTIONS} options (Aiken labels A to Z)`;
      return undefined;
  }
}

function noteScoringLost(question: Question, section: Section, notes: ExportNotes): void {
  const weights = optionWeights(question);
  if (weights?.some((weight) => !weight.isZero() && !weight.equals(1)))
    notes.add(
      question.id,
      'partial',
      'Aiken has no partial credit or negative option weights: only the key is written',
    );
  if (question.penalty && !question.penalty.equals(section.penalty))
    notes.add(
      question.id,
      'partial',
      `a wrong answer costs ${question.penalty.toString()} marks, and Aiken has no penalties`,
    );
}

function label(index: number): string {
  return optionLetter(index).toUpperCase();
}

/**
 * Markdown as one line of plain text: rendered, tags dropped, entities read, white space (line breaks included)
 * collapsed, since an Aiken stem or option is exactly one line.
 */
function flatten(markdown: string, target: HtmlTarget): string {
  const html = markdownToHtml(markdown, target);
  const text = html
    .replace(/<\/(?:p|li|h\d|blockquote|pre|tr)>|<br\s*\/?>/gu, ' ')
    .replace(/<[^>]*>/gu, '')
    .replace(/&(lt|gt|quot|amp|#(\d+)|#x([0-9a-f]+));/giu, (_entity, name: string, decimal?: string, hex?: string) =>
      decodeEntity(name, decimal, hex),
    );
  return text.replace(/\s+/gu, ' ').trim();
}

function decodeEntity(name: string, decimal: string | undefined, hex: string | undefined): string {
  if (decimal !== undefined) return String.fromCodePoint(Number(decimal));
  if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
  return { lt: '<', gt: '>', quot: '"', amp: '&' }[name.toLowerCase()] ?? '';
}

/** Math as `\( \)` text (decoded with the rest), images as their description: Aiken is text only. */
function plainTextTarget(questionId: string, notes: ExportNotes): HtmlTarget {
  return {
    math: texDelimited,
    imageSource: (path) => {
      notes.add(questionId, 'partial', `Aiken has no images: the image ${path} is written as its description`);
      return undefined;
    },
  };
}
