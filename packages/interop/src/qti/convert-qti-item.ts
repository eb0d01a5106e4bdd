import { Rational, type NumericAnswer } from '@examforge/core';
import type { Element } from '@xmldom/xmldom';
import type { SourceLocation } from '../import-result.js';
import { readChoices } from './choice-answer.js';
import { describeCorrectResponse, describeInteraction } from './describe-interaction.js';
import type { PackageImages } from './image-assets.js';
import { readFeedback } from './item-feedback.js';
import { itemMarks } from './item-marks.js';
import { formulaLossNote, mappedChoiceAnswer } from './mapped-choice-answer.js';
import type { Interaction, QtiItem, ResponseDeclaration } from './qti-item.js';
import { qtiChild, qtiChildren } from './qti-names.js';
import type { DraftAnswer, DraftNote, ItemConversion, ItemDraft } from './question-draft.js';
import { childNodes, renderBodyHtml, type RenderContext } from './render-body-html.js';
import { readResponseProcessing, type ResponseProcessingReading } from './response-processing.js';
import { unknownAttributes } from './unknown-attributes.js';
import { locate } from './xml-document.js';

/** Interactions with an exact Examforge equivalent (text entry only when numeric or kept as a written answer). */
const SUPPORTED = new Set(['choiceInteraction', 'textEntryInteraction', 'extendedTextInteraction']);

/** Interactions that ask for a written or uploaded answer: graded by hand, as Examforge's written questions are. */
const WRITTEN = new Set(['extendedTextInteraction', 'uploadInteraction', 'drawingInteraction']);

/**
 * Converts one QTI 2.x/3.0 item into a question draft. Choice (single and multiple, keyed or weighted), numeric text
 * entry (with its tolerance) and extended text convert exactly. Every other item — other interactions, several
 * interactions, adaptive or templated items, `record` responses, extension operators — is kept as a written question
 * with its text, choices and the source's correct response for graders, and a note saying so. An item with no
 * interaction at all (information only) gives its text as a description for the next question, with a note.
 *
 * @example
 * const { draft, notes } = convertQtiItem(readQtiItem(root, 'q1.xml', 'q1.xml'), images);
 */
export function convertQtiItem(item: QtiItem, images: PackageImages): ItemConversion {
  const notes: DraftNote[] = [];
  const where = locate(item.element, item.file);
  const question = item.title ?? item.identifier;
  const note = (location: SourceLocation, reason: string, keptAs: DraftNote['keptAs']) =>
    notes.push({ location, question, reason, keptAs });
  const context = renderContext(item, images, note);
  for (const { element, attribute } of unknownAttributes(item.element)) {
    note(
      locate(element, item.file),
      `the attribute ${attribute} on ${element.localName} is not QTI (the file does not follow the QTI schema); it was ignored`,
      'content',
    );
  }
  const interactions = item.interactions.filter((interaction) => interaction.name !== 'endAttemptInteraction');
  const feedback = readFeedback(item, (nodes) => renderBodyHtml(nodes, context));
  const { leftOut, explanationHtml } = feedback;
  const noteFeedback = () => leftOut && note(locate(leftOut.element, item.file), leftOut.reason, 'content');
  if (interactions.length === 0) {
    note(
      where,
      `the item has no interaction (information only) and Examforge has no description question: its text was put before the next question${explanationHtml ? ', and its feedback was left out' : ''}`,
      'description',
    );
    const descriptionHtml = item.body ? renderBodyHtml(childNodes(item.body), context) : '';
    noteFeedback();
    return { notes, descriptionHtml };
  }
  const reading = item.responseProcessing ? readResponseProcessing(item.responseProcessing) : undefined;
  const unsupported = unsupportedReasons(item, interactions, reading);
  for (const problem of reading?.problems ?? []) {
    if (/custom operator/.test(problem.reason)) continue;
    const consequence =
      unsupported.length > 0
        ? 'the question is graded by hand anyway'
        : 'the question is scored by its declared correct response instead';
    note(
      locate(problem.element, item.file),
      `${problem.reason}: the response processing is not valid QTI; ${consequence}`,
      'partial',
    );
  }
  const draft =
    unsupported.length > 0
      ? writtenDraft(item, where, context, unsupported, note)
      : supportedDraft(item, interactions[0] as Interaction, reading, where, context, note);
  noteFeedback();
  return { draft: explanationHtml ? { ...draft, explanationHtml } : draft, notes };
}

