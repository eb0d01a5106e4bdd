import { describe, expect, it } from 'vitest';
import { parseExam } from '../format/parse.js';
import { printExam } from '../format/print.js';
import { lintExam } from '../lint/lint.js';
import type { Exam } from '../model.js';
import { DEFAULT_POLICY, type ScoringPolicy } from './policy.js';
import type { Response } from './responses.js';
import { scoreRange } from './score-range.js';
import { score } from './score.js';

/** Option weights (docs/decisions/0015): written, read back, checked and scored by Moodle's multichoice rules. */
function examText(questions: string, sectionRules = 'marks: 3'): string {
  return [
    '---',
    'id: weights',
    'title: Weights',
    'duration: 10',
    'sections:',
    `  - { id: s, ${sectionRules.replace(/\n/g, ', ')} }`,
    '---',
    '',
    '# Section {#s}',
    '',
    questions,
    '',
  ].join('\n');
}

const MULTI = `## {#capitals type=multiple}

Which are capitals?

- [x] Paris {weight=1/3}
- [x] Rome {weight=1/3}
- [x] Berlin {weight=1/3}
- [ ] Lyon {weight=-1}
- [ ] Milan

### Explanation

Three capitals.`;

const SINGLE = `## {#planet}

The largest planet?

- [x] Jupiter {weight=1}
- [ ] Saturn {weight=0.5}
- [ ] Mars {weight=-0.5}
- [ ] Venus

### Explanation

Jupiter.`;

function parsed(text: string): Exam {
  const result = parseExam(text);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 2)));
  return result.exam;
}

function points(exam: Exam, id: string, response: Response, policy: ScoringPolicy = DEFAULT_POLICY): string {
  const report = score(exam, { answers: { [id]: response } }, policy);
  return report.questions.find((q) => q.questionId === id)?.points.toString() ?? 'none';
}

const choose = (...selected: string[]): Response => ({ kind: 'choice', selected });

function lintCodes(questions: string, sectionRules?: string): string[] {
  return lintExam(examText(questions, sectionRules)).diagnostics.map((d) => `${d.severity}:${d.code}`);
}

describe('option weights in the format', () => {
  it('reads exact weights, fractions and negatives, and prints them back', () => {
    const exam = parsed(examText(`${MULTI}\n\n${SINGLE}`));
    const options = exam.sections[0]?.questions[0];
    expect(options?.kind === 'multiple' && options.options.map((o) => o.weight?.toString())).toEqual([
      '1/3',
      '1/3',
      '1/3',
      '-1',
      undefined,
    ]);
    const printed = printExam(exam);
    expect(printed).toContain('- [x] Paris {weight=1/3}');
    expect(printed).toContain('- [ ] Mars {weight=-0.5}');
    expect(parsed(printed)).toEqual(exam);
  });

  it('refuses a weight that is not a number, at the weight', () => {
    const result = parseExam(examText(SINGLE.replace('weight=0.5', 'weight=50%')));
    expect(result.ok).toBe(false);
    const found = result.diagnostics.find((d) => d.code === 'option-weight-syntax');
    expect(found?.message).toBe('cannot read the option weight "50%"');
    expect(found?.line).toBe(16);
    expect(found?.column).toBe(22);
  });
});

describe('lint of option weights', () => {
  it('accepts consistent weights without problems', () => {
    expect(lintCodes(`${MULTI}\n\n${SINGLE}`)).toEqual([]);
  });

  it('refuses weights outside [-1, 1], located at the option', () => {
    const report = lintExam(examText(SINGLE.replace('weight=-0.5', 'weight=-2')));
    const found = report.diagnostics.find((d) => d.code === 'weight-out-of-range');
    expect(found?.message).toBe('option (c) of `planet` has weight -2, outside -1 to 1');
    expect([found?.line, found?.column]).toEqual([17, 7]);
  });

  it('wants a single-choice question to have an option worth full marks', () => {
    const codes = lintCodes(SINGLE.replace('- [x] Jupiter {weight=1}', '- [ ] Jupiter {weight=0.9}'));
    expect(codes).toContain('error:weighted-single-no-full');
  });

  it("wants the positive weights of a multiple-answer question to total 1, with Moodle's tolerance as a warning", () => {
    expect(lintCodes(MULTI.replace('Berlin {weight=1/3}', 'Berlin {weight=0.5}'))).toContain('error:weights-total');
    const rounded = MULTI.replace(/weight=1\/3/g, 'weight=0.3333333');
    expect(lintCodes(rounded)).toEqual(['warning:weights-total']);
  });

  it('wants [x] on exactly the options that earn marks, so the key and the weights agree', () => {
    expect(lintCodes(MULTI.replace('- [x] Rome', '- [ ] Rome'))).toContain('error:weight-key-mismatch');
    expect(lintCodes(SINGLE.replace('- [ ] Saturn', '- [x] Saturn'))).toContain('error:weight-key-mismatch');
  });

  it('warns that a penalty does not apply, and refuses scoring= beside weights', () => {
    expect(lintCodes(SINGLE, 'marks: 3\npenalty: 1')).toEqual(['warning:weighted-penalty']);
    const withScoring = MULTI.replace('type=multiple}', 'type=multiple scoring=partial-credit}');
    expect(lintCodes(withScoring)).toContain('error:weighted-with-scoring');
  });
});

describe('scoring by option weights (Moodle multichoice rules)', () => {
  const exam = parsed(examText(`${MULTI}\n\n${SINGLE}`, 'marks: 3\npenalty: 1'));

  it.each([
    [['a'], '1', 'one of three right: 1/3 of 3 marks'],
    [['a', 'b', 'c'], '3', 'all three right: full marks'],
    [['a', 'b', 'c', 'd'], '0', '1 − 1 = 0'],
    [['a', 'b', 'c', 'e'], '3', 'an option without weight weighs 0'],
    [['a', 'd'], '0', '1/3 − 1 is below 0: clamped to 0'],
    [['a', 'b', 'c', 'd', 'e'], '0', 'every option chosen: 1 − 1 = 0'],
  ])('multiple answer %j scores %s (%s)', (selected, expected) => {
    expect(points(exam, 'capitals', choose(...selected))).toBe(expected);
  });

  it.each([
    ['a', '3'],
    ['b', '1.5'],
    ['c', '-1.5'],
    ['d', '0'],
  ])('single choice (%s) scores the weight × marks: %s, and the section penalty does not apply', (letter, expected) => {
    expect(points(exam, 'planet', choose(letter))).toBe(expected);
  });

  it('scores a blank 0 and follows the policy for several and invalid marks, without a penalty', () => {
    expect(points(exam, 'planet', { kind: 'blank' })).toBe('0');
    expect(points(exam, 'planet', choose('a', 'b'), { severalMarks: 'wrong', invalidMarks: 'wrong' })).toBe('0');
    const tick: Response = { kind: 'choice', selected: ['a'], invalidMarks: [{ option: 'b', mark: 'tick' }] };
    expect(points(exam, 'planet', tick)).toBe('3');
    expect(points(exam, 'planet', tick, { severalMarks: 'zero', invalidMarks: 'zero' })).toBe('0');
  });

  it('says why in the reason', () => {
    const report = score(exam, { answers: { capitals: choose('a', 'd') } });
    expect(report.questions[0]?.reason).toBe('(a), (d) chosen; option weights 1/3 + -1 = -2/3, counted as 0: 0');
    expect(report.questions[0]?.status).toBe('wrong');
  });

  it('gives the lowest total from the most negative single-choice weight', () => {
    expect(scoreRange(exam).lowest.toString()).toBe('-1.5');
  });
});
