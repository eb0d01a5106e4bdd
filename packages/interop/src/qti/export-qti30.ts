import type { Exam } from '@examforge/core';
import { zipSync } from 'fflate';
import type { ExportedBank } from '../export-result.js';
import { ExportNotes, type ReadAsset } from '../export/export-context.js';
import { xmlDocument } from '../export/xml-text.js';
import { PackageImages } from './export-qti-html.js';
import { qtiIdentifier } from './export-qti-identifiers.js';
import { qtiItem } from './export-qti-item.js';
import { qtiManifest, type ItemResource } from './export-qti-manifest.js';
import { qtiTest, type ItemReference } from './export-qti-test.js';

const NO_ASSETS: ReadAsset = () => undefined;
const TEST_HREF = 'test.xml';

/**
 * An exam as a QTI 3.0 content package (zip): `imsmanifest.xml`, `test.xml` (a `qti-assessment-test` with a section
 * per exam section), one `items/<id>.xml` per question and the images under `images/`. Every question kind is
 * written; what QTI cannot hold is listed in `notes`. The package keeps to the schema subset in `qti/schema/`.
 *
 * @example
 * const bank = exportQti30(exam, (path) => readFileSync(join(examDirectory, path)));
 * writeFileSync(bank.fileName, bank.bytes); // dl-endsem-winter-2025-qti3.zip
 */
export function exportQti30(exam: Exam, readAsset: ReadAsset = NO_ASSETS): ExportedBank {
  const notes = new ExportNotes();
  const images = new PackageImages(readAsset);
  const files: Record<string, Uint8Array> = {};
  const resources: ItemResource[] = [];
  const references: ItemReference[] = [];
  const encoder = new TextEncoder();
  exam.sections.forEach((section, sectionIndex) => {
    for (const question of section.questions) {
      const identifier = uniqueIdentifier(qtiIdentifier(question.id), resources);
      const usedImages = new Set<string>();
      const item = qtiItem(question, section, { images, notes, questionId: question.id, usedImages });
      const href = `items/${identifier}.xml`;
      files[href] = encoder.encode(xmlDocument(item));
      resources.push({ identifier, href, images: [...usedImages] });
      references.push({ sectionIndex, identifier, href });
    }
  });
  const testContext = { images, notes, questionId: exam.id, usedImages: new Set<string>() };
  files[TEST_HREF] = encoder.encode(xmlDocument(qtiTest(exam, references, testContext, notes)));
  for (const [path, bytes] of images.files) files[path] = bytes;
  files['imsmanifest.xml'] = encoder.encode(
    xmlDocument(qtiManifest(exam.id, TEST_HREF, withTestImages(resources, testContext.usedImages))),
  );
  return {
    format: 'qti30',
    fileName: `${exam.id}-qti3.zip`,
    bytes: zipSync(files, { mtime: FIXED_TIME }),
    notes: notes.list(),
  };
}

/** Zip entries carry a date; a fixed one makes the same exam give the same bytes. */
const FIXED_TIME = new Date(Date.UTC(2026, 0, 1));

function uniqueIdentifier(identifier: string, taken: readonly ItemResource[]): string {
  const used = new Set(taken.map((resource) => resource.identifier));
  let candidate = identifier;
  for (let index = 2; used.has(candidate); index += 1) candidate = `${identifier}-${index}`;
  return candidate;
}

/** Images used by the test's own text (the instructions) are listed with the first item, so the manifest names them. */
function withTestImages(resources: readonly ItemResource[], testImages: ReadonlySet<string>): ItemResource[] {
  if (testImages.size === 0) return [...resources];
  const [first, ...rest] = resources;
  if (!first) return [];
  return [{ ...first, images: [...new Set([...first.images, ...testImages])] }, ...rest];
}