type Note = (location: SourceLocation, reason: string, keptAs: DraftNote['keptAs']) => void;

function renderContext(item: QtiItem, images: PackageImages, note: Note): RenderContext {
  return {
    image: (src, element) => {
      const found = images.resolve(item.path, src);
      if (found.kind === 'asset') return found.path;
      if (found.kind === 'remote') {
        note(
          locate(element, item.file),
          `the image ${found.url} is on the web, not in the package; it was kept as a link`,
          'content',
        );
        return found.url;
      }
      note(
        locate(element, item.file),
        `the image ${found.reference} is not in the package; it was left out`,
        'content',
      );
      return undefined;
    },
    interaction: () => undefined,
    loss: (element, reason) => note(locate(element, item.file), reason, 'content'),
  };
}

function unsupportedReasons(
  item: QtiItem,
  interactions: readonly Interaction[],
  reading: ResponseProcessingReading | undefined,
): string[] {
  const reasons: string[] = [];
  if (interactions.length > 1) {
    reasons.push(
      `it has ${interactions.length} interactions (${[...new Set(interactions.map((i) => i.name))].join(', ')}) and an Examforge question takes one answer`,
    );
  }
  const [first] = interactions;
  if (interactions.length === 1 && first && !SUPPORTED.has(first.name) && !WRITTEN.has(first.name)) {
    reasons.push(
      `Examforge has no ${first.name} (students would ${ACTIONS[first.name] ?? 'answer in a way Examforge cannot deliver'})`,
    );
  }
  if (item.templated) reasons.push('it draws random values with template processing, which Examforge does not run');
  if (item.adaptive) reasons.push('it is adaptive (several attempts with feedback in between)');
  if ([...item.responses.values()].some((response) => response.cardinality === 'record')) {
    reasons.push('its response has record cardinality (several values checked together, e.g. significant figures)');
  }
  for (const problem of reading?.problems ?? []) {
    if (/custom operator/.test(problem.reason)) reasons.push(problem.reason);
  }
  return reasons;
}

const ACTIONS: Readonly<Record<string, string>> = {
  inlineChoiceInteraction: 'choose a word from a list inside the text',
  hottextInteraction: 'select words in the text',
  hotspotInteraction: 'click an area of an image',
  selectPointInteraction: 'click a point on an image',
  graphicGapMatchInteraction: 'drag labels onto an image',
  graphicOrderInteraction: 'order areas of an image',
  graphicAssociateInteraction: 'link areas of an image',
  positionObjectInteraction: 'place an object on an image',
  orderInteraction: 'put choices in order',
  matchInteraction: 'match pairs',
  associateInteraction: 'link choices in pairs',
  gapMatchInteraction: 'drag words into gaps',
  sliderInteraction: 'pick a value on a slider',
  mediaInteraction: 'play a recording',
  customInteraction: 'use a custom widget',
  portableCustomInteraction: 'use a portable custom widget',
};

/** Kept as a written question: the body with every interaction described, the source's key for graders. */
function writtenDraft(
  item: QtiItem,
  where: SourceLocation,
  context: RenderContext,
  reasons: readonly string[],
  note: Note,
): ItemDraft {
  const describing: RenderContext = { ...context, interaction: (element) => describeInteraction(element, describing) };
  const stemHtml = item.body ? renderBodyHtml(childNodes(item.body), describing) : '';
  const solution = describeCorrectResponse(item);
  note(
    where,
    `the item was kept as a written question graded by hand because ${reasons.join('; ')}; its text and choices were kept${solution ? ' and its correct response is in the solution' : ''}`,
    'free-response',
  );
  const response = [...item.responses.values()][0];
  return {
    source: item.identifier,
    title: item.title,
    location: where,
    stemHtml,
    marks: itemMarks(item, response?.mapping, response?.cardinality ?? 'single'),
    keyUnknown: false,
    answer: { kind: 'free', solution, rubric: [] },
  };
}

