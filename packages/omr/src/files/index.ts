/**
 * @examforge/omr/files: the edge of the reader. Decodes scan files (PDF pages rasterised by pdf.js, PNG and JPEG by
 * sharp) into greyscale images, and encodes crops and annotated pages. Everything else in the package is pure.
 */
export {
  decodeScanFile,
  countScanPages,
  scanFileKind,
  encodePng,
  encodeJpeg,
  encodeAnnotated,
  type DecodeOptions,
} from './scan-files.js';
export { MAX_PAGE_PIXELS, ScanFileError, ScanTooLargeError, type ScanFile, type ScanFileKind } from './scan-file.js';
export { scanFiles, type ScanBatchOptions, type ScanBatchResult, type ScanPageSource } from './scan-batch.js';
export { startPageReaders, type PageReaders, type PageReadersOptions, type PageReading } from './page-readers.js';
