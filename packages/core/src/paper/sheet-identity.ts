/**
 * What a sheet's QR code says: enough to know, from one scanned page alone, which exam version, variant, student and
 * page it is. A short, versioned, `|`-separated text keeps the code small (and so easy to read from a scan).
 */
export interface SheetIdentity {
  readonly examId: string;
  readonly version: number;
  /** The variant's seed (the order printed on this sheet). */
  readonly variant: string;
  /** Empty for a generic sheet, identified by the student-number grid instead. */
  readonly studentNumber: string;
  readonly page: number;
}

const PREFIX = 'EF1';

export function encodeSheetIdentity(identity: SheetIdentity): string {
  const fields = [
    identity.examId,
    String(identity.version),
    identity.variant,
    identity.studentNumber,
    String(identity.page),
  ];
  return [PREFIX, ...fields.map((field) => field.replace(/[|\\]/g, (c) => `\\${c}`))].join('|');
}

export function decodeSheetIdentity(text: string): SheetIdentity | undefined {
  const fields = text.split(/(?<!\\)\|/).map((field) => field.replace(/\\([|\\])/g, '$1'));
  if (fields.length !== 6 || fields[0] !== PREFIX) return undefined;
  const [, examId = '', version = '', variant = '', studentNumber = '', page = ''] = fields;
  if (!/^\d+$/.test(version) || !/^\d+$/.test(page)) return undefined;
  return { examId, version: Number(version), variant, studentNumber, page: Number(page) };
}