function supportedDraft(
  item: QtiItem,
  interaction: Interaction,
  reading: ResponseProcessingReading | undefined,
  where: SourceLocation,
  context: RenderContext,
  note: Note,
): ItemDraft {
  const response = item.responses.get(interaction.responseIdentifier ?? '') ?? emptyResponse(interaction);
  const byMapping =
    reading !== undefined && (reading.kind === 'map_response' || reading.mapped.has(response.identifier));
  const stemContext: RenderContext = { ...context, interaction: (element) => promptOrBlank(element, context) };
  const stemHtml = item.body ? renderBodyHtml(childNodes(item.body), stemContext) : '';
  const base = { source: item.identifier, title: item.title, location: where, stemHtml };
  const marks = itemMarks(item, byMapping ? response.mapping : undefined, response.cardinality);
  if (reading?.kind === 'unknown-template') {
    note(
      where,
      `the response processing template ${reading.template ?? ''} is not a standard one; the question is scored by its declared correct response`,
      'partial',
    );
  }
  const answer = answerOf(item, interaction, response, reading, byMapping, where, context, note);
  const penalty = wrongAnswerPenalty(reading, byMapping, answer.answer);
  return {
    ...base,
    marks: answer.marks ?? marks,
    keyUnknown: answer.keyUnknown,
    answer: answer.answer,
    ...(penalty && { penalty }),
  };
}

/** A keyed (not mapped) choice or numeric item whose else branch sets a negative score: that score is its penalty. */
function wrongAnswerPenalty(
  reading: ResponseProcessingReading | undefined,
  byMapping: boolean,
  answer: DraftAnswer,
): Rational | undefined {
  if (byMapping || reading?.otherwise === undefined || reading.otherwise >= 0) return undefined;
  if (answer.kind !== 'single' && answer.kind !== 'multiple' && answer.kind !== 'numeric') return undefined;
  return Rational.fromNumber(-reading.otherwise);
}

interface AnswerReading {
  readonly answer: DraftAnswer;
  readonly keyUnknown: boolean;
  readonly marks?: Rational;
}

function answerOf(
  item: QtiItem,
  interaction: Interaction,
  response: ResponseDeclaration,
  reading: ResponseProcessingReading | undefined,
  byMapping: boolean,
  where: SourceLocation,
  context: RenderContext,
  note: Note,
): AnswerReading {
  if (WRITTEN.has(interaction.name)) {
    if (interaction.name !== 'extendedTextInteraction') {
      note(
        where,
        `${interaction.name} asks for a file or a drawing; it became a written answer graded by hand`,
        'free-response',
      );
    }
    return { answer: { kind: 'free', rubric: [] }, keyUnknown: false };
  }
  if (interaction.name === 'textEntryInteraction') return textEntryAnswer(response, reading, where, note);
  const choices = qtiChildren(interaction.element, 'simpleChoice');
  const noProcessing = reading === undefined;
  const html = (element: Element) => renderBodyHtml(childNodes(element), context);
  const formula = byMapping && reading?.formula?.response === response.identifier ? reading.formula : undefined;
  const strategy = formula && mappedChoiceAnswer(item, response, choices, formula, html);
  if (strategy) return { answer: strategy.answer, keyUnknown: false, marks: strategy.marks };
  const choice = readChoices(
    choices,
    noProcessing ? { ...response, correct: [], mapping: undefined } : response,
    byMapping,
    html,
    where,
  );
  const lost = formula && !choice.keyUnknown ? formulaLossNote(formula, where) : undefined;
  for (const found of [...choice.notes, ...(lost ? [lost] : [])]) note(found.location, found.reason, found.keptAs);
  if (noProcessing && (response.correct.length > 0 || response.mapping)) {
    note(
      where,
      `the item has no response processing, so QTI would score nothing; it was imported with key=unknown (the source declares ${response.correct.join(', ') || 'a mapping'} as correct)`,
      'partial',
    );
  }
  return { answer: choice.answer, keyUnknown: choice.keyUnknown };
}

