import { instructionsFor, type Exam, type Section } from '@examforge/core';
import type { ExportedBank } from '../export-result.js';
import { ExportNotes, type ReadAsset } from '../export/export-context.js';
import { element, xmlDocument, type XmlElement } from '../export/xml-text.js';
import { moodleQuestion } from './export-moodle-question.js';
import { moodleTextField, type MoodleTextContext } from './export-moodle-text.js';

const NO_ASSETS: ReadAsset = () => undefined;

/**
 * An exam as a Moodle XML question bank (`<quiz>`), the file Moodle's question import reads: a category per section
 * (`$course$/<exam title>/<section title>`, its id as the category's idnumber; the exam's category holds the
 * instructions), each question with its marks as
 * `defaultgrade` and its id as `idnumber`, Markdown as HTML with TeX in `\( \)`, and images embedded. What Moodle
 * cannot hold is listed in `notes`. `readAsset` reads the images the exam refers to.
 *
 * @example
 * const bank = exportMoodleXml(exam, (path) => readFileSync(join(examDirectory, path)));
 * writeFileSync(bank.fileName, bank.bytes); // dl-endsem-winter-2025-moodle.xml
 */
export function exportMoodleXml(exam: Exam, readAsset: ReadAsset = NO_ASSETS): ExportedBank {
  const notes = new ExportNotes();
  const examContext: MoodleTextContext = { readAsset, notes, questionId: undefined };
  const questions: XmlElement[] = [
    examCategory(exam, examContext),
    ...exam.sections.flatMap((section) => sectionQuestions(exam, section, readAsset, notes)),
  ];
  notes.add(
    undefined,
    'partial',
    `a Moodle XML file is a question bank: the exam's duration (${exam.duration} minutes)${exam.totalFloor ? `, its total floor (${exam.totalFloor.toString()})` : ''} and question order are settings of the Moodle quiz you build from it`,
  );
  return {
    format: 'moodle-xml',
    fileName: `${exam.id}-moodle.xml`,
    bytes: new TextEncoder().encode(xmlDocument(element('quiz', {}, questions))),
    notes: notes.list(),
  };
}

function sectionQuestions(exam: Exam, section: Section, readAsset: ReadAsset, notes: ExportNotes): XmlElement[] {
  const questions = section.questions.flatMap((question) => {
    const written = moodleQuestion(question, section, { readAsset, notes, questionId: question.id });
    return written ? [written] : [];
  });
  return [category(exam, section), ...questions];
}

function category(exam: Exam, section: Section): XmlElement {
  return element('question', { type: 'category' }, [
    element('category', {}, [element('text', {}, [categoryPath(exam.title, section.title)])]),
    element('info', { format: 'html' }, [element('text', {}, [''])]),
    element('idnumber', {}, [section.id]),
  ]);
}

/**
 * The exam's own category, above its sections': its description (`<info>`) holds the instructions as an online
 * student reads them, since a question bank has no quiz introduction.
 */
function examCategory(exam: Exam, context: MoodleTextContext): XmlElement {
  return element('question', { type: 'category' }, [
    element('category', {}, [element('text', {}, [categoryPath(exam.title)])]),
    moodleTextField('info', instructionsFor(exam.instructions, 'online') ?? '', context),
    element('idnumber', {}, [exam.id]),
  ]);
}

/** `$course$/Exam/Section`; a slash inside a name would start a subcategory, so it is written `//` as Moodle does. */
function categoryPath(...names: string[]): string {
  return ['$course$', ...names.map((name) => name.replace(/\//g, '//'))].join('/');
}
