import type { Document, Element } from '@xmldom/xmldom';
import { childElements, descendants } from './xml-document.js';
import { resolveHref } from './package-files.js';

/** One `<resource>` of `imsmanifest.xml`, paths resolved from the package root. */
export interface ManifestResource {
  readonly identifier: string;
  readonly type: string;
  readonly href?: string;
  readonly files: readonly string[];
  readonly dependencies: readonly string[];
}

export type ResourceRole = 'test' | 'item' | 'qti12' | 'other';

/**
 * The resources a content package's manifest lists (IMS CP 1.1/1.2, any namespace prefix), in document order.
 *
 * @example
 * readManifest(parseXml(bytes, 'imsmanifest.xml')).filter((r) => roleOf(r) === 'item');
 */
export function readManifest(document: Document): ManifestResource[] {
  const root = document.documentElement;
  return root ? descendants(root, (element) => element.localName === 'resource').map(readResource) : [];
}

function readResource(resource: Element): ManifestResource {
  const href = resource.getAttribute('href') ?? undefined;
  const children = childElements(resource);
  return {
    identifier: resource.getAttribute('identifier') ?? '',
    type: resource.getAttribute('type') ?? '',
    href: href === undefined ? undefined : resolveHref('', href),
    files: children
      .filter((child) => child.localName === 'file')
      .flatMap((file) => resolveHref('', file.getAttribute('href') ?? '') ?? []),
    dependencies: children
      .filter((child) => child.localName === 'dependency')
      .map((dependency) => dependency.getAttribute('identifierref') ?? ''),
  };
}

/**
 * What a resource is by its type: `imsqti_test_xmlv2p1`/`imsqti_test_xmlv3p0` a test, `imsqti_item_xmlv2p2` an item,
 * `imsqti_xmlv1p1`/`imsqti_xmlv1p2` (Respondus, Canvas) a QTI 1.2 `questestinterop` file.
 */
export function roleOf(resource: ManifestResource): ResourceRole {
  const type = resource.type.toLowerCase();
  if (/imsqti_test_xmlv[23]/.test(type)) return 'test';
  if (/imsqti_item_xmlv[23]/.test(type)) return 'item';
  if (/imsqti_xmlv1p[12]|imsqti_xmlv1p2p1|imsqti_asi/.test(type)) return 'qti12';
  return 'other';
}
