import type { Element } from '@xmldom/xmldom';
import { ImportAssets } from '../import-assets.js';
import { ImportError, type ImportedExam, type ImportOptions, type SourceFile } from '../import-result.js';
import { convertQti12Item } from './convert-qti12-item.js';
import { descriptionMarkdown, toImportedQuestion } from './draft-to-question.js';
import { PackageImages } from './image-assets.js';
import { readManifest, roleOf } from './manifest.js';
import { openQtiInput, type PackageFiles } from './package-files.js';
import { defaultMarksOf, finishQtiImport, type QtiEntry } from './qti-import-entries.js';
import { childElements, locate, parseXml } from './xml-document.js';

/**
 * Imports QTI 1.2 (`questestinterop`, as Canvas and Respondus export it): a single XML file, or a content package
 * (zip or unpacked `imsmanifest.xml`) whose QTI 1.2 resources are read in manifest order with their images. Each
 * `section` becomes a section; items directly under `questestinterop` (no assessment) are read too.
 *
 * @example
 * const { exam, notes } = importQti12({ name: 'quiz.zip', bytes });
 */
export function importQti12(file: SourceFile, options: ImportOptions = {}): ImportedExam {
  const { files, rootPath, root } = openQtiInput(file);
  const quizPaths = root.localName === 'manifest' ? qti12Resources(root, files, file.name) : [rootPath];
  const images = new PackageImages(files, new ImportAssets());
  const entries: QtiEntry[] = [];
  let title: string | undefined;
  for (const path of quizPaths) {
    const quiz = path === rootPath ? root : readQuiz(files, path);
    if (quiz.localName !== 'questestinterop') {
      throw new ImportError(
        locate(quiz, files.describe(path)),
        `${files.describe(path)} is not QTI 1.2: its root is <${quiz.localName}>, not <questestinterop>`,
      );
    }
    title ??=
      childElements(quiz)
        .find((child) => child.localName === 'assessment')
        ?.getAttribute('title')
        ?.trim() || undefined;
    entries.push(...quizEntries(quiz, path, files, images, options));
  }
  return finishQtiImport({ format: 'qti12', file: file.name, title, entries, assets: images.assets, options });
}

function qti12Resources(manifest: Element, files: PackageFiles, name: string): string[] {
  const resources = readManifest(manifest.ownerDocument as NonNullable<Element['ownerDocument']>).filter(
    (r) => roleOf(r) === 'qti12',
  );
  const paths = resources.flatMap(
    (resource) => resource.href ?? resource.files.find((path) => path.endsWith('.xml')) ?? [],
  );
  if (paths.length === 0)
    throw new ImportError(
      locate(manifest, files.describe('imsmanifest.xml')),
      `the manifest of ${name} lists no QTI 1.2 resource`,
    );
  return paths;
}

function readQuiz(files: PackageFiles, path: string): Element {
  const bytes = files.read(path);
  if (!bytes)
    throw new ImportError(
      { file: files.describe('imsmanifest.xml') },
      `the package lists ${path}, which it does not hold`,
    );
  return parseXml(bytes, files.describe(path)).documentElement as Element;
}

/** Items with the title of their nearest section (none for items outside any section). */
function quizEntries(
  quiz: Element,
  path: string,
  files: PackageFiles,
  images: PackageImages,
  options: ImportOptions,
): QtiEntry[] {
  const defaultMarks = defaultMarksOf(options);
  return itemsWithSection(quiz, undefined).map(({ item, section }) => {
    const conversion = convertQti12Item(item, { file: files.describe(path), path, images });
    const notes = [...conversion.notes];
    const question = conversion.draft && toImportedQuestion(conversion.draft, section, defaultMarks, notes);
    const description = conversion.descriptionHtml ? descriptionMarkdown(conversion.descriptionHtml) : undefined;
    return { question, notes, ...(description && { description }) };
  });
}

function itemsWithSection(element: Element, section: string | undefined): Array<{ item: Element; section?: string }> {
  return childElements(element).flatMap((child) => {
    if (child.localName === 'item') return [{ item: child, section }];
    if (child.localName === 'section') return itemsWithSection(child, child.getAttribute('title')?.trim() || section);
    if (child.localName === 'assessment' || child.localName === 'objectbank') return itemsWithSection(child, section);
    return [];
  });
}
