import { marksOf, type FreeResponseQuestion, type Section } from '@examforge/core';
import { graderInformation } from '../export/grader-information.js';
import { element } from '../export/xml-text.js';
import { qtiHtml, type QtiTextContext } from './export-qti-html.js';
import type { QtiInteraction } from './export-qti-interaction.js';

/**
 * A written question as a `qti-extended-text-interaction`, scored by a person (its SCORE is declared
 * `external-scored="human"` by the item); the rubric and model solution go into a rubric block only scorers see.
 */
export function freeInteraction(
  question: FreeResponseQuestion,
  section: Section,
  context: QtiTextContext,
): QtiInteraction {
  const information = graderInformation(question, marksOf(question, section));
  if (question.rubric.length > 0)
    context.notes.add(
      question.id,
      'partial',
      'its rubric is written for scorers as text (a rubric block): QTI has no rubric items whose points a player adds up',
    );
  return {
    declaration: element('qti-response-declaration', {
      identifier: 'RESPONSE',
      cardinality: 'single',
      'base-type': 'string',
    }),
    interaction: element('qti-extended-text-interaction', {
      'response-identifier': 'RESPONSE',
      'expected-lines': '15',
    }),
    ...(information !== '' && {
      scorerRubric: element('qti-rubric-block', { use: 'scoring', view: 'scorer' }, [
        element('qti-content-body', {}, [qtiHtml(information, context)]),
      ]),
    }),
  };
}
