import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { decodeText } from '../decode-text.js';
import { ImportError, type SourceLocation } from '../import-result.js';

/**
 * Parses a Moodle XML file to its `<quiz>` element. XML that is not well-formed fails with the line and column of
 * the first error, as Moodle's own parser refuses it; a document whose root is not `<quiz>` is not Moodle XML.
 */
export function parseMoodleQuiz(bytes: Uint8Array, file: string): Element {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  });
  let root: Element | null;
  try {
    root = parser.parseFromString(decodeText(bytes), 'text/xml').documentElement;
  } catch (error) {
    const located = error as { locator?: { lineNumber?: number; columnNumber?: number }; cause?: unknown };
    const cause = located.cause instanceof Error ? located.cause.message : error instanceof Error ? error.message : '';
    const line = located.locator?.lineNumber;
    const column = located.locator?.columnNumber;
    throw new ImportError(
      { file, ...(line !== undefined && { line }), ...(column !== undefined && { column }) },
      `${file} is not well-formed XML${line !== undefined ? ` at line ${line}, column ${column ?? 1}` : ''}: ${cause.replace(/^\[xmldom \w+\]\t/, '')}`,
    );
  }
  if (!root || root.localName !== 'quiz') {
    throw new ImportError({ file, line: 1, column: 1 }, `${file} is not Moodle XML: its root element is not <quiz>`);
  }
  return root;
}

/** The element children of `element`, those named `name` when it is given. */
export function childElements(element: Element, name?: string): Element[] {
  const found: Element[] = [];
  for (let node: Node | null = element.firstChild; node; node = node.nextSibling) {
    if (isElement(node) && (name === undefined || node.localName === name)) found.push(node);
  }
  return found;
}

export function childElement(element: Element, name: string): Element | undefined {
  return childElements(element, name)[0];
}

/** The text of a child: `<name><text>…</text></name>` (Moodle's usual shape) or `<name>…</name>`, trimmed. */
export function childText(element: Element, name: string): string | undefined {
  const child = childElement(element, name);
  if (!child) return undefined;
  const text = childElement(child, 'text');
  return (text ?? child).textContent?.trim() ?? '';
}

/** Where an element is: its XML path and line, for notes. */
export function locate(file: string, element: Element, xmlPath: string): SourceLocation {
  const at = element as Element & { lineNumber?: number; columnNumber?: number };
  return {
    file,
    xmlPath,
    ...(at.lineNumber !== undefined && { line: at.lineNumber }),
    ...(at.columnNumber !== undefined && { column: at.columnNumber }),
  };
}

/** `/quiz/question[3]/answer[2]`: the element's path below `parentPath`, counted among siblings of its name. */
export function childPath(parentPath: string, parent: Element, child: Element): string {
  const index = childElements(parent, child.localName ?? '').indexOf(child) + 1;
  return `${parentPath}/${child.localName ?? ''}[${index}]`;
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}
