/** @examforge/paper: printed question papers and answer sheets as PDF, drawn from the layout the scanner reads. */
export { renderAnswerSheet, renderAnswerSheets, type AnswerSheetContent } from './answer-sheet.js';
export { renderQuestionPaper, type QuestionPaperOptions } from './question-paper.js';
export {
  renderPrintSets,
  variantCode,
  type PageRange,
  type PrintedSet,
  type PrintSet,
  type PrintSetOptions,
} from './print-set.js';
export { printSetFor, renderPrintFile, type PrintJob, type PrintSetSpec, type RenderedFile } from './print-job.js';
export { MERGE_PART_SETS, printFiles, printMerged, type PrintFilesOptions } from './print-files.js';
export { concatPdfs } from './concat-pdf.js';
export { typesetMath, type MathSvg } from './math-svg.js';
export { PRINT_DATE } from './pdf-document.js';
