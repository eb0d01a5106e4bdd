import { optionLetter, Rational, score, type Exam } from '@examforge/core';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from './import-result.js';
import { importGift } from './gift/import-gift.js';
import { importMoodleXml } from './moodle-xml/import-moodle-xml.js';

/**
 * Issue 15, Must show 2: an imported multiple-choice question scores what Moodle's documented rules give
 * (question/type/multichoice: a single answer earns its grade; several answers earn the sum of the chosen grades,
 * at least 0 and at most 100 %; a multiple-answer question's positive grades must total 100 %). Each case's Moodle
 * fraction is worked out by hand from those rules, not by running Examforge.
 *
 * Moodle cases come from small Moodle XML files through `importMoodleXml`, GIFT cases from the same banks written as
 * GIFT (`=` and `~%n%`) through `importGift`.
 */

interface Bank {
  readonly single: boolean;
  /** Each answer's grade in percent, as written in the source. */
  readonly grades: readonly string[];
  readonly marks: number;
}

const BANKS = {
  /** Single answer with partial credit and a negative grade. */
  singlePartial: { single: true, grades: ['100', '50', '0', '-50'], marks: 2 },
  /** Three right thirds and two −100 % distractors (giftpegjs multipleAnswersFloat in Moodle XML). */
  thirds: { single: false, grades: ['33.33333', '33.33333', '33.33333', '-100', '-100'], marks: 3 },
  /** Halves with −50 % distractors. */
  halves: { single: false, grades: ['50', '50', '-50', '-50'], marks: 1 },
  /** Multiple answers where one answer is worth everything. */
  oneRight: { single: false, grades: ['100', '0', '0'], marks: 1 },
  /** Halves, a 0 % answer and a −100 % answer. */
  mixed: { single: false, grades: ['50', '50', '0', '-100'], marks: 4 },
  /** A tenth-based spread. */
  spread: { single: false, grades: ['60', '40', '-10', '-90'], marks: 10 },
} satisfies Record<string, Bank>;

type BankName = keyof typeof BANKS;

