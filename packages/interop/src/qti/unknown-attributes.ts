import type { Attr, Element } from '@xmldom/xmldom';
import { qtiName } from './qti-names.js';
import { descendants } from './xml-document.js';

const COMMON = ['id', 'class', 'label', 'dir', 'lang', 'base', 'space'];

/** The attributes QTI defines on the elements the converter reads (2.x names; 3.0's kebab-case ones are translated). */
const KNOWN: Readonly<Record<string, readonly string[]>> = {
  responseDeclaration: ['identifier', 'cardinality', 'baseType'],
  outcomeDeclaration: [
    'identifier',
    'cardinality',
    'baseType',
    'view',
    'interpretation',
    'longInterpretation',
    'normalMaximum',
    'normalMinimum',
    'masteryValue',
    'externalScored',
    'variableIdentifierRef',
    'lookupTable',
  ],
  mapping: ['lowerBound', 'upperBound', 'defaultValue'],
  mapEntry: ['mapKey', 'mappedValue', 'caseSensitive'],
  correctResponse: ['interpretation'],
  choiceInteraction: [
    ...COMMON,
    'responseIdentifier',
    'shuffle',
    'maxChoices',
    'minChoices',
    'orientation',
    'dataMaxSelectionsMessage',
    'dataMinSelectionsMessage',
  ],
  simpleChoice: [...COMMON, 'identifier', 'fixed', 'templateIdentifier', 'showHide'],
  textEntryInteraction: [
    ...COMMON,
    'responseIdentifier',
    'base',
    'stringIdentifier',
    'expectedLength',
    'patternMask',
    'placeholderText',
    'format',
  ],
};

/**
 * Attributes QTI does not define on the declarations and interactions Examforge reads (`foo="bar"` on a
 * `responseDeclaration`): schema-invalid but harmless, so the import goes on and says what it ignored. Namespaced
 * attributes (`xml:lang`, `xsi:…`, vendor extensions) and `data-*` are allowed, as QTI allows them.
 */
export function unknownAttributes(item: Element): Array<{ element: Element; attribute: string }> {
  const checked = descendants(item, (element) => KNOWN[qtiName(element)] !== undefined);
  return checked.flatMap((element) => {
    const known = KNOWN[qtiName(element)] ?? [];
    const found: Array<{ element: Element; attribute: string }> = [];
    for (let index = 0; index < element.attributes.length; index++) {
      const attribute = element.attributes.item(index) as Attr;
      const name = attribute.name;
      if (name.includes(':') || name === 'xmlns' || name.startsWith('data-')) continue;
      const camel = name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
      if (!known.includes(camel)) found.push({ element, attribute: `${name}="${attribute.value}"` });
    }
    return found;
  });
}
