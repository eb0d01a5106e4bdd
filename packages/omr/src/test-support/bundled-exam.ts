import { parseExam } from '@examforge/core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const parsed = parseExam(
  readFileSync(fileURLToPath(new URL('../../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url)), 'utf8'),
);
if (!parsed.ok) throw new Error('bundled exam does not parse');

/** The bundled exam, parsed once for the reader's tests. */
export const bundledExam = parsed.exam;
