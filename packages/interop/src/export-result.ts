/** The formats Examforge writes exams to. */
export type TargetFormat = 'aiken' | 'gift' | 'moodle-xml' | 'qti30';

/** One entry of the export report: what the target cannot express, and what was written instead. */
export interface ExportNote {
  /** The Examforge question id, or absent for the exam as a whole. */
  readonly questionId?: string;
  readonly reason: string;
  /** `left-out`: the question is not in the output; `partial`: it is, with something missing (an image, a weight). */
  readonly keptAs: 'left-out' | 'partial';
}

/**
 * An export: one file for text formats, or a content package (zip bytes) for QTI. `fileName` is the suggested
 * name, e.g. `dl-endsem.xml` or `dl-endsem-qti3.zip`.
 */
export interface ExportedBank {
  readonly format: TargetFormat;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly notes: readonly ExportNote[];
}
