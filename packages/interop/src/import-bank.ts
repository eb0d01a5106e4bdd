import { strFromU8, unzipSync } from 'fflate';
import { decodeText } from './decode-text.js';
import { describeLocation } from './question-builder.js';
import {
  ImportError,
  type ImportedExam,
  type ImportOptions,
  type SourceFile,
  type SourceFormat,
} from './import-result.js';
import { importAiken } from './aiken/import-aiken.js';
import { importMoodleXml } from './moodle-xml/import-moodle-xml.js';
import { importGift } from './gift/import-gift.js';
import { importQti } from './qti/import-qti.js';
import { importQti12 } from './qti/import-qti12.js';

/** An importer: bytes in, an exam that lints clean and its report out; a located `ImportError` for unreadable input. */
export type Importer = (file: SourceFile, options: ImportOptions) => ImportedExam;

/** The importer of each format; a format not listed yet is recognised and refused with a clear message. */
const IMPORTERS: Partial<Record<SourceFormat, Importer>> = {
  aiken: importAiken,
  'moodle-xml': importMoodleXml,
  gift: importGift,
  qti12: importQti12,
  qti21: importQti,
  qti30: importQti,
};

const FORMAT_NAMES: Record<SourceFormat, string> = {
  aiken: 'Aiken',
  gift: 'GIFT',
  'moodle-xml': 'Moodle XML',
  qti12: 'QTI 1.2 (Canvas, Respondus)',
  qti21: 'QTI 2.x',
  qti30: 'QTI 3.0',
};

/**
 * Imports a question bank in any format Examforge reads, telling the format from the bytes (see `sniffFormat`).
 * With `strict`, anything not converted exactly fails the import.
 *
 * @example
 * const { exam, assets, notes } = importBank({ name: 'bank.xml', bytes });
 */
export function importBank(file: SourceFile, options: ImportOptions = {}): ImportedExam {
  const format = sniffFormat(file);
  const importer = IMPORTERS[format];
  if (!importer) {
    throw new ImportError(
      { file: file.name },
      `${file.name} is ${FORMAT_NAMES[format]}, which Examforge cannot import yet`,
    );
  }
  const imported = importer(file, options);
  const first = imported.notes[0];
  if (options.strict && first) {
    const listed = imported.notes.map((note) => `${describeLocation(note.location)}: ${note.reason}`);
    throw new ImportError(first.location, `strict import: not everything was converted exactly:\n${listed.join('\n')}`);
  }
  return imported;
}

/**
 * The format of a question bank from its bytes: a zip (or an `imsmanifest.xml`) is a content package whose manifest
 * names its QTI version; XML by its root element and namespace (`quiz` is Moodle XML, `questestinterop` QTI 1.2,
 * QTI 2.x and 3.0 by namespace or element names); text with `ANSWER:` and option lines and no GIFT answer block is
 * Aiken, other text with answer blocks (or `$CATEGORY:`, `::title::`) GIFT.
 *
 * @example
 * sniffFormat({ name: 'bank.xml', bytes: strToU8('<quiz><question type="category"/></quiz>') }); // 'moodle-xml'
 */
export function sniffFormat(file: SourceFile): SourceFormat {
  if (isZip(file.bytes)) return sniffPackage(file);
  const text = decodeText(file.bytes);
  const root = rootElement(text);
  if (root) return sniffXml(file, root, text);
  const gift = GIFT_ANSWERS.test(text) || /^\s*\$CATEGORY:/m.test(text) || /^\s*::[^:\n]*::/m.test(text);
  if (/^\s*ANSWER\s*:\s*[A-Za-z]/m.test(text) && /^\s*[A-Z][.)]/m.test(text) && !gift) return 'aiken';
  if (gift) return 'gift';
  throw new ImportError(
    { file: file.name, line: 1, column: 1 },
    `cannot tell the format of ${file.name}: it is not a zip package, not XML, and has neither Aiken's ANSWER: lines nor GIFT's {…} answers`,
  );
}

