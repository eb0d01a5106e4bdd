/**
 * A small XML writer for the exporters: elements as values, serialised with every text and attribute escaped, so the
 * output is well-formed whatever the exam's text holds. Raw markup (HTML rendered from Markdown, MathML) goes in as
 * `raw`, and only markup that is itself well-formed may be passed so.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string | undefined>>;
  readonly children: readonly XmlNode[];
}

export type XmlNode = XmlElement | { readonly text: string } | { readonly raw: string };

/**
 * An element; attributes whose value is undefined are left out.
 *
 * @example
 * serializeXml(element('answer', { fraction: '100' }, [element('text', {}, ['Paris'])]));
 * // '<answer fraction="100"><text>Paris</text></answer>'
 */
export function element(
  name: string,
  attributes: Readonly<Record<string, string | undefined>> = {},
  children: readonly (XmlNode | string)[] = [],
): XmlElement {
  return { name, attributes, children: children.map((child) => (typeof child === 'string' ? { text: child } : child)) };
}

/** Markup written as it is: the caller vouches that it is well-formed. */
export function raw(markup: string): XmlNode {
  return { raw: markup };
}

/** Serialises with two-space indentation for elements whose children are all elements; text stays inline. */
export function serializeXml(node: XmlNode, indent = ''): string {
  if ('text' in node) return escapeXmlText(node.text);
  if ('raw' in node) return node.raw;
  const attributes = Object.entries(node.attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(value)}"`)
    .join('');
  if (node.children.length === 0) return `<${node.name}${attributes}/>`;
  const blocks = node.children.every((child) => 'name' in child);
  const inner = blocks
    ? node.children.map((child) => `\n${indent}  ${serializeXml(child, `${indent}  `)}`).join('') + `\n${indent}`
    : node.children.map((child) => serializeXml(child, indent)).join('');
  return `<${node.name}${attributes}>${inner}</${node.name}>`;
}

/** A whole document: the declaration, then the root element. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml(root)}\n`;
}

// Characters XML 1.0 does not allow at all (control characters other than tab, newline and carriage return).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