function moodleXml({ single, grades, marks }: Bank): Uint8Array {
  const answers = grades
    .map((grade, index) => `<answer fraction="${grade}" format="html"><text>Option ${index + 1}</text></answer>`)
    .join('\n');
  return strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<quiz><question type="multichoice"><name><text>q</text></name>
<questiontext format="html"><text><![CDATA[<p>Which?</p>]]></text></questiontext>
<defaultgrade>${marks}</defaultgrade><single>${single ? 'true' : 'false'}</single>
${answers}
</question></quiz>`);
}

function importedFromMoodle(bank: Bank): Exam {
  return importMoodleXml({ name: 'case.xml', bytes: moodleXml(bank) }).exam;
}

/** The bank as a GIFT question: `=` for the 100 % answer of a single-answer question, `~%n%` for every other grade. */
function giftText({ single, grades }: Bank): string {
  const answers = grades.map((grade, index) => {
    const text = `Option ${index + 1}`;
    if (single && grade === '100') return `=${text}`;
    return grade === '0' ? `~${text}` : `~%${grade}%${text}`;
  });
  return `::q:: Which? {\n${answers.join('\n')}\n}\n`;
}

function importedFromGift(bank: Bank): Exam {
  return importGift({ name: 'case.gift', bytes: strToU8(giftText(bank)) }, { defaultMarks: bank.marks }).exam;
}

/** [source, bank, chosen options (1-based), Moodle's fraction of the marks, why]. */
const CASES: readonly (readonly ['moodle' | 'gift', BankName, readonly number[], string, string])[] = [
  ['moodle', 'singlePartial', [1], '1', 'single answer: the 100 % answer'],
  ['moodle', 'singlePartial', [2], '0.5', 'single answer: its grade, 50 %'],
  ['moodle', 'singlePartial', [3], '0', 'single answer: a 0 % answer'],
  ['moodle', 'singlePartial', [4], '-0.5', 'single answer: a negative grade takes marks off, −50 %'],
  ['moodle', 'singlePartial', [], '0', 'nothing chosen: 0'],
  ['moodle', 'thirds', [1], '1/3', 'one third chosen'],
  ['moodle', 'thirds', [1, 2], '2/3', 'two thirds'],
  ['moodle', 'thirds', [1, 2, 3], '1', '3 × 33.33333 % is Moodle’s 100 %'],
  ['moodle', 'thirds', [1, 2, 3, 4], '0', '100 % − 100 % = 0'],
  ['moodle', 'thirds', [1, 4], '0', '33.33 % − 100 % is clamped at 0'],
  ['moodle', 'thirds', [1, 2, 3, 4, 5], '0', 'all chosen: 100 − 200 % is clamped at 0'],
  ['moodle', 'thirds', [], '0', 'nothing chosen: 0'],
  ['moodle', 'halves', [1, 2], '1', '50 + 50 %'],
  ['moodle', 'halves', [1, 2, 3], '0.5', '50 + 50 − 50 %'],
  ['moodle', 'halves', [1, 3], '0', '50 − 50 %'],
  ['moodle', 'halves', [3], '0', '−50 % is clamped at 0'],
  ['moodle', 'halves', [1, 2, 3, 4], '0', 'all chosen: 100 − 100 %'],
  ['moodle', 'oneRight', [1, 2, 3], '1', '0 % answers cost nothing: all chosen still earns 100 %'],
  ['moodle', 'mixed', [1, 2, 3], '1', '50 + 50 + 0 %'],
  ['moodle', 'mixed', [1, 2, 4], '0', '50 + 50 − 100 %'],
  ['moodle', 'spread', [1, 3], '0.5', '60 − 10 %'],
  ['moodle', 'spread', [1, 2, 3], '0.9', '60 + 40 − 10 %'],
  ['moodle', 'spread', [2, 4], '0', '40 − 90 % is clamped at 0'],
  ['gift', 'thirds', [1, 2, 3, 5], '0', '%33.33333% × 3 and %-100%'],
  ['gift', 'thirds', [2, 3], '2/3', '%33.33333% × 2'],
  ['gift', 'halves', [2, 4], '0', '%50% and %-50%'],
  ['gift', 'halves', [1], '0.5', '%50% alone'],
  ['gift', 'singlePartial', [2], '0.5', '~%50% on a single-answer question'],
  ['gift', 'singlePartial', [4], '-0.5', '~%-50% on a single-answer question'],
  ['gift', 'mixed', [1, 2, 3, 4], '0', 'all chosen: 50 + 50 + 0 − 100 %'],
];

describe('imported multiple-choice questions score as Moodle’s rules say', () => {
  it.each(CASES)('%s %s, chosen %j: %s of the marks (%s)', (source, bankName, chosen, fraction, _why) => {
    const bank = BANKS[bankName];
    const exam = source === 'moodle' ? importedFromMoodle(bank) : importedFromGift(bank);
    const id = exam.sections[0]?.questions[0]?.id ?? '';
    const selected = chosen.map((number) => optionLetter(number - 1));
    const report = score(exam, {
      answers: { [id]: selected.length > 0 ? { kind: 'choice', selected } : { kind: 'blank' } },
    });
    const expected = (Rational.parse(fraction) ?? Rational.ZERO).times(bank.marks);
    expect(report.total.toString()).toBe(expected.toString());
  });
});

describe('Moodle’s rule that positive grades total 100 %', () => {
  it.each([
    [['50', '40', '0'], 'they add up to 90 %'],
    [['60', '50', '-100'], 'they add up to 110 %'],
  ])('refuses a multiple-answer question graded %j: %s', (grades, total) => {
    const bytes = moodleXml({ single: false, grades, marks: 1 });
    expect(() => importMoodleXml({ name: 'case.xml', bytes })).toThrow(ImportError);
    expect(() => importMoodleXml({ name: 'case.xml', bytes })).toThrow(
      `the positive grades do not add up to 100 % (${total})`,
    );
  });

  it('accepts 3 × 33.33333 % (99.99999 %) as 100 %, and scores the three exactly full marks', () => {
    const exam = importedFromMoodle({ single: false, grades: ['33.33333', '33.33333', '33.33333', '0'], marks: 1 });
    const id = exam.sections[0]?.questions[0]?.id ?? '';
    const report = score(exam, { answers: { [id]: { kind: 'choice', selected: ['a', 'b', 'c'] } } });
    expect(report.total.toString()).toBe('1');
  });
});
