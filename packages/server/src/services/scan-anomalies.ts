import type { ScanAnomaly } from '@examforge/omr';
import type { ScanAnomalyView } from '../api/index.js';

/** The student a sheet key (`exam|version|variant|student`) names. */
export const studentOfSheet = (sheet: string): string => sheet.slice(sheet.lastIndexOf('|') + 1);

/**
 * A reader's anomaly in words an instructor reads without a manual, e.g. "scan page 4 is blank" or "page 2 of s002
 * came twice (scan pages 1 and 7); the first copy was read".
 */
export function describeScanAnomaly(
  anomaly: ScanAnomaly,
  sheetPageOf: (scanPage: number) => number | undefined,
): ScanAnomalyView {
  switch (anomaly.kind) {
    case 'blank':
      return { kind: 'blank', scanPage: anomaly.scanPage, message: `scan page ${anomaly.scanPage} is blank` };
    case 'unknown':
      return {
        kind: 'unknown',
        scanPage: anomaly.scanPage,
        message: `scan page ${anomaly.scanPage} is not a page of an answer sheet (no corner marks or no readable code): check it by hand`,
      };
    case 'foreign':
      return {
        kind: 'foreign',
        scanPage: anomaly.scanPage,
        message: `scan page ${anomaly.scanPage} is a sheet of another exam (${anomaly.identity.examId} version ${anomaly.identity.version}); it was not read`,
      };
    case 'upside-down': {
      const student = studentOfSheet(anomaly.sheet);
      return {
        kind: 'upside-down',
        scanPage: anomaly.scanPage,
        studentNumber: student,
        message: `scan page ${anomaly.scanPage} (${student}) was upside down; it was turned and read`,
      };
    }
    case 'duplicate':
      return duplicate(anomaly, sheetPageOf(anomaly.scanPage));
    case 'missing': {
      const student = studentOfSheet(anomaly.sheet);
      return {
        kind: 'missing',
        studentNumber: student,
        message: `page ${anomaly.page} of ${student} is missing from the scan`,
      };
    }
    case 'student-number-unread':
      return {
        kind: 'student-number-unread',
        scanPage: anomaly.scanPage,
        message: `the student number on scan page ${anomaly.scanPage} cannot be read`,
      };
  }
}

/** The reader says which scan pages repeat each other; the sheet page comes from the stored reading. */
function duplicate(anomaly: Extract<ScanAnomaly, { kind: 'duplicate' }>, page: number | undefined): ScanAnomalyView {
  const student = studentOfSheet(anomaly.sheet);
  const which = page === undefined ? 'a page' : `page ${page}`;
  return {
    kind: 'duplicate',
    scanPage: anomaly.scanPage,
    studentNumber: student,
    message: `${which} of ${student} came twice (scan pages ${anomaly.firstSeen} and ${anomaly.scanPage}); the first copy was read`,
  };
}
