import type { Rational } from '@examforge/core';
import { marksOf, penaltyOf, type NumericQuestion, type Section } from '@examforge/core';
import { element, type XmlElement } from '../export/xml-text.js';
import type { QtiTextContext } from './export-qti-html.js';
import { qtiFloat } from './export-qti-identifiers.js';
import type { QtiInteraction } from './export-qti-interaction.js';
import { floatValue, RESPONSE, scoreUnlessBlank } from './export-qti-processing.js';

/**
 * A numeric question as a `qti-text-entry-interaction` of base type float, scored with `qti-equal` against the
 * correct response: tolerance mode absolute, relative (QTI's relative tolerance is a percentage, as Examforge's) or
 * exact; marks when equal, −penalty otherwise. Without an answer it has no correct response and no processing.
 */
export function numericInteraction(
  question: NumericQuestion,
  section: Section,
  context: QtiTextContext,
): QtiInteraction {
  const interaction = element('p', {}, [
    element('qti-text-entry-interaction', { 'response-identifier': 'RESPONSE', 'expected-length': '15' }),
  ]);
  const answer = question.keyUnknown ? undefined : question.answer;
  if (!answer) {
    context.notes.add(
      question.id,
      'partial',
      'its answer is unknown: written without a correct response or response processing, so it is not scored',
    );
    return { declaration: declaration([]), interaction };
  }
  const correct = element('qti-correct-response', {}, [element('qti-value', {}, [String(answer.value)])]);
  const float = (value: Rational) => floatValue(qtiFloat(value, context.notes, question.id));
  const equal = element('qti-equal', toleranceAttributes(answer.tolerance), [
    RESPONSE,
    element('qti-correct', { identifier: 'RESPONSE' }),
  ]);
  return {
    declaration: declaration([correct]),
    interaction,
    processing: scoreUnlessBlank(
      [{ when: equal, score: float(marksOf(question, section)) }],
      float(penaltyOf(question, section).negated()),
    ),
  };
}

function declaration(children: XmlElement[]): XmlElement {
  return element(
    'qti-response-declaration',
    { identifier: 'RESPONSE', cardinality: 'single', 'base-type': 'float' },
    children,
  );
}

function toleranceAttributes(tolerance: NonNullable<NumericQuestion['answer']>['tolerance']): Record<string, string> {
  const amount = tolerance.kind === 'absolute' ? tolerance.amount : tolerance.percent;
  if (amount === 0) return { 'tolerance-mode': 'exact' };
  return { 'tolerance-mode': tolerance.kind, tolerance: String(amount) };
}
