import { instructionsFor, type Exam, type Section } from '@examforge/core';
import type { ExportedBank } from '../export-result.js';
import { ExportNotes } from '../export/export-context.js';
import { markdownToHtml, texDelimited } from '../export/markdown-html.js';
import { escapeGift } from './gift-escape.js';
import { giftQuestion } from './export-gift-question.js';

/**
 * An exam as a GIFT file, as Moodle's GIFT import reads it: a `$CATEGORY: $course$/<exam>/<section>` per section,
 * each question with its id as Moodle 4 metadata (`// [id:…]`), text as `[html]` with TeX in `\( \)`, single and
 * multiple choice with Moodle's `%n%` grades (negative ones for penalties), numeric answers with an absolute
 * tolerance, and written questions as essays. GIFT has no marks, images, rubrics or computed questions: `notes` says
 * what was left out or changed.
 *
 * @example
 * const bank = exportGift(exam);
 * writeFileSync(bank.fileName, bank.bytes); // dl-endsem-winter-2025.gift.txt
 */
export function exportGift(exam: Exam): ExportedBank {
  const notes = new ExportNotes();
  notes.add(
    undefined,
    'partial',
    "GIFT has no marks: Moodle gives every imported question 1 mark (set each question's mark in the quiz); penalties and partial credit are written as fractions of the mark",
  );
  const online = instructionsFor(exam.instructions, 'online');
  const parts = [
    `// ${exam.title} (${exam.id}), written by Examforge`,
    ...(online ? [instructionsDescription(exam, online)] : []),
    ...exam.sections.flatMap((section) => sectionParts(exam, section, notes)),
  ];
  return {
    format: 'gift',
    fileName: `${exam.id}.gift.txt`,
    bytes: new TextEncoder().encode(`${parts.join('\n\n')}\n`),
    notes: notes.list(),
  };
}

function sectionParts(exam: Exam, section: Section, notes: ExportNotes): string[] {
  const questions = section.questions.flatMap((question) => {
    const written = giftQuestion(question, section, notes);
    return written === undefined ? [] : [written];
  });
  return [`$CATEGORY: ${categoryPath(exam, section)}`, ...questions];
}

/** A slash would start a subcategory: Moodle writes a literal one as `//`. Line breaks would end the line. */
function categoryPath(exam: Exam, section: Section): string {
  return ['$course$', exam.title, section.title]
    .map((part) => part.replace(/\//gu, '//').replace(/\s+/gu, ' '))
    .join('/');
}

/** The instructions as an online student reads them, as a description (a question without an answer block). */
function instructionsDescription(exam: Exam, instructions: string): string {
  const html = markdownToHtml(instructions, { math: texDelimited, imageSource: () => undefined });
  return `::${escapeGift(`${exam.title}: instructions`)}::[html]${escapeGift(html)}`;
}
