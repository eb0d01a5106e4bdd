import type { Exam } from '@examforge/core';

/** The formats Examforge reads question banks from. */
export type SourceFormat = 'aiken' | 'gift' | 'moodle-xml' | 'qti12' | 'qti21' | 'qti30';

/**
 * One input as the importer receives it: a file name (for sniffing and messages) and its bytes, never a path.
 * `readSibling` reads a file the input refers to (an image, an item listed in `imsmanifest.xml`) by its path relative
 * to the input, or gives undefined when there is no such file; inside a zip the importer reads the zip instead.
 */
export interface SourceFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly readSibling?: (relativePath: string) => Uint8Array | undefined;
}

/**
 * Where in the source something is: a line and column for text formats (1-based), an XML path for XML formats
 * (`/quiz/question[3]/answer[2]`), and the file inside a package when the input is a zip.
 */
export interface SourceLocation {
  /** The file the location is in: the input's name, or `package.zip!items/q1.xml` inside a package. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly xmlPath?: string;
}

/** What the importer did with something that has no exact Examforge equivalent. */
export type KeptAs =
  /** The question was left out of the exam. */
  | 'left-out'
  /** Its text became a written (free-response) question graded by hand, e.g. short answer, Cloze. */
  | 'free-response'
  /** Only part of it was kept, e.g. the 100 % answer of a numeric question with several graded answers. */
  | 'partial'
  /** Its text was kept as a description with no marks. */
  | 'description'
  /** A piece of content (an image that is missing, an unsupported HTML element) was dropped or replaced. */
  | 'content';

/** One entry of the import report: every loss is listed, never silent. */
export interface ConversionNote {
  readonly location: SourceLocation;
  /** The source question's name or identifier, as the instructor knows it. */
  readonly question?: string;
  /** The Examforge question id it became, when it became one. */
  readonly questionId?: string;
  /** Why it was not converted exactly, in words an instructor understands. */
  readonly reason: string;
  readonly keptAs: KeptAs;
}

/** A file the exam refers to (an image), written beside the exam file at `path` (relative, forward slashes). */
export interface ImportedAsset {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** A successful import: an exam model that lints clean, its assets and the report of everything not converted. */
export interface ImportedExam {
  readonly format: SourceFormat;
  readonly exam: Exam;
  readonly assets: readonly ImportedAsset[];
  readonly notes: readonly ConversionNote[];
}

/** The input cannot be read at all (not well-formed, not a known format): a located message, never a crash. */
export class ImportError extends Error {
  constructor(
    readonly location: SourceLocation,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

export interface ImportOptions {
  /** Any loss at all (any conversion note) makes the import fail with the notes as its errors (`--strict`). */
  readonly strict?: boolean;
  /** Marks for each imported question when the source gives none (default 1). */
  readonly defaultMarks?: number;
}
