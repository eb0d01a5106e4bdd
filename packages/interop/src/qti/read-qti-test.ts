import type { Element } from '@xmldom/xmldom';
import { qtiAttr, qtiChildren, qtiName } from './qti-names.js';
import { childElements } from './xml-document.js';

/** An `assessmentItemRef`: the item's href (as written, relative to the test file) and the element, for notes. */
export interface ItemRef {
  readonly href: string;
  readonly element: Element;
}

/** A section of a test with the items it refers to directly, in order. */
export interface TestSection {
  readonly title: string;
  readonly items: readonly ItemRef[];
}

/**
 * The title and sections of a QTI 2.x/3.0 `assessmentTest`: nested sections are flattened in document order, each
 * section with item references becoming one section of the exam.
 *
 * @example
 * readQtiTest(document.documentElement).sections[0]?.items.map((ref) => ref.href); // ['items/q1.xml', …]
 */
export function readQtiTest(test: Element): { title?: string; sections: TestSection[] } {
  const sections: TestSection[] = [];
  for (const part of qtiChildren(test, 'testPart'))
    for (const section of qtiChildren(part, 'assessmentSection')) collect(section, sections);
  return { title: qtiAttr(test, 'title')?.trim() || undefined, sections };
}

function collect(section: Element, sections: TestSection[]): void {
  const items: ItemRef[] = [];
  for (const child of childElements(section)) {
    const name = qtiName(child);
    if (name === 'assessmentItemRef') items.push({ href: qtiAttr(child, 'href') ?? '', element: child });
    else if (name === 'assessmentSection') collect(child, sections);
  }
  if (items.length > 0) sections.push({ title: qtiAttr(section, 'title')?.trim() || 'Questions', items });
}
