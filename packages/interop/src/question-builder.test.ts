import { Rational, type QuestionBase } from '@examforge/core';
import { describe, expect, it } from 'vitest';
import { ImportAssets } from './import-assets.js';
import { ImportError } from './import-result.js';
import {
  buildImportedExam,
  distinctOptionTexts,
  finishImport,
  uniqueId,
  type ImportedQuestion,
} from './question-builder.js';

const base: Pick<QuestionBase, 'stem' | 'keyUnknown' | 'bonus'> = { stem: 'Why?', keyUnknown: false, bonus: false };
const essay = (name: string, category?: string, marks?: number): ImportedQuestion => ({
  name,
  ...(category !== undefined && { category }),
  ...(marks !== undefined && { marks: Rational.of(marks) }),
  question: { ...base, kind: 'free', rubric: [] },
});

describe('buildImportedExam', () => {
  it('makes unique lowercase ids from source names, one section per category and the marks of each question', () => {
    const exam = buildImportedExam({
      fileName: 'Course Bank.xml',
      questions: [
        essay('Ça va?', 'Week 1', 2),
        essay('ça va', 'Week 2'),
        essay('', 'Week 1', 2),
        essay('Q <b>3</b>', 'Week 1', 5),
      ],
      options: { defaultMarks: 1 },
    });
    expect(exam.id).toBe('course-bank');
    expect(exam.sections.map((section) => [section.id, section.title, section.marks.toString()])).toEqual([
      ['week-1', 'Week 1', '2'],
      ['week-2', 'Week 2', '1'],
    ]);
    expect(exam.sections[0]?.questions.map((q) => [q.id, q.marks?.toString()])).toEqual([
      ['ca-va', undefined],
      ['q3', undefined],
      ['q-3', '5'],
    ]);
    expect(exam.sections[1]?.questions[0]?.id).toBe('ca-va-2');
  });

  it('keeps ids short and within the format’s pattern', () => {
    const id = uniqueId('A very long question name that goes on and on about many different things', new Set());
    expect(id).toBe('a-very-long-question-name-that-goes-on');
    expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('finishImport', () => {
  const exam = buildImportedExam({ fileName: 'b.txt', questions: [essay('One')] });
  const note = {
    location: { file: 'b.txt', line: 3, column: 1 },
    reason: 'left out: odd',
    keptAs: 'left-out' as const,
  };

  it('hands on an exam that lints clean', () => {
    expect(finishImport({ format: 'aiken', file: 'b.txt', exam, assets: new ImportAssets(), notes: [] }).exam).toBe(
      exam,
    );
  });

  it('fails a strict import on any note, listing where', () => {
    const run = () =>
      finishImport({
        format: 'aiken',
        file: 'b.txt',
        exam,
        assets: new ImportAssets(),
        notes: [note],
        options: { strict: true },
      });
    expect(run).toThrow(ImportError);
    expect(run).toThrow('strict import: 1 thing was not converted exactly:\nb.txt:3:1: left out: odd');
  });

  it('refuses an exam that refers to an image it does not provide', () => {
    const withImage = buildImportedExam({
      fileName: 'b.txt',
      questions: [{ ...essay('One'), question: { ...base, stem: '![](images/x.png)', kind: 'free', rubric: [] } }],
    });
    expect(() =>
      finishImport({ format: 'aiken', file: 'b.txt', exam: withImage, assets: new ImportAssets(), notes: [] }),
    ).toThrow(/does not pass lint .*image file not found: images\/x\.png/);
  });
});

it('distinctOptionTexts adds the source label to options that read the same', () => {
  expect(distinctOptionTexts(['.', 'x', ' . '], (index) => 'ABC'[index] ?? '')).toEqual({
    texts: ['. (A)', 'x', '. (C)'],
    changed: [0, 2],
  });
});
