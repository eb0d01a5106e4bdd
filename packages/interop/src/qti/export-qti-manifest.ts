import { element, type XmlElement } from '../export/xml-text.js';
import { qtiIdentifier } from './export-qti-identifiers.js';

export const CP_NAMESPACE = 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1';
const CP_SCHEMA_LOCATION = `${CP_NAMESPACE} https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd`;

/** An item's resource: its file and the images it shows. */
export interface ItemResource {
  readonly identifier: string;
  readonly href: string;
  readonly images: readonly string[];
}

/**
 * The content package's `imsmanifest.xml`: a resource of type `imsqti_item_xmlv3p0` per item listing its file and
 * images, and one of type `imsqti_test_xmlv3p0` for the test, depending on every item.
 */
export function qtiManifest(examId: string, testHref: string, items: readonly ItemResource[]): XmlElement {
  const resourceId = (identifier: string) => `RES-${identifier}`;
  return element(
    'manifest',
    {
      xmlns: CP_NAMESPACE,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': CP_SCHEMA_LOCATION,
      identifier: `MANIFEST-${qtiIdentifier(examId)}`,
    },
    [
      element('metadata', {}, [element('schema', {}, ['QTI Package']), element('schemaversion', {}, ['3.0.0'])]),
      element('organizations'),
      element('resources', {}, [
        ...items.map((item) =>
          element(
            'resource',
            { identifier: resourceId(item.identifier), type: 'imsqti_item_xmlv3p0', href: item.href },
            [element('file', { href: item.href }), ...item.images.map((image) => element('file', { href: image }))],
          ),
        ),
        element(
          'resource',
          { identifier: resourceId(`test-${qtiIdentifier(examId)}`), type: 'imsqti_test_xmlv3p0', href: testHref },
          [
            element('file', { href: testHref }),
            ...items.map((item) => element('dependency', { identifierref: resourceId(item.identifier) })),
          ],
        ),
      ]),
    ],
  );
}
