import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import {
  FLOAT_ATTRIBUTES,
  FLOW_CHILDREN,
  IDENTIFIER_ATTRIBUTE_NAMES,
  IDENTIFIER_SYNTAX,
  INTEGER_ATTRIBUTES,
  SEQUENCES,
  VOCABULARIES,
  type ElementRule,
} from './qti30-subset.js';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * Parses XML strictly: any error the parser reports (not only fatal ones: an undefined entity, a redefined
 * attribute) makes the file not well-formed. Returns the root element, or the problem.
 */
export function parseStrictXml(text: string): { root: Element } | { problem: string } {
  let problem: string | undefined;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') problem ??= message;
      if (level === 'fatalError') throw new Error(message);
    },
  });
  try {
    const root = parser.parseFromString(text, 'text/xml').documentElement;
    if (problem !== undefined) return { problem };
    return root ? { root } : { problem: 'no root element' };
  } catch (error) {
    return { problem: problem ?? (error instanceof Error ? error.message : String(error)) };
  }
}

/** Checks one element tree against a rule table; each problem names the element's path. */
export function checkTree(root: Element, rules: Readonly<Record<string, ElementRule>>, file: string): string[] {
  const problems: string[] = [];
  const visit = (node: Element, path: string) => {
    const name = node.nodeName;
    const rule = rules[name];
    if (!rule) {
      problems.push(`${file}: ${path}: <${name}> is not in the schema subset`);
      return;
    }
    problems.push(...checkAttributes(node, rule, `${file}: ${path}`));
    problems.push(...checkSequence(node, `${file}: ${path}`));
    for (const child of childNodes(node)) {
      if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
        if (!rule.text && (child.nodeValue ?? '').trim() !== '')
          problems.push(`${file}: ${path}: <${name}> may not hold text`);
      } else if (child.nodeType === ELEMENT_NODE) {
        const element = child as Element;
        const allowed =
          rule.children === 'flow' ? FLOW_CHILDREN.has(element.nodeName) : rule.children?.includes(element.nodeName);
        if (!allowed) problems.push(`${file}: ${path}: <${element.nodeName}> may not be inside <${name}>`);
        else if (element.nodeName !== 'math') visit(element, `${path}/${element.nodeName}`);
      }
    }
  };
  visit(root, `/${root.nodeName}`);
  return problems;
}

function checkAttributes(node: Element, rule: ElementRule, where: string): string[] {
  const problems: string[] = [];
  const known = new Set([...(rule.required ?? []), ...(rule.optional ?? [])]);
  for (const required of rule.required ?? [])
    if (!node.hasAttribute(required)) problems.push(`${where}: <${node.nodeName}> needs the attribute ${required}`);
  for (let index = 0; index < node.attributes.length; index += 1) {
    const attribute = node.attributes.item(index);
    if (!attribute) continue;
    const { name, value } = attribute;
    if (!known.has(name)) problems.push(`${where}: <${node.nodeName}> has no attribute ${name}`);
    else problems.push(...checkValue(name, value, `${where}/@${name}`));
  }
  return problems;
}

function checkValue(name: string, value: string, where: string): string[] {
  const vocabulary = VOCABULARIES[name];
  if (vocabulary && !vocabulary.includes(value)) return [`${where}: "${value}" is not one of ${vocabulary.join(', ')}`];
  if (IDENTIFIER_ATTRIBUTE_NAMES.has(name) && !IDENTIFIER_SYNTAX.test(value))
    return [`${where}: "${value}" is not a QTI identifier`];
  if (FLOAT_ATTRIBUTES.has(name) && !Number.isFinite(Number(value))) return [`${where}: "${value}" is not a number`];
  if (INTEGER_ATTRIBUTES.has(name) && !/^\d+$/.test(value)) return [`${where}: "${value}" is not a whole number`];
  if (name === 'tolerance' && !value.split(/\s+/).every((part) => Number.isFinite(Number(part))))
    return [`${where}: "${value}" is not one or two numbers`];
  return [];
}

/** Children of a sequence-typed element come in the schema's order. */
function checkSequence(node: Element, where: string): string[] {
  const order = SEQUENCES[node.nodeName];
  if (!order) return [];
  let position = 0;
  for (const child of childElements(node)) {
    const index = order.indexOf(child.nodeName);
    if (index < position) return [`${where}: <${child.nodeName}> is out of order in <${node.nodeName}>`];
    position = index;
  }
  return [];
}

function childNodes(node: Node): Node[] {
  const nodes: Node[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) nodes.push(child);
  return nodes;
}

export function childElements(node: Node): Element[] {
  return childNodes(node).filter((child): child is Element => child.nodeType === ELEMENT_NODE);
}

/** Every element below a node with this name, in document order. */
export function elementsNamed(node: Node, name: string): Element[] {
  return childElements(node).flatMap((child) => [
    ...(child.nodeName === name ? [child] : []),
    ...elementsNamed(child, name),
  ]);
}
