/**
 * @examforge/omr: reading answer sheets. Pure image maths on greyscale rasters; no IO. Decoding scan files (PDF, PNG,
 * JPEG) and encoding images happen at the edge, in `@examforge/omr/files`.
 */
export { classifyMark, type MarkKind, type MarkReading, type MarkFeatures } from './classify-mark.js';
export { findCornerMarks, findCornerDiscs } from './corner-marks.js';
export { confirmRegistration } from './confirm-registration.js';
export { fitHomography, project, type Homography, type Point } from './homography.js';
export { otsuThreshold, pixelAt, type GreyImage } from './grey-image.js';
export { cropImage, inkShare } from './image-ops.js';
export {
  readPageIdentity,
  identifyPage,
  rotateHalfTurn,
  type PageReading,
  type UnidentifiedReason,
} from './page-identity.js';
export { applyMarkRule, REVIEW_BELOW, type BubbleReading, type ReviewReason, type RuledAnswer } from './mark-rule.js';
export { readStudentNumber, type StudentNumberReading } from './student-number.js';
export {
  readPage,
  keyOf,
  type PageResult,
  type ReadPage,
  type QuestionReading,
  type ScanContext,
  type SheetKey,
  type ReadPageOptions,
  type UnknownPageReason,
} from './read-page.js';
export {
  assembleScan,
  sheetKeyText,
  studentOfSheetKey,
  type ReadSheet,
  type ReviewItem,
  type ScanAnomaly,
  type ScanResult,
  type UnreadPage,
} from './assemble-scan.js';
export { questionsOnPage } from './questions-on-page.js';
export { annotationSvg, type AnnotationOptions } from './annotate.js';
export { describeAnomaly } from './describe-anomaly.js';
export { cropAnswerBox, type AnswerBoxCrop, type CropAnswerBoxOptions } from './answer-box-crop.js';
export { judgeBoxInk, boxHasInk, type BoxInk } from './box-ink.js';
export { readAnswerBox, type AnswerBoxReading } from './answer-boxes.js';
export { sheetAnswerBoxes, type SheetAnswerBox } from './sheet-answer-boxes.js';
export { scanContextFrom, type ScanContextSpec, type LayoutSource } from './scan-context-spec.js';
