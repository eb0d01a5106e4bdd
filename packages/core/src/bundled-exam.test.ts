import { describe, expect, it } from 'vitest';
import { computedTotal, listQuestions, questionsWithoutKey } from './exam-queries.js';
import { lintExam } from './lint/lint.js';
import { optionLetter } from './model.js';
import { Rational } from './rational.js';
import { bundledExam, bundledExamText, PAPER_KEY, UNKNOWN_KEY_IDS } from './test-support/bundled-exam.js';

/** The bundled exam must stay a faithful encoding of the source paper. */
describe('the bundled source exam', () => {
  const exam = bundledExam();
  const questions = listQuestions(exam);

  it("has the paper's shape: 120 minutes, 20 marks, 26 + 2 + 1 questions", () => {
    expect(exam.duration).toBe(120);
    expect(exam.declaredTotal?.toString()).toBe('20');
    expect(computedTotal(exam).toString()).toBe('20');
    expect(exam.sections.map((s) => [s.id, s.questions.length, s.marks.toString(), s.penalty.toString()])).toEqual([
      ['beginner', 26, '0.5', '0.5'],
      ['intermediate', 2, '2', '0'],
      ['advanced', 1, '3', '0'],
    ]);
  });

  it('has every Beginner question as single choice with four options', () => {
    for (const { question } of questions.slice(0, 26)) {
      expect(question.kind, question.id).toBe('single');
      if (question.kind === 'single') expect(question.options, question.id).toHaveLength(4);
    }
  });

  it('marks the answers as the paper does, and no key where the paper has none', () => {
    const key = Object.fromEntries(
      questions.flatMap(({ question }) =>
        question.kind === 'single'
          ? question.options.flatMap((o, i) => (o.correct ? [[question.id, optionLetter(i)]] : []))
          : [],
      ),
    );
    expect(key).toEqual(PAPER_KEY);
    expect(questionsWithoutKey(exam).map(({ question }) => question.id)).toEqual(UNKNOWN_KEY_IDS);
  });

  it("has free-response questions with the paper's model solutions and rubrics worth their marks", () => {
    for (const { question, section } of questions.slice(26)) {
      expect(question.kind).toBe('free');
      if (question.kind !== 'free') continue;
      expect(question.solution?.length).toBeGreaterThan(200);
      expect(Rational.sum(question.rubric.map((item) => item.points)).equals(section.marks)).toBe(true);
      expect(question.note).toContain('not on the paper');
    }
  });

  it("keeps the paper's explanations for Beginner 21–26", () => {
    expect(questions.slice(20, 26).every(({ question }) => question.explanation !== undefined)).toBe(true);
    expect(questions.find(({ question }) => question.id === 'gan-generator-gradient')?.question.explanation).toContain(
      'non-saturating',
    );
  });

  it('tells the instructor where text was reconstructed', () => {
    const reconstructed = questions.filter(({ question }) => question.note?.includes('reconstruction'));
    expect(reconstructed.length).toBeGreaterThanOrEqual(15);
    expect(questions[0]?.question.note).toContain('The summation sign is lost in the source');
  });

  it('lints with no errors; its warnings are the missing keys and explanations', () => {
    const report = lintExam(bundledExamText(), { fileExists: () => true });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const codes = new Set(report.diagnostics.map((d) => d.code));
    expect(codes).toEqual(new Set(['key-unknown', 'missing-explanation']));
    expect(report.diagnostics.filter((d) => d.code === 'key-unknown')).toHaveLength(8);
  });
});
