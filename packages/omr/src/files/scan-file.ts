/** A scan as uploaded or read from disk: its name (for messages) and bytes. */
export interface ScanFile {
  readonly name: string;
  readonly data: Uint8Array;
}

export type ScanFileKind = 'pdf' | 'png' | 'jpeg';

/** A file that is not a scan we can read; the message says what was expected. */
export class ScanFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ScanFileError';
  }
}
