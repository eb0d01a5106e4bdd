import { expect, test } from 'vitest';
import { ImportError } from '../import-result.js';
import { decodeXml } from './decode-xml.js';
import { parseXml } from './xml-document.js';

const TEXT = '<?xml version="1.0" encoding="UTF-16"?><item title="Größe ≥ 2"/>';

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  const units = bom ? `\uFEFF${text}` : text;
  for (let index = 0; index < units.length; index++) view.setUint16(index * 2, units.charCodeAt(index), littleEndian);
  return bytes;
}

test('UTF-16 with and without a byte-order mark, either byte order, reads as written', () => {
  for (const littleEndian of [true, false]) {
    for (const bom of [true, false]) expect(decodeXml(utf16(TEXT, littleEndian, bom))).toBe(TEXT);
  }
});

test('UTF-8 with a BOM loses the BOM; ISO-8859-1 is read as its declaration says', () => {
  const utf8 = new TextEncoder().encode('<a>é</a>');
  expect(decodeXml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('<a>é</a>');
  const latin1 = new Uint8Array([
    ...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><a>'),
    0xe9,
    ...new TextEncoder().encode('</a>'),
  ]);
  expect(parseXml(latin1, 'quiz.xml').documentElement?.textContent).toBe('é');
});

test('XML that is not well-formed is refused at its line and column', () => {
  const broken = new TextEncoder().encode('<a>\n  <b>\n</a>');
  expect(() => parseXml(broken, 'broken.xml')).toThrow(ImportError);
  try {
    parseXml(broken, 'broken.xml');
  } catch (error) {
    expect((error as ImportError).location).toMatchObject({ file: 'broken.xml', line: 2 });
  }
});
