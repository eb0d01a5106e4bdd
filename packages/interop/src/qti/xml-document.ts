import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { ImportError, type SourceLocation } from '../import-result.js';
import { decodeXml } from './decode-xml.js';

/** The DOM node types used here (xmldom keeps the DOM's numbers). */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

/**
 * Parses an XML file's bytes into a DOM that keeps mixed content (QTI item bodies are XHTML) and each element's line
 * and column. Not well-formed XML throws an ImportError located at the line and column the parser stopped at.
 *
 * @example
 * const document = parseXml(bytes, 'quiz.xml');
 * document.documentElement.localName; // 'questestinterop'
 */
export function parseXml(bytes: Uint8Array, file: string): Document {
  const text = decodeXml(bytes);
  let where: { lineNumber?: number; columnNumber?: number } | undefined;
  let firstProblem: string | undefined;
  const parser = new DOMParser({
    onError: (level, message, context: { locator?: { lineNumber?: number; columnNumber?: number } }) => {
      // Warnings (an unbound prefix on an attribute, say) do not stop a reader; errors do.
      if (level === 'warning') return;
      where = { ...context.locator };
      firstProblem = message;
      throw new Error(message);
    },
  });
  try {
    const document = parser.parseFromString(text, 'text/xml');
    if (!document.documentElement) throw new Error('the file holds no XML element');
    return document;
  } catch (error) {
    const message = firstProblem ?? (error instanceof Error ? error.message : String(error));
    throw new ImportError(
      { file, line: where?.lineNumber, column: where?.columnNumber },
      `${file} is not well-formed XML: ${message.replace(/^\[xmldom \w+\]\s*/, '')}; fix the file (or export it again) and import it once more`,
    );
  }
}

export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === ELEMENT_NODE;
}

/** The element children of a node, in order. */
export function childElements(node: Node): Element[] {
  const found: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (isElement(child)) found.push(child);
  return found;
}

/** Every element below a node (depth first, document order) whose local name passes the test. */
export function descendants(node: Node, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  for (const child of childElements(node)) {
    if (test(child)) found.push(child);
    found.push(...descendants(child, test));
  }
  return found;
}

/** The concatenated text of a node (CDATA included), as the DOM's textContent. */
export function textOf(node: Node): string {
  return node.textContent ?? '';
}

/**
 * Where an element is: the file, its line and column and an XPath-like path with 1-based positions among siblings of
 * the same name (`/questestinterop/assessment/section/item[3]`).
 */
export function locate(element: Element, file: string): SourceLocation {
  const located = element as Element & { lineNumber?: number; columnNumber?: number };
  return { file, line: located.lineNumber, column: located.columnNumber, xmlPath: xmlPath(element) };
}

export function xmlPath(element: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = element; node; node = isElement(node.parentNode) ? node.parentNode : null) {
    steps.unshift(step(node));
  }
  return `/${steps.join('/')}`;
}

function step(element: Element): string {
  const name = element.localName ?? element.nodeName;
  const parent = element.parentNode;
  if (!isElement(parent)) return name;
  const same = childElements(parent).filter((sibling) => sibling.localName === element.localName);
  return same.length > 1 ? `${name}[${same.indexOf(element) + 1}]` : name;
}
