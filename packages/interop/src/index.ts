/**
 * @examforge/interop: question banks in and out. Importers read Aiken, GIFT, Moodle XML and QTI (1.2, 2.x, 3.0,
 * packages included) into the core exam model with a report of everything not converted; exporters write an exam back
 * out; gradebook exports map results to LMS CSVs. Pure: bytes in, model and bytes out; the CLI and server do the IO.
 */
export * from './import-result.js';
export * from './export-result.js';
export * from './gradebook/gradebook-row.js';
export {
  exportGradebook,
  type GradebookExport,
  type GradebookOptions,
  type StudentLabel,
} from './gradebook/export-gradebook.js';
export { LmsRosterError } from './gradebook/lms-roster.js';
export { importBank, sniffFormat, type Importer } from './import-bank.js';
export { htmlToMarkdown, type HtmlLoss, type HtmlToMarkdownOptions } from './html-to-markdown.js';
export { escapeMarkdown, escapeLineStarts, texToMarkdown } from './markdown-text.js';
export { decodeText } from './decode-text.js';
export { ImportAssets, decodeBase64 } from './import-assets.js';
export {
  buildImportedExam,
  describeLocation,
  distinctOptionTexts,
  finishImport,
  importLintErrors,
  uniqueId,
  type FinishImportInput,
  type ImportedExamInput,
  type ImportedQuestion,
  type QuestionDraft,
} from './question-builder.js';
export { importAiken } from './aiken/import-aiken.js';
export { importMoodleXml } from './moodle-xml/import-moodle-xml.js';
export type { ReadAsset } from './export/export-context.js';
export { exportMoodleXml } from './moodle-xml/export-moodle-xml.js';
export { exportQti30 } from './qti/export-qti30.js';
export { validateQtiPackage } from './qti/schema/validate-qti-package.js';
export { importGift } from './gift/import-gift.js';
export { parseGift } from './gift/parse-gift.js';
export type { GiftItem, GiftQuestion, GiftAnswer } from './gift/gift-ast.js';
export { exportGift } from './gift/export-gift.js';
export { exportAiken } from './aiken/export-aiken.js';
export { importQti } from './qti/import-qti.js';
export { importQti12 } from './qti/import-qti12.js';
