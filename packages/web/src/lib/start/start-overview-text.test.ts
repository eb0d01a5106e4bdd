import { describe, expect, it } from 'vitest';
import {
  describeOwnTime,
  describeSectionRules,
  formatSeconds,
  latestFullStart,
  negativeMarkingRule,
} from './start-overview-text.js';

describe('start page wording', () => {
  it('says what each section is worth and what a wrong answer costs', () => {
    expect(describeSectionRules({ questions: 26, marks: ['0.5'], penalties: ['0.5'] })).toBe(
      '26 questions, 0.5 marks each; a wrong answer takes 0.5 marks off',
    );
    expect(describeSectionRules({ questions: 1, marks: ['3'], penalties: ['0'] })).toBe(
      '1 question, 3 marks each; no marks off for a wrong answer',
    );
    expect(describeSectionRules({ questions: 2, marks: ['2', '3'], penalties: ['0', '1'] })).toBe(
      '2 questions, 2, 3 marks; a wrong answer takes 1 mark off',
    );
  });

  it('spells out negative marking once, only where a section has it', () => {
    const sections = [
      { title: 'Beginner', penalties: ['0.5'] },
      { title: 'Advanced', penalties: ['0'] },
    ];
    expect(negativeMarkingRule(sections)).toBe(
      'Negative marking: in Beginner a wrong answer takes 0.5 marks off. A question left unanswered takes nothing ' +
        'off, so answer only when you are reasonably sure.',
    );
    expect(negativeMarkingRule([{ title: 'Advanced', penalties: ['0'] }])).toBeUndefined();
  });

  it("gives the student's own time with the extra time said plainly", () => {
    expect(describeOwnTime(9000, 120, 1.25)).toBe("2 h 30 min (the exam's 2 h with your 25 % extra time)");
    expect(describeOwnTime(7200, 120, 1)).toBe('2 h');
    expect(formatSeconds(5430)).toBe('1 h 30 min 30 s');
    expect(latestFullStart('2025-01-06T12:00:00Z', 3600)).toBe('2025-01-06T11:00:00.000Z');
  });
});
