/** @examforge/omr: reading answer sheets. Pure image maths on greyscale rasters; no IO. */
export { classifyMark, type MarkKind, type MarkReading, type MarkFeatures } from './classify-mark.js';
export { findCornerMarks } from './corner-marks.js';
export { fitHomography, project, type Homography, type Point } from './homography.js';
export { otsuThreshold, pixelAt, type GreyImage } from './grey-image.js';
export { readPageIdentity, type PageReading } from './page-identity.js';
export { assembleScan, type AssembledSheet, type ScanAnomaly, type ScannedPage } from './assemble-scan.js';
export { rotateHalfTurn } from './page-identity.js';
