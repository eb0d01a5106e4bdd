import type { Element } from '@xmldom/xmldom';
import type { Interaction, Mapping, OutcomeDeclaration, QtiItem, ResponseDeclaration } from './qti-item.js';
import { qtiAttr, qtiChild, qtiChildren, qtiName } from './qti-names.js';
import { descendants, textOf } from './xml-document.js';

/**
 * Reads a QTI 2.x or 3.0 `assessmentItem` element into the object model. Reading never fails: what is missing stays
 * absent, and the converter decides what that means.
 *
 * @example
 * const item = readQtiItem(document.documentElement, 'items/q1.xml', 'bank.zip!items/q1.xml');
 * item.interactions.map((interaction) => interaction.name); // ['choiceInteraction']
 */
export function readQtiItem(element: Element, path: string, file: string): QtiItem {
  const body = qtiChild(element, 'itemBody');
  return {
    file,
    path,
    element,
    identifier: qtiAttr(element, 'identifier') ?? path,
    title: qtiAttr(element, 'title')?.trim() || undefined,
    adaptive: qtiAttr(element, 'adaptive') === 'true',
    templated:
      qtiChildren(element, 'templateDeclaration').length > 0 || qtiChild(element, 'templateProcessing') !== undefined,
    responses: new Map(
      qtiChildren(element, 'responseDeclaration')
        .map(readResponse)
        .map((r) => [r.identifier, r]),
    ),
    outcomes: new Map(
      qtiChildren(element, 'outcomeDeclaration')
        .map(readOutcome)
        .map((o) => [o.identifier, o]),
    ),
    body,
    interactions: body ? readInteractions(body) : [],
    responseProcessing: qtiChild(element, 'responseProcessing'),
  };
}

function readResponse(element: Element): ResponseDeclaration {
  const correct = qtiChild(element, 'correctResponse');
  const mapping = qtiChild(element, 'mapping');
  return {
    identifier: qtiAttr(element, 'identifier') ?? '',
    cardinality: qtiAttr(element, 'cardinality') ?? 'single',
    baseType: qtiAttr(element, 'baseType'),
    correct: correct ? valuesOf(correct) : [],
    mapping: mapping ? readMapping(mapping) : undefined,
    element,
  };
}

function valuesOf(element: Element): string[] {
  return qtiChildren(element, 'value')
    .map((value) => textOf(value).trim())
    .filter((value) => value !== '');
}

function readMapping(element: Element): Mapping {
  return {
    defaultValue: numberAttr(element, 'defaultValue') ?? 0,
    lowerBound: numberAttr(element, 'lowerBound'),
    upperBound: numberAttr(element, 'upperBound'),
    entries: qtiChildren(element, 'mapEntry').map((entry) => ({
      key: qtiAttr(entry, 'mapKey') ?? '',
      value: numberAttr(entry, 'mappedValue') ?? 0,
      caseSensitive: qtiAttr(entry, 'caseSensitive') !== 'false',
    })),
  };
}

function readOutcome(element: Element): OutcomeDeclaration {
  const defaultValue = qtiChild(element, 'defaultValue');
  return {
    identifier: qtiAttr(element, 'identifier') ?? '',
    defaultValue: defaultValue ? valuesOf(defaultValue)[0] : undefined,
    normalMaximum: numberAttr(element, 'normalMaximum'),
  };
}

/** Interactions are elements named `…Interaction` anywhere in the body (inside feedback blocks and tables too). */
function readInteractions(body: Element): Interaction[] {
  return descendants(body, (element) => qtiName(element).endsWith('Interaction')).map((element) => ({
    name: qtiName(element),
    element,
    responseIdentifier: qtiAttr(element, 'responseIdentifier'),
  }));
}

export function numberAttr(element: Element, name: string): number | undefined {
  const text = qtiAttr(element, name)?.trim();
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
