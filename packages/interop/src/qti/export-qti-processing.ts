import { element, type XmlElement } from '../export/xml-text.js';

/**
 * Building blocks of QTI response processing, always written out in full (no `template` URL), so that a player
 * needs nothing from the network and an importer reads the rules themselves.
 */
export function setScore(expression: XmlElement): XmlElement {
  return element('qti-set-outcome-value', { identifier: 'SCORE' }, [expression]);
}

export function floatValue(value: string): XmlElement {
  return element('qti-base-value', { 'base-type': 'float' }, [value]);
}

export const RESPONSE = element('qti-variable', { identifier: 'RESPONSE' });

/** `if RESPONSE is NULL then SCORE = 0 [else if …] else …`: a blank answer scores 0, never the penalty. */
export function scoreUnlessBlank(
  branches: readonly { readonly when: XmlElement; readonly score: XmlElement }[],
  otherwise: XmlElement,
): XmlElement {
  return element('qti-response-processing', {}, [
    element('qti-response-condition', {}, [
      element('qti-response-if', {}, [element('qti-is-null', {}, [RESPONSE]), setScore(floatValue('0'))]),
      ...branches.map((branch) => element('qti-response-else-if', {}, [branch.when, setScore(branch.score)])),
      element('qti-response-else', {}, [setScore(otherwise)]),
    ]),
  ]);
}

/** An outcome declaration of one float with a default value. */
export function floatOutcome(
  identifier: string,
  defaultValue: string,
  extra: Record<string, string | undefined> = {},
): XmlElement {
  return element('qti-outcome-declaration', { identifier, cardinality: 'single', 'base-type': 'float', ...extra }, [
    element('qti-default-value', {}, [element('qti-value', {}, [defaultValue])]),
  ]);
}
