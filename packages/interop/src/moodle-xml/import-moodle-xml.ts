import { ImportError, type ImportedExam, type ImportOptions, type SourceFile } from '../import-result.js';

/** Moodle XML import: being written (issue 15). */
export function importMoodleXml(file: SourceFile, _options: ImportOptions = {}): ImportedExam {
  throw new ImportError({ file: file.name }, 'Moodle XML import is not available yet');
}
