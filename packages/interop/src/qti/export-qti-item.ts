import { assertNever, marksOf, type Question, type Section } from '@examforge/core';
import { noteQuestionFeatures } from '../export/question-notes.js';
import { element, type XmlElement } from '../export/xml-text.js';
import { choiceInteraction } from './export-qti-choice.js';
import { numericInteraction } from './export-qti-numeric.js';
import { freeInteraction } from './export-qti-free.js';
import { qtiHtml, type QtiTextContext } from './export-qti-html.js';
import { qtiFloat, qtiIdentifier } from './export-qti-identifiers.js';
import type { QtiInteraction } from './export-qti-interaction.js';
import { floatOutcome } from './export-qti-processing.js';

export const QTI_NAMESPACE = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
export const QTI_SCHEMA_LOCATION = `${QTI_NAMESPACE} https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd`;
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * One question as a `qti-assessment-item`: its response declaration, SCORE (normal maximum = marks) and MAXSCORE,
 * the stem and interaction, its response processing, and the explanation as modal feedback shown after the attempt.
 */
export function qtiItem(question: Question, section: Section, context: QtiTextContext): XmlElement {
  noteQuestionFeatures(question, context.notes, 'QTI');
  const parts = interactionOf(question, section, context);
  const marks = qtiFloat(marksOf(question, section), context.notes, question.id);
  const human = question.kind === 'free' ? { 'external-scored': 'human' } : {};
  const explanation = question.explanation;
  return element(
    'qti-assessment-item',
    {
      xmlns: QTI_NAMESPACE,
      'xmlns:xsi': XSI_NAMESPACE,
      'xsi:schemaLocation': QTI_SCHEMA_LOCATION,
      identifier: qtiIdentifier(question.id),
      title: question.title ?? question.id,
      adaptive: 'false',
      'time-dependent': 'false',
    },
    [
      parts.declaration,
      floatOutcome('SCORE', '0', { 'normal-maximum': marks, ...human }),
      floatOutcome('MAXSCORE', marks),
      ...(explanation
        ? [
            element('qti-outcome-declaration', {
              identifier: 'FEEDBACK',
              cardinality: 'single',
              'base-type': 'identifier',
            }),
          ]
        : []),
      element('qti-item-body', {}, [
        ...(parts.scorerRubric ? [parts.scorerRubric] : []),
        element('div', { class: 'stem' }, [qtiHtml(question.stem, context)]),
        parts.interaction,
      ]),
      ...processing(parts, explanation !== undefined),
      ...(explanation
        ? [
            element(
              'qti-modal-feedback',
              { 'outcome-identifier': 'FEEDBACK', 'show-hide': 'show', identifier: 'EXPLANATION' },
              [element('qti-content-body', {}, [qtiHtml(explanation, context)])],
            ),
          ]
        : []),
    ],
  );
}

function interactionOf(question: Question, section: Section, context: QtiTextContext): QtiInteraction {
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return choiceInteraction(question, section, context);
    case 'numeric':
      return numericInteraction(question, section, context);
    case 'free':
      return freeInteraction(question, section, context);
    default:
      return assertNever(question);
  }
}

/** The scoring rules, and after them (when there is an explanation) the rule that shows it once answered. */
function processing(parts: QtiInteraction, withFeedback: boolean): XmlElement[] {
  const showExplanation = element('qti-set-outcome-value', { identifier: 'FEEDBACK' }, [
    element('qti-base-value', { 'base-type': 'identifier' }, ['EXPLANATION']),
  ]);
  if (!withFeedback) return parts.processing ? [parts.processing] : [];
  const rules = parts.processing?.children ?? [];
  return [element('qti-response-processing', {}, [...rules, showExplanation])];
}
