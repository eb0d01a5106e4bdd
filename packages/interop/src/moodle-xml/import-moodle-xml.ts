import type { Element } from '@xmldom/xmldom';
import { ID_PATTERN, Rational } from '@examforge/core';
import { decodeBase64, ImportAssets } from '../import-assets.js';
import type { ConversionNote, ImportedExam, ImportOptions, SourceFile } from '../import-result.js';
import { buildImportedExam, finishImport, type ImportedQuestion, type QuestionDraft } from '../question-builder.js';
import { convertMultichoice, convertTrueFalse } from './import-moodle-choice.js';
import { childElement, childElements, childText, parseMoodleQuiz } from './import-moodle-document.js';
import { noteAbout, textOf, type MoodleQuestionContext } from './import-moodle-question.js';
import { convertEssay, convertNumerical, convertShortAnswer } from './import-moodle-written.js';

type Converter = (context: MoodleQuestionContext) => QuestionDraft | undefined;

const CONVERTERS: Readonly<Record<string, Converter>> = {
  multichoice: convertMultichoice,
  truefalse: convertTrueFalse,
  shortanswer: convertShortAnswer,
  numerical: convertNumerical,
  essay: convertEssay,
};

/** Moodle's types with no Examforge equivalent, as instructors know them. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  cloze: 'Cloze (embedded answers)',
  multianswer: 'Cloze (embedded answers)',
  calculated: 'calculated',
  calculatedsimple: 'simple calculated',
  calculatedmulti: 'calculated multichoice',
  match: 'matching',
  randomsamatch: 'random short-answer matching',
  ddwtos: 'drag and drop into text',
  gapselect: 'select missing words',
  ddimageortext: 'drag and drop onto image',
  ddmarker: 'drag and drop markers',
  ordering: 'ordering',
  random: 'random',
  stack: 'STACK',
};

/**
 * Reads a Moodle XML question bank: multichoice (option weights from Moodle's grades), truefalse, numerical, essay,
 * short answer (as a written question), description (its text put before the next question), categories (as
 * sections), images (`@@PLUGINFILE@@` files, Moodle 1.9 `<image_base64>`), TeX. Every other type, and everything
 * not converted exactly, is in the notes with its XML path; XML that is not well-formed fails with its line and column.
 *
 * @example
 * const { exam, notes } = importMoodleXml({ name: 'bank.xml', bytes });
 */
export function importMoodleXml(file: SourceFile, options: ImportOptions = {}): ImportedExam {
  const quiz = parseMoodleQuiz(file.bytes, file.name);
  const assets = new ImportAssets();
  const notes: ConversionNote[] = [];
  const questions: ImportedQuestion[] = [];
  const pendingDescriptions: string[] = [];
  let category: string | undefined;
  const defaultMarks = Rational.fromNumber(options.defaultMarks ?? 1) ?? Rational.ONE;
  const idNumbers = new Map<string, string>();
  childElements(quiz, 'question').forEach((element, index) => {
    const type = element.getAttribute('type') ?? '';
    const questionName = childText(element, 'name') ?? '';
    const marks = Rational.parse(childText(element, 'defaultgrade') ?? '') ?? defaultMarks;
    const context: MoodleQuestionContext = {
      file,
      assets,
      question: element,
      questionName,
      notes,
      path: `/quiz/question[${index + 1}]`,
      marks,
    };
    if (type === 'category') {
      category = categoryTitle(childText(element, 'category') ?? '');
      return;
    }
    if (type === 'description') {
      const text = textOf(context, 'questiontext');
      if (text !== '') pendingDescriptions.push(text);
      notes.push(
        noteAbout(
          context,
          'a description has no marks in Examforge: its text was put before the next question',
          'description',
        ),
      );
      return;
    }
    const convert = CONVERTERS[type];
    if (!convert) {
      const known = UNSUPPORTED[type];
      const reason = known
        ? `${known} questions have no Examforge equivalent`
        : `the question type "${type}" is not one Examforge knows`;
      notes.push(noteAbout(context, `left out: ${reason}`, 'left-out'));
      return;
    }
    const draft = convert(context);
    if (!draft) return;
    noteExtras(context);
    const withImage = withOldImage(draft, element, context);
    const stem = [...pendingDescriptions.splice(0), withImage.stem].join('\n\n');
    const positiveMarks = marks.isPositive() ? marks : defaultMarks;
    const id = ownId(context, idNumbers);
    questions.push({
      name: questionName,
      ...(id !== undefined && { id }),
      ...(category !== undefined && { category }),
      marks: positiveMarks,
      question: { ...withImage, stem },
    });
  });
  const instructions = pendingDescriptions.length > 0 ? pendingDescriptions.join('\n\n') : undefined;
  const exam = buildImportedExam({
    fileName: file.name,
    questions,
    options,
    ...(instructions !== undefined && { instructions }),
  });
  return finishImport({ format: 'moodle-xml', file: file.name, exam, assets, notes, options });
}

