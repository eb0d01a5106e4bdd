import { parseExam, type Exam, type Question } from '@examforge/core';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { exportQti30 } from './export-qti30.js';
import { importQti } from './import-qti.js';

/** What a round trip must keep of a question: its kind, whether it has a key, the key, and a numeric answer. */
function keyOf(question: Question): unknown {
  const base = { kind: question.kind, keyUnknown: question.keyUnknown };
  if (question.kind === 'single' || question.kind === 'multiple')
    return { ...base, correct: question.options.map((o) => o.correct) };
  if (question.kind === 'numeric') return { ...base, answer: question.answer };
  return base;
}

function keys(exam: Exam): unknown[] {
  return exam.sections.flatMap((section) => section.questions.map(keyOf));
}

test('the bundled exam through a QTI 3.0 package comes back with the same questions, keys and TeX', () => {
  const text = readFileSync(new URL('../../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url), 'utf8');
  const parsed = parseExam(text);
  if (!parsed.ok) throw new Error('the bundled exam does not parse');
  const exported = exportQti30(parsed.exam);
  const back = importQti({ name: exported.fileName, bytes: exported.bytes });
  expect(back.format).toBe('qti30');
  expect(keys(back.exam)).toEqual(keys(parsed.exam));
  expect(back.exam.sections.map((section) => section.title)).toEqual(
    parsed.exam.sections.map((section) => section.title),
  );
  expect(back.notes.filter((note) => note.keptAs === 'content')).toEqual([]);
});