/**
 * A GIFT answer block: `{` (not `\{`) opening with what only GIFT puts there — `=`, `~`, `#`, a `%n%` weight,
 * T/F/TRUE/FALSE, or `}` (an essay) — so TeX's `\frac{1}{2}` in an Aiken stem is none.
 */
const GIFT_ANSWERS = /(?<!\\)\{\s*(?:[=~#}%]|(?:T|F|TRUE|FALSE)\s*[}#])/;

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function sniffPackage(file: SourceFile): SourceFormat {
  let manifest: string | undefined;
  try {
    const files = unzipSync(file.bytes, { filter: (entry) => /(^|\/)imsmanifest\.xml$/i.test(entry.name) });
    const bytes = Object.values(files)[0];
    manifest = bytes && strFromU8(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError({ file: file.name }, `${file.name} is a zip file that cannot be read: ${reason}`);
  }
  if (manifest === undefined) {
    throw new ImportError(
      { file: file.name },
      `${file.name} is a zip file without an imsmanifest.xml: Examforge reads QTI content packages`,
    );
  }
  return manifestFormat(file, manifest, `${file.name}!imsmanifest.xml`);
}

function manifestFormat(file: SourceFile, manifest: string, where: string): SourceFormat {
  if (/imsqti_v3p0|imsqtiasi_v3p0|qti[-_]?v3|imsqti_test_xmlv3p0|imsqti_item_xmlv3p0/i.test(manifest)) return 'qti30';
  if (/imsqti_v2p|imsqti_item_xmlv2p|imsqti_test_xmlv2p|imsqti_apipitem/i.test(manifest)) return 'qti21';
  if (/imsqti_xmlv1p|imsqti_v1p|questestinterop/i.test(manifest)) return 'qti12';
  throw new ImportError(
    { file: where },
    `the content package ${file.name} lists no QTI resources Examforge knows (QTI 1.2, 2.x or 3.0)`,
  );
}

/** The root element's name and namespace, past the XML declaration, processing instructions, comments and DOCTYPE. */
function rootElement(text: string): { name: string; namespace: string } | undefined {
  const body = text
    .replace(/^\uFEFF/, '')
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>/gi, '');
  const match = /^\s*<([A-Za-z_][\w:.-]*)([^>]*)>/.exec(body);
  if (!match) return undefined;
  const qualified = match[1] ?? '';
  const prefix = qualified.includes(':') ? qualified.split(':')[0] : undefined;
  const attributes = match[2] ?? '';
  const namespacePattern = prefix
    ? new RegExp(`xmlns:${prefix}\\s*=\\s*["']([^"']*)["']`)
    : /xmlns\s*=\s*["']([^"']*)["']/;
  return { name: qualified.split(':').pop() ?? qualified, namespace: namespacePattern.exec(attributes)?.[1] ?? '' };
}

function sniffXml(file: SourceFile, root: { name: string; namespace: string }, text: string): SourceFormat {
  const { name, namespace } = root;
  // Canvas's quiz settings file is also <quiz>, in Canvas's namespace: it holds no questions.
  if (name === 'quiz' && /canvas\.instructure\.com/i.test(namespace)) {
    throw new ImportError(
      { file: file.name, line: 1, column: 1 },
      `${file.name} holds a Canvas quiz's settings, not its questions: import the whole export (the .zip, or the imsmanifest.xml of the unpacked folder)`,
    );
  }
  if (name === 'quiz') return 'moodle-xml';
  if (name === 'questestinterop') return 'qti12';
  if (name === 'manifest') return manifestFormat(file, text, file.name);
  if (/imsqtiasi_v3p0|qti_v3|imsqti_v3/i.test(namespace) || name.startsWith('qti-')) return 'qti30';
  if (/imsqti_v2p/i.test(namespace) || ['assessmentItem', 'assessmentTest', 'assessmentSection'].includes(name))
    return 'qti21';
  throw new ImportError(
    { file: file.name, line: 1, column: 1 },
    `${file.name} is XML with root element <${name}>${namespace ? ` (${namespace})` : ''}, not a question bank Examforge reads: expected <quiz> (Moodle XML), <questestinterop> (QTI 1.2), a QTI 2.x or 3.0 item or test, or an imsmanifest.xml`,
  );
}