/**
 * The question's `<idnumber>` as its Examforge id, when it is one (lowercase letters, digits, single hyphens) and no
 * earlier question has it; otherwise a note says why the id was made from the name instead. `claimed` maps each
 * idnumber taken to the name of its question.
 */
function ownId(context: MoodleQuestionContext, claimed: Map<string, string>): string | undefined {
  const element = childElement(context.question, 'idnumber');
  const idNumber = element?.textContent?.trim() ?? '';
  if (!element || idNumber === '') return undefined;
  const instead = 'so its id was made from its name';
  if (!ID_PATTERN.test(idNumber)) {
    context.notes.push(
      noteAbout(
        context,
        `its idnumber "${idNumber}" is not an Examforge id (lowercase letters, digits and single hyphens, e.g. q1-2), ${instead}`,
        'content',
        element,
      ),
    );
    return undefined;
  }
  const holder = claimed.get(idNumber);
  if (holder !== undefined) {
    context.notes.push(
      noteAbout(
        context,
        `its idnumber "${idNumber}" is already the id of the question "${holder}", ${instead}`,
        'content',
        element,
      ),
    );
    return undefined;
  }
  claimed.set(idNumber, context.questionName);
  return idNumber;
}

/** Moodle's defaults for the feedback after a try: dropping them loses nothing an instructor wrote. */
const DEFAULT_FEEDBACK = /^(?:Your answer is (?:partially )?(?:in)?correct\.?)?$/;

/**
 * What Moodle shows between tries in its interactive modes — hints and feedback written for right, partly right and
 * wrong answers — has no place in an Examforge question: noted when the instructor wrote any.
 */
function noteExtras(context: MoodleQuestionContext): void {
  const hints = childElements(context.question, 'hint').filter((hint) => (childText(hint, 'text') ?? '') !== '');
  const feedbacks = ['correctfeedback', 'partiallycorrectfeedback', 'incorrectfeedback'].filter(
    (name) => !DEFAULT_FEEDBACK.test(childText(context.question, name) ?? ''),
  );
  const lost = [
    ...(hints.length > 0 ? [`${hints.length} hint${hints.length > 1 ? 's' : ''}`] : []),
    ...(feedbacks.length > 0
      ? [`the feedback for ${feedbacks.map((name) => name.replace('feedback', '')).join(', ')} answers`]
      : []),
  ];
  const first = hints[0] ?? childElement(context.question, feedbacks[0] ?? '');
  if (lost.length > 0) {
    context.notes.push(
      noteAbout(context, `${lost.join(' and ')} (shown between tries in Moodle) were left out`, 'partial', first),
    );
  }
}

/** `$course$/top/Iota/Kappa` → `Iota / Kappa`: the path without Moodle's context and `top`. */
function categoryTitle(path: string): string | undefined {
  const parts = path
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !/^\$\w+\$$/.test(part) && part !== 'top');
  return parts.length > 0 ? parts.join(' / ') : undefined;
}

/** Moodle 1.9 kept a question's image beside the text: `<image>name.png</image><image_base64>…</image_base64>`. */
function withOldImage(draft: QuestionDraft, element: Element, context: MoodleQuestionContext): QuestionDraft {
  const image = childElement(element, 'image');
  const name = image?.textContent?.trim() ?? '';
  if (!image || name === '') return draft;
  const encoded = childElement(element, 'image_base64')?.textContent ?? '';
  const bytes = decodeBase64(encoded) ?? context.file.readSibling?.(name);
  if (!bytes) {
    context.notes.push(noteAbout(context, `the image ${name} is not in the file and was left out`, 'content', image));
    return draft;
  }
  const path = context.assets.add(name, bytes);
  return { ...draft, stem: `${draft.stem}\n\n![](<${path}>)` };
}
