import { describeAnomaly, studentOfSheetKey, type ScanAnomaly } from '@examforge/omr';
import type { ScanAnomalyView } from '../api/index.js';

/**
 * A reader's anomaly as the API shows it: the reader's own sentence (e.g. "scan page 4 is blank", "page 2 of s002
 * came twice (scan pages 1 and 7); the first copy was read"), with the scan page and student when there are.
 */
export function describeScanAnomaly(anomaly: ScanAnomaly): ScanAnomalyView {
  return {
    kind: anomaly.kind,
    message: describeAnomaly(anomaly),
    ...('scanPage' in anomaly ? { scanPage: anomaly.scanPage } : {}),
    ...('sheet' in anomaly ? { studentNumber: studentOfSheetKey(anomaly.sheet) } : {}),
  };
}
