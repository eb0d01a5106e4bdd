import { parseExam, studentView, makeVariant } from '@examforge/core';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SOURCE } from '../test-support/test-app.js';
import { StudentExamViewSchema } from '../api/index.js';
import { attemptView, attemptViewJson } from './student-views.js';

const parsed = parseExam(BUNDLED_SOURCE);
if (!parsed.ok) throw new Error('the bundled exam does not parse');
const exam = parsed.exam;
const sitting = { exam_version_id: 'version-1', shuffle_questions: 1, shuffle_options: 1 };

describe('a student view built once per variant', () => {
  it('is the student view of the variant, and the same object when asked again', () => {
    const attempt = { variant_seed: 'seed-a', generated_json: null };
    const view = attemptView(exam, sitting, attempt);
    const shuffle = { shuffleQuestions: true, shuffleOptions: true };
    expect(view).toEqual(studentView(exam, makeVariant(exam, 'seed-a', shuffle)));
    expect(attemptView(exam, sitting, attempt)).toBe(view);
  });

  it('is built apart for another seed, other shuffle settings or another version', () => {
    const view = attemptView(exam, sitting, { variant_seed: 'seed-b', generated_json: null });
    expect(attemptView(exam, sitting, { variant_seed: 'seed-c', generated_json: null })).not.toBe(view);
    expect(
      attemptView(exam, { ...sitting, shuffle_options: 0 }, { variant_seed: 'seed-b', generated_json: null }),
    ).not.toBe(view);
    expect(
      attemptView(exam, { ...sitting, exam_version_id: 'version-2' }, { variant_seed: 'seed-b', generated_json: null }),
    ).not.toBe(view);
  });

  it('is never shared for an attempt with its own computed instances', () => {
    const attempt = { variant_seed: 'seed-d', generated_json: '{}' };
    expect(attemptView(exam, sitting, attempt)).not.toBe(attemptView(exam, sitting, attempt));
  });
});

describe("a student view's JSON", () => {
  it('is what the response schema makes of the view, for every variant of a shuffled sitting', () => {
    for (const seed of ['json-1', 'json-2', 'json-3', 'json-4', 'json-5', 'json-6']) {
      const attempt = { variant_seed: seed, generated_json: null };
      const expected = JSON.stringify(StudentExamViewSchema.parse(attemptView(exam, sitting, attempt)));
      expect(attemptViewJson(exam, sitting, attempt)).toBe(expected);
      expect(attemptViewJson(exam, { ...sitting, shuffle_questions: 0 }, attempt)).toBe(
        JSON.stringify(StudentExamViewSchema.parse(attemptView(exam, { ...sitting, shuffle_questions: 0 }, attempt))),
      );
    }
  });

  it('is made whole through the schema for an attempt with its own instances', () => {
    const attempt = { variant_seed: 'json-own', generated_json: '{}' };
    expect(attemptViewJson(exam, sitting, attempt)).toBe(
      JSON.stringify(StudentExamViewSchema.parse(attemptView(exam, sitting, attempt))),
    );
  });
});
