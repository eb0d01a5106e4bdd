import { parseExam, studentView, makeVariant } from '@examforge/core';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SOURCE } from '../test-support/test-app.js';
import { attemptView } from './student-views.js';

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