function textEntryAnswer(
  response: ResponseDeclaration,
  reading: ResponseProcessingReading | undefined,
  where: SourceLocation,
  note: Note,
): AnswerReading {
  const numeric = response.baseType === 'float' || response.baseType === 'integer';
  if (numeric) return numericAnswer(response, reading, where, note);
  const accepted = [
    ...response.correct,
    ...(response.mapping?.entries ?? []).filter((e) => e.value > 0).map((e) => e.key),
  ];
  const unique = [...new Set(accepted)];
  if (unique.length === 0 || reading === undefined) {
    note(
      where,
      'a text-entry answer with no correct response: it became a written answer graded by hand',
      'free-response',
    );
    return { answer: { kind: 'free', rubric: [] }, keyUnknown: false };
  }
  const caseNote = response.mapping?.entries.some((entry) => !entry.caseSensitive) ? ' (not case-sensitive)' : '';
  note(
    where,
    `Examforge grades typed words by hand: the text-entry answer became a written question whose rubric lists the accepted answers (${unique.join(', ')})`,
    'free-response',
  );
  return {
    answer: {
      kind: 'free',
      solution: unique.join(', '),
      rubric: [
        {
          share: Rational.ONE,
          text: `The answer is ${unique.length > 1 ? 'one of ' : ''}${unique.map((a) => `"${a}"`).join(', ')}${caseNote}`,
        },
      ],
    },
    keyUnknown: false,
  };
}

function numericAnswer(
  response: ResponseDeclaration,
  reading: ResponseProcessingReading | undefined,
  where: SourceLocation,
  note: Note,
): AnswerReading {
  const value = Number(response.correct[0]);
  if (reading === undefined || response.correct.length === 0 || !Number.isFinite(value)) {
    note(
      where,
      'the numeric item has no correct value or no response processing: imported with key=unknown',
      'partial',
    );
    return { answer: { kind: 'numeric' }, keyUnknown: true };
  }
  const comparison = reading.tolerances.get(response.identifier);
  let answer: NumericAnswer = { value, tolerance: { kind: 'absolute', amount: 0 } };
  if (comparison && comparison.mode !== 'exact') {
    const [lower = 0, upper = lower] = comparison.tolerance;
    const amount = Math.min(lower, upper);
    if (lower !== upper) {
      note(
        where,
        `the tolerance is asymmetric (${lower} below, ${upper} above); Examforge keeps the smaller one, ±${amount}${comparison.mode === 'relative' ? ' %' : ''}`,
        'partial',
      );
    }
    answer = {
      value,
      tolerance: comparison.mode === 'relative' ? { kind: 'relative', percent: amount } : { kind: 'absolute', amount },
    };
  }
  return { answer: { kind: 'numeric', answer }, keyUnknown: false };
}

/** In a supported item's stem: a choice or extended-text interaction shows its prompt; a text entry, a blank. */
function promptOrBlank(element: Element, context: RenderContext): string {
  const prompt = qtiChild(element, 'prompt');
  if (prompt) return `<p>${renderBodyHtml(childNodes(prompt), context)}</p>`;
  return element.localName?.toLowerCase().includes('text-entry') || element.localName === 'textEntryInteraction'
    ? ' _____ '
    : '';
}

function emptyResponse(interaction: Interaction): ResponseDeclaration {
  return {
    identifier: interaction.responseIdentifier ?? '',
    cardinality: 'single',
    correct: [],
    element: interaction.element,
  };
}
