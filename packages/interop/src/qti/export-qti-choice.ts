import {
  marksOf,
  multipleScoringOf,
  optionWeights,
  penaltyOf,
  Rational,
  type ChoiceQuestion,
  type MultipleChoiceQuestion,
  type Section,
} from '@examforge/core';
import { affineScoring, optionFractions } from '../export/choice-scoring.js';
import { element, type XmlElement } from '../export/xml-text.js';
import { qtiHtml, type QtiTextContext } from './export-qti-html.js';
import { choiceIdentifier, qtiFloat } from './export-qti-identifiers.js';
import type { QtiInteraction } from './export-qti-interaction.js';
import { floatValue, RESPONSE, scoreUnlessBlank } from './export-qti-processing.js';

/**
 * A choice question as a `qti-choice-interaction`. Scoring: a `qti-mapping` of each option to the marks it earns
 * (weights, or the key and penalty) read by `qti-map-response`, bounded to [0, marks] for a multiple-answer question;
 * all-or-nothing as a match against `qti-correct-response` (marks, else −penalty); per-option and every-decision as
 * the mapping plus their constant, clamped. A question whose key is unknown has no correct response and no processing.
 */
export function choiceInteraction(question: ChoiceQuestion, section: Section, context: QtiTextContext): QtiInteraction {
  const single = question.kind === 'single';
  const interaction = element(
    'qti-choice-interaction',
    { 'response-identifier': 'RESPONSE', shuffle: 'true', 'max-choices': single ? '1' : '0', 'min-choices': '0' },
    question.options.map((option, index) =>
      element('qti-simple-choice', { identifier: choiceIdentifier(index), fixed: option.fixed ? 'true' : undefined }, [
        qtiHtml(option.text, context, true),
      ]),
    ),
  );
  const cardinality = single ? 'single' : 'multiple';
  if (question.keyUnknown) {
    context.notes.add(
      question.id,
      'partial',
      'its key is unknown: written without a correct response or response processing, so it is not scored',
    );
    return { declaration: declaration(cardinality, []), interaction };
  }
  const scoring = choiceScoring(question, section, context);
  return {
    declaration: declaration(cardinality, [correctResponse(question), ...scoring.mapping]),
    interaction,
    processing: scoring.processing,
  };
}

function declaration(cardinality: string, children: XmlElement[]): XmlElement {
  return element(
    'qti-response-declaration',
    { identifier: 'RESPONSE', cardinality, 'base-type': 'identifier' },
    children,
  );
}

/**
 * The key as `qti-correct-response`. A single-cardinality response holds one value, so a single-choice question
 * with several right options (`accept=any`) names the first; the mapping gives each of them the marks.
 */
function correctResponse(question: ChoiceQuestion): XmlElement {
  const correct = question.options.flatMap((option, index) => (option.correct ? [choiceIdentifier(index)] : []));
  const written = question.kind === 'single' ? correct.slice(0, 1) : correct;
  return element(
    'qti-correct-response',
    {},
    written.map((identifier) => element('qti-value', {}, [identifier])),
  );
}

interface ChoiceScoring {
  readonly mapping: XmlElement[];
  readonly processing: XmlElement;
}

function choiceScoring(question: ChoiceQuestion, section: Section, context: QtiTextContext): ChoiceScoring {
  const marks = marksOf(question, section);
  if (question.kind === 'multiple' && !optionWeights(question)) {
    const strategy = multipleScoringOf(question, section).strategy;
    if (strategy === 'all-or-nothing') return allOrNothing(marks, penaltyOf(question, section), context);
    const affine = affineScoring(question, section);
    if (affine) return affineProcessing(question, affine, context);
  }
  const { fractions, approximation } = optionFractions(question, section);
  if (approximation) context.notes.add(question.id, 'partial', `QTI: ${approximation}`);
  const points = fractions.map((fraction) => fraction.times(marks));
  const bounds = question.kind === 'multiple' ? { lower: Rational.ZERO, upper: marks } : undefined;
  return {
    mapping: [mapping(points, context, bounds)],
    processing: scoreUnlessBlank([], element('qti-map-response', { identifier: 'RESPONSE' })),
  };
}

function allOrNothing(marks: Rational, penalty: Rational, context: QtiTextContext): ChoiceScoring {
  const match = element('qti-match', {}, [RESPONSE, element('qti-correct', { identifier: 'RESPONSE' })]);
  const float = (value: Rational) => floatValue(qtiFloat(value, context.notes, context.questionId));
  return {
    mapping: [],
    processing: scoreUnlessBlank([{ when: match, score: float(marks) }], float(penalty.negated())),
  };
}

function affineProcessing(
  question: MultipleChoiceQuestion,
  affine: NonNullable<ReturnType<typeof affineScoring>>,
  context: QtiTextContext,
): ChoiceScoring {
  const float = (value: Rational) => floatValue(qtiFloat(value, context.notes, question.id));
  const sum = element('qti-sum', {}, [element('qti-map-response', { identifier: 'RESPONSE' }), float(affine.constant)]);
  const clamped = element('qti-min', {}, [float(affine.ceiling), element('qti-max', {}, [float(affine.floor), sum])]);
  return { mapping: [mapping(affine.points, context, undefined)], processing: scoreUnlessBlank([], clamped) };
}

function mapping(
  points: readonly Rational[],
  context: QtiTextContext,
  bounds: { lower: Rational; upper: Rational } | undefined,
): XmlElement {
  const float = (value: Rational) => qtiFloat(value, context.notes, context.questionId);
  return element(
    'qti-mapping',
    {
      'default-value': '0',
      'lower-bound': bounds ? float(bounds.lower) : undefined,
      'upper-bound': bounds ? float(bounds.upper) : undefined,
    },
    points.map((value, index) =>
      element('qti-map-entry', { 'map-key': choiceIdentifier(index), 'mapped-value': float(value) }),
    ),
  );
}
