import type { Element } from '@xmldom/xmldom';
import { childElements } from './xml-document.js';

/**
 * QTI 2.x and 3.0 name the same things differently: `choiceInteraction`/`responseIdentifier` in 2.x,
 * `qti-choice-interaction`/`response-identifier` in 3.0. The readers use the 2.x spelling for both; these helpers
 * translate, so one reader serves every version. XHTML and MathML names are the same in both and pass unchanged.
 *
 * @example
 * qtiName(element); // 'choiceInteraction' for <qti-choice-interaction> and for <choiceInteraction>
 */
export function qtiName(element: Element): string {
  const name = element.localName ?? element.nodeName;
  return name.startsWith('qti-') ? camelCase(name.slice(4)) : name;
}

/** An attribute by its QTI 2.x name, read under its 3.0 name too (`responseIdentifier` or `response-identifier`). */
export function qtiAttr(element: Element, name: string): string | undefined {
  return element.getAttribute(name) ?? element.getAttribute(kebabCase(name)) ?? undefined;
}

/** The child elements with a QTI name (2.x spelling). */
export function qtiChildren(element: Element, name: string): Element[] {
  return childElements(element).filter((child) => qtiName(child) === name);
}

export function qtiChild(element: Element, name: string): Element | undefined {
  return qtiChildren(element, name)[0];
}

function camelCase(kebab: string): string {
  return kebab.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

function kebabCase(camel: string): string {
  return camel.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
