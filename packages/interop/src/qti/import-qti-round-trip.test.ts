import { optionLetter, parseExam, score, seededRandom, type Exam, type Question, type Response } from '@examforge/core';
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

/** A random answer to a question: some options chosen, a number near the key, or a blank. */
function randomAnswer(question: Question, random: () => number): Response {
  if (question.kind === 'single' || question.kind === 'multiple') {
    const chosen = question.options.flatMap((_, index) => (random() < 0.4 ? [optionLetter(index)] : []));
    return chosen.length === 0
      ? { kind: 'blank' }
      : { kind: 'choice', selected: question.kind === 'single' ? chosen.slice(0, 1) : chosen };
  }
  if (question.kind === 'numeric')
    return { kind: 'numeric', value: (question.answer?.value ?? 0) * (random() < 0.5 ? 1 : 1.5) };
  return { kind: 'blank' };
}

test('the bundled exam scores every random answer sheet the same before and after a QTI 3.0 round trip', () => {
  const text = readFileSync(new URL('../../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url), 'utf8');
  const parsed = parseExam(text);
  if (!parsed.ok) throw new Error('the bundled exam does not parse');
  const exported = exportQti30(parsed.exam);
  const back = importQti({ name: exported.fileName, bytes: exported.bytes }).exam;
  const before = parsed.exam.sections.flatMap((section) => section.questions);
  const after = back.sections.flatMap((section) => section.questions);
  const random = seededRandom('qti-round-trip');
  for (let sheet = 0; sheet < 200; sheet++) {
    const answers = before.map((question) => randomAnswer(question, random));
    const sheetOf = (questions: readonly Question[]) => ({
      answers: Object.fromEntries(questions.map((question, index) => [question.id, answers[index]])),
    });
    const points = (exam: Exam, questions: readonly Question[]) =>
      score(exam, sheetOf(questions)).questions.map((q) => q.points.toString());
    expect(points(back, after)).toEqual(points(parsed.exam, before));
  }
});
