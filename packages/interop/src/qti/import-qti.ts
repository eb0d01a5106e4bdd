import type { Document, Element } from '@xmldom/xmldom';
import { ImportAssets } from '../import-assets.js';
import {
  ImportError,
  type ImportedExam,
  type ImportOptions,
  type SourceFile,
  type SourceLocation,
} from '../import-result.js';
import { convertQtiItem } from './convert-qti-item.js';
import { descriptionMarkdown, toImportedQuestion } from './draft-to-question.js';
import { PackageImages } from './image-assets.js';
import { readManifest, roleOf, type ManifestResource } from './manifest.js';
import { openQtiInput, resolveHref, type PackageFiles } from './package-files.js';
import { defaultMarksOf, finishQtiImport, type QtiEntry } from './qti-import-entries.js';
import { qtiName } from './qti-names.js';
import { readQtiItem } from './read-qti-item.js';
import { readQtiTest } from './read-qti-test.js';
import { locate, parseXml } from './xml-document.js';

/** An item to read: its package path, the section it belongs to and where it is referred to from (for notes). */
interface ItemSource {
  readonly path: string;
  readonly section?: string;
  readonly referredFrom: SourceLocation;
}

/**
 * Imports QTI 2.x or 3.0: a content package (zip, or an unpacked `imsmanifest.xml`), a test (its items read through
 * `readSibling`) or a single item. A package's test gives the order and sections; without one, its item resources
 * are read in manifest order; a manifest that lists only a test follows the test's item references. A missing or
 * unreadable item is left out with a note; input that is not well-formed XML is refused with its line and column.
 *
 * @example
 * const { exam, assets, notes } = importQti({ name: 'bank.zip', bytes }, {});
 */
export function importQti(file: SourceFile, options: ImportOptions = {}): ImportedExam {
  const { files, rootPath, root } = openQtiInput(file);
  const plan = planImport(root, rootPath, files);
  const images = new PackageImages(files, new ImportAssets());
  const defaultMarks = defaultMarksOf(options);
  const entries: QtiEntry[] = [];
  let version: 'qti21' | 'qti30' = root.localName?.startsWith('qti-') ? 'qti30' : 'qti21';
  for (const source of plan.items) {
    const read = readItemElement(files, source, root, rootPath);
    if ('note' in read) {
      entries.push({ notes: [read.note] });
      continue;
    }
    if (read.element.localName?.startsWith('qti-')) version = 'qti30';
    const conversion = convertQtiItem(readQtiItem(read.element, source.path, files.describe(source.path)), images);
    const notes = [...conversion.notes];
    const question = conversion.draft && toImportedQuestion(conversion.draft, source.section, defaultMarks, notes);
    const description =
      conversion.descriptionHtml === undefined ? undefined : descriptionMarkdown(conversion.descriptionHtml);
    entries.push({ question, notes, ...(description && { description }) });
  }
  return finishQtiImport({
    format: version,
    file: file.name,
    title: plan.title,
    entries,
    assets: images.assets,
    options,
  });
}

interface ImportPlan {
  readonly title?: string;
  readonly items: readonly ItemSource[];
}

function planImport(root: Element, rootPath: string, files: PackageFiles): ImportPlan {
  const name = qtiName(root);
  const where = locate(root, files.describe(rootPath));
  if (name === 'assessmentItem') return { title: undefined, items: [{ path: rootPath, referredFrom: where }] };
  if (name === 'assessmentTest') return planTest(root, rootPath, files);
  if (name === 'manifest') return planManifest(readManifest(root.ownerDocument as Document), files, where);
  throw new ImportError(
    where,
    `${files.describe(rootPath)} has root element <${root.localName}>, not a QTI 2.x/3.0 item, test or manifest`,
  );
}

function planTest(test: Element, testPath: string, files: PackageFiles): ImportPlan {
  const reading = readQtiTest(test);
  const items = reading.sections.flatMap((section) =>
    section.items.flatMap((ref) => {
      const path = resolveHref(testPath, ref.href);
      return path === undefined
        ? []
        : [{ path, section: section.title, referredFrom: locate(ref.element, files.describe(testPath)) }];
    }),
  );
  return { title: reading.title, items };
}

/** A test resource leads; else the item resources; else the XML files the resources list. */
function planManifest(resources: readonly ManifestResource[], files: PackageFiles, where: SourceLocation): ImportPlan {
  const test = resources.find((resource) => roleOf(resource) === 'test');
  const testPath = test && (test.href ?? test.files.find((path) => path.endsWith('.xml')));
  const testBytes = testPath === undefined ? undefined : files.read(testPath);
  if (testPath !== undefined && testBytes) {
    const root = parseXml(testBytes, files.describe(testPath)).documentElement as Element;
    if (qtiName(root) === 'assessmentTest') return planTest(root, testPath, files);
  }
  const itemResources = resources.filter((resource) => roleOf(resource) === 'item');
  const paths =
    itemResources.length > 0
      ? itemResources.flatMap((resource) => resource.href ?? resource.files[0] ?? [])
      : resources.flatMap((resource) => resource.files.filter((path) => path.endsWith('.xml') && path !== testPath));
  if (paths.length === 0) throw new ImportError(where, 'the manifest lists no QTI test and no QTI item');
  return { items: [...new Set(paths)].map((path) => ({ path, referredFrom: where })) };
}

function readItemElement(
  files: PackageFiles,
  source: ItemSource,
  root: Element,
  rootPath: string,
): { element: Element } | { note: QtiEntry['notes'][number] } {
  if (source.path === rootPath) return { element: root };
  const bytes = files.read(source.path);
  if (!bytes) {
    return {
      note: {
        location: source.referredFrom,
        reason: `the item file ${source.path} is not in the package; it was left out`,
        keptAs: 'left-out',
      },
    };
  }
  try {
    const element = parseXml(bytes, files.describe(source.path)).documentElement as Element;
    if (qtiName(element) === 'assessmentItem') return { element };
    return {
      note: {
        location: locate(element, files.describe(source.path)),
        reason: `${source.path} is not a QTI item (root <${element.localName}>); it was left out`,
        keptAs: 'left-out',
      },
    };
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return {
      note: { location: error.location, reason: `${error.message}; the item was left out`, keptAs: 'left-out' },
    };
  }
}
