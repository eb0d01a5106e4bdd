import { studentOfSheetKey, type ScanAnomaly } from './assemble-scan.js';
import type { UnknownPageReason } from './read-page.js';

/** The student a sheet key names, for messages. */
function studentOf(sheet: string): string {
  return studentOfSheetKey(sheet) || 'a generic sheet';
}

/** Why a page was not read, in words. A reading stored before readers gave reasons has none (see its use). */
const UNREAD_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'no-corner-marks': 'no corner marks: not an answer sheet page, or badly damaged',
    'code-unreadable': 'its corner marks were found but neither of its codes could be read',
    'registration-unconfirmed': 'its printed bubbles were not where its corner marks put them',
  } satisfies Record<UnknownPageReason, string>),
);

/** What a missing page costs, in words: its choice questions are not read (never blank). */
function notRead(questions: number): string {
  if (questions === 0) return '';
  const counted = questions === 1 ? 'its choice question is' : `its ${questions} choice questions are`;
  return `; ${counted} recorded as not read (missing), not blank, until the page is scanned`;
}

/**
 * A scan anomaly in words an instructor reads without a manual, e.g. "scan page 4 is blank", "page 2 of s002 came
 * twice (scan pages 1 and 7); the first copy was read" or "page 1 of s003 is missing from the scan; its 26 choice
 * questions are recorded as not read (missing), not blank, until the page is scanned".
 */
export function describeAnomaly(anomaly: ScanAnomaly): string {
  switch (anomaly.kind) {
    case 'blank':
      return `scan page ${anomaly.scanPage} is blank`;
    case 'unknown':
      return `scan page ${anomaly.scanPage} could not be read (${UNREAD_WORDS.get(anomaly.reason) ?? 'no sheet found on it'}): look at it; if it is a student's page, scan it again`;
    case 'foreign':
      return `scan page ${anomaly.scanPage} belongs to ${anomaly.identity.examId} version ${anomaly.identity.version} (variant ${anomaly.identity.variant}), which this scan does not expect`;
    case 'upside-down':
      return `scan page ${anomaly.scanPage} (${studentOf(anomaly.sheet)}) was upside down; it was turned and read`;
    case 'duplicate':
      return `page ${anomaly.page} of ${studentOf(anomaly.sheet)} came twice (scan pages ${anomaly.firstSeen} and ${anomaly.scanPage}); the first copy was read`;
    case 'missing':
      return `page ${anomaly.page} of ${studentOf(anomaly.sheet)} is missing from the scan${notRead(anomaly.questions.length)}`;
    case 'student-number-unread':
      return `the student number on scan page ${anomaly.scanPage} cannot be read; the sheet is kept as ${studentOf(anomaly.sheet)} until someone enters it`;
  }
}
