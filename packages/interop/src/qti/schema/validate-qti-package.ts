import type { Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { MANIFEST_ELEMENTS, QTI_ELEMENTS, XHTML_ELEMENTS } from './qti30-subset.js';
import { checkTree, childElements, elementsNamed, parseStrictXml } from './validate-qti-xml.js';

const QTI_NAMESPACE = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
const CP_NAMESPACE = 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1';
const CONTENT_RULES = { ...QTI_ELEMENTS, ...XHTML_ELEMENTS };

/**
 * Holds a QTI 3.0 content package (zip bytes) to the committed schema subset (`qti30-subset.ts`): every XML file is
 * well-formed and follows the subset's element rules, and every reference resolves — manifest resources and files
 * are in the zip and every file of the zip is in the manifest, dependencies name resources, the test's item
 * references name the items' files and identifiers, interactions and rules use declared variables, map keys and
 * correct responses name choices, images are in the package. Returns the problems; none means valid.
 *
 * @example
 * expect(validateQtiPackage(exportQti30(exam).bytes)).toEqual([]);
 */
export function validateQtiPackage(zip: Uint8Array): string[] {
  const files = unzipSync(zip);
  const manifestBytes = files['imsmanifest.xml'];
  if (!manifestBytes) return ['the package has no imsmanifest.xml'];
  const manifest = parseRoot(strFromU8(manifestBytes), 'imsmanifest.xml', 'manifest', CP_NAMESPACE);
  if (typeof manifest === 'string') return [manifest];
  const problems = checkTree(manifest, MANIFEST_ELEMENTS, 'imsmanifest.xml');
  const resources = elementsNamed(manifest, 'resource');
  const resourceIds = new Set(resources.map((resource) => resource.getAttribute('identifier') ?? ''));
  const listed = new Set<string>();
  for (const resource of resources) problems.push(...checkResource(resource, files, resourceIds, listed));
  for (const path of Object.keys(files))
    if (path !== 'imsmanifest.xml' && !listed.has(path)) problems.push(`${path} is in the zip but not in the manifest`);
  return problems;
}

function checkResource(
  resource: Element,
  files: Record<string, Uint8Array>,
  resourceIds: ReadonlySet<string>,
  listed: Set<string>,
): string[] {
  const problems: string[] = [];
  const href = resource.getAttribute('href') ?? '';
  const fileHrefs = elementsNamed(resource, 'file').map((file) => file.getAttribute('href') ?? '');
  for (const path of [href, ...fileHrefs]) {
    listed.add(path);
    if (!(path in files)) problems.push(`imsmanifest.xml: ${path} is listed but not in the zip`);
  }
  for (const dependency of elementsNamed(resource, 'dependency')) {
    const target = dependency.getAttribute('identifierref') ?? '';
    if (!resourceIds.has(target)) problems.push(`imsmanifest.xml: dependency ${target} names no resource`);
  }
  const bytes = files[href];
  if (!bytes) return problems;
  const type = resource.getAttribute('type');
  if (type === 'imsqti_item_xmlv3p0') problems.push(...checkItem(href, strFromU8(bytes), files, fileHrefs));
  if (type === 'imsqti_test_xmlv3p0') problems.push(...checkTest(href, strFromU8(bytes), files));
  return problems;
}

function parseRoot(text: string, file: string, name: string, namespace: string): Element | string {
  const parsed = parseStrictXml(text);
  if ('problem' in parsed) return `${file} is not well-formed XML: ${parsed.problem}`;
  if (parsed.root.nodeName !== name) return `${file}: the root element is <${parsed.root.nodeName}>, not <${name}>`;
  if (parsed.root.namespaceURI !== namespace) return `${file}: <${name}> is not in the namespace ${namespace}`;
  return parsed.root;
}

function checkItem(
  path: string,
  text: string,
  files: Record<string, Uint8Array>,
  resourceFiles: readonly string[],
): string[] {
  const item = parseRoot(text, path, 'qti-assessment-item', QTI_NAMESPACE);
  if (typeof item === 'string') return [item];
  const problems = checkTree(item, CONTENT_RULES, path);
  const declared = (name: string) =>
    new Set(elementsNamed(item, name).map((declaration) => declaration.getAttribute('identifier') ?? ''));
  const responses = declared('qti-response-declaration');
  const outcomes = declared('qti-outcome-declaration');
  const uses: [string, string, ReadonlySet<string>][] = [
    ['response-identifier', 'a response', responses],
    ['outcome-identifier', 'an outcome', outcomes],
  ];
  for (const [attribute, what, names] of uses)
    for (const element of elementsWith(item, attribute))
      if (!names.has(element.getAttribute(attribute) ?? ''))
        problems.push(`${path}: <${element.nodeName}> names ${what} that is not declared`);
  for (const name of ['qti-variable', 'qti-correct', 'qti-map-response'])
    for (const element of elementsNamed(item, name))
      if (!responses.has(element.getAttribute('identifier') ?? ''))
        problems.push(`${path}: <${name}> names a response that is not declared`);
  for (const element of elementsNamed(item, 'qti-set-outcome-value'))
    if (!outcomes.has(element.getAttribute('identifier') ?? ''))
      problems.push(`${path}: <qti-set-outcome-value> sets an outcome that is not declared`);
  problems.push(...checkChoices(item, path), ...checkValues(item, path));
  problems.push(...checkImages(item, path, files, resourceFiles));
  return problems;
}

function elementsWith(root: Element, attribute: string): Element[] {
  return childElements(root).flatMap((child) => [
    ...(child.hasAttribute(attribute) ? [child] : []),
    ...elementsWith(child, attribute),
  ]);
}

/** Choice identifiers are unique, and the correct response and the mapping name only choices. */
function checkChoices(item: Element, path: string): string[] {
  const choices = elementsNamed(item, 'qti-simple-choice').map((choice) => choice.getAttribute('identifier') ?? '');
  if (choices.length === 0) return [];
  const problems = choices.length === new Set(choices).size ? [] : [`${path}: two choices share an identifier`];
  const named = [
    ...elementsNamed(item, 'qti-map-entry').map((entry) => entry.getAttribute('map-key') ?? ''),
    ...elementsNamed(item, 'qti-correct-response').flatMap((correct) =>
      elementsNamed(correct, 'qti-value').map((value) => value.textContent ?? ''),
    ),
  ];
  for (const key of named) if (!choices.includes(key)) problems.push(`${path}: "${key}" names no choice`);
  return problems;
}

/** Values of float declarations and base values are numbers; cardinality single holds one value. */
function checkValues(item: Element, path: string): string[] {
  const problems: string[] = [];
  for (const declaration of [
    ...elementsNamed(item, 'qti-response-declaration'),
    ...elementsNamed(item, 'qti-outcome-declaration'),
  ]) {
    const values = elementsNamed(declaration, 'qti-value').map((value) => value.textContent ?? '');
    const single = declaration.getAttribute('cardinality') === 'single';
    if (single && elementsNamed(declaration, 'qti-correct-response').some((c) => childElements(c).length > 1))
      problems.push(`${path}: a single-cardinality response has several correct values`);
    if (declaration.getAttribute('base-type') === 'float')
      for (const value of values)
        if (!Number.isFinite(Number(value))) problems.push(`${path}: "${value}" is not a float`);
  }
  for (const value of elementsNamed(item, 'qti-base-value'))
    if (value.getAttribute('base-type') === 'float' && !Number.isFinite(Number(value.textContent)))
      problems.push(`${path}: base value "${value.textContent ?? ''}" is not a float`);
  return problems;
}

function checkImages(
  item: Element,
  path: string,
  files: Record<string, Uint8Array>,
  resourceFiles: readonly string[],
): string[] {
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  return elementsNamed(item, 'img').flatMap((image) => {
    const target = resolvePath(folder, image.getAttribute('src') ?? '');
    if (!(target in files)) return [`${path}: the image ${target} is not in the package`];
    if (!resourceFiles.includes(target)) return [`${path}: the image ${target} is not listed with the item`];
    return [];
  });
}

function checkTest(path: string, text: string, files: Record<string, Uint8Array>): string[] {
  const test = parseRoot(text, path, 'qti-assessment-test', QTI_NAMESPACE);
  if (typeof test === 'string') return [test];
  const problems = checkTree(test, CONTENT_RULES, path);
  const identifiers = ['qti-test-part', 'qti-assessment-section', 'qti-assessment-item-ref'].flatMap((name) =>
    elementsNamed(test, name).map((element) => element.getAttribute('identifier') ?? ''),
  );
  for (const identifier of new Set(identifiers.filter((id, index) => identifiers.indexOf(id) !== index)))
    problems.push(`${path}: the identifier ${identifier} is used twice in the test`);
  for (const reference of elementsNamed(test, 'qti-assessment-item-ref')) {
    const href = resolvePath('', reference.getAttribute('href') ?? '');
    const bytes = files[href];
    if (!bytes) {
      problems.push(`${path}: the item ${href} is not in the package`);
      continue;
    }
    const parsed = parseStrictXml(strFromU8(bytes));
    const identifier = 'root' in parsed ? parsed.root.getAttribute('identifier') : undefined;
    if (identifier !== reference.getAttribute('identifier'))
      problems.push(
        `${path}: the reference to ${href} says ${reference.getAttribute('identifier') ?? ''}, the item ${identifier ?? '?'}`,
      );
  }
  return problems;
}

/** A relative reference resolved against a folder of the zip (`items/` + `../images/a.png` → `images/a.png`). */
function resolvePath(folder: string, reference: string): string {
  const parts: string[] = [];
  for (const part of `${folder}${reference}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
