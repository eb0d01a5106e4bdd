import type { ItemStatisticsView } from '@examforge/server/api';
import { describe, expect, it } from 'vitest';
import { histogramRows, optionBars, optionName, scatterPoints } from './chart-data.js';
import { flaggedSummary, flagLabel, keyDoubt } from './flag-words.js';
import {
  countOf,
  formatMarks,
  formatShare,
  formatStatistic,
  openAttemptsSentence,
  unavailableSentence,
} from './format-statistic.js';
import { nextOrder, PAPER_ORDER, sortItems } from './item-order.js';
import { verdictWords } from './verdict-words.js';

/** An analysed question as the API sends it; only what a test sets differs. */
function item(number: number, overrides: Partial<ItemStatisticsView> = {}): ItemStatisticsView {
  return {
    questionId: `q${number}`,
    number,
    title: `Question ${number}`,
    maximum: 0.5,
    n: 20,
    unavailable: 0,
    mean: 0.25,
    sd: 0.2,
    facility: 0.5,
    discrimination: 0.3,
    upperLower: 0.4,
    alphaIfDeleted: 0.7,
    flags: [],
    ...overrides,
  };
}

const flag = (kind: ItemStatisticsView['flags'][number]['kind']) => ({ kind, reason: 'because' });

describe('figures', () => {
  it('writes statistics with fixed decimals, a minus sign and a dash for what was not computed', () => {
    expect(formatStatistic(0.4567)).toBe('0.46');
    expect(formatStatistic(-0.4567)).toBe('−0.46');
    expect(formatStatistic(-0.001)).toBe('0.00');
    expect(formatStatistic(null)).toBe('—');
    expect(formatStatistic(1.23456, 3)).toBe('1.235');
  });

  it('writes shares as whole percentages and marks without trailing zeros', () => {
    expect(formatShare(0.6)).toBe('60 %');
    expect(formatShare(1 / 3)).toBe('33 %');
    expect(formatShare(null)).toBe('—');
    expect(formatMarks(12.5)).toBe('12.5');
    expect(formatMarks(-3)).toBe('−3');
    expect(formatMarks(2.0000001)).toBe('2');
    expect(formatMarks(null)).toBe('—');
  });

  it('says in words what is left out', () => {
    expect(countOf(1, 'student')).toBe('1 student');
    expect(countOf(3, 'student')).toBe('3 students');
    expect(unavailableSentence(0)).toBe('Every answer of the analysed attempts is in these figures.');
    expect(unavailableSentence(1)).toMatch(/^1 answer is left out of these figures: written answers not graded/);
    expect(unavailableSentence(4)).toMatch(/^4 answers are left out .* not counted as 0/);
    expect(openAttemptsSentence(0)).toBe('No attempt is still open.');
    expect(openAttemptsSentence(1)).toBe('1 attempt still open is left out until it closes.');
    expect(openAttemptsSentence(2)).toBe('2 attempts still open are left out until they close.');
  });
});

describe('order of the questions', () => {
  const items = [
    item(3, { discrimination: -0.2, flags: [flag('possible-wrong-key'), flag('too-hard')] }),
    item(1, { discrimination: null }),
    item(2, { discrimination: 0.4, flags: [flag('too-easy')] }),
    item(4, { discrimination: 0.4 }),
  ];
  const numbers = (sorted: readonly ItemStatisticsView[]) => sorted.map((entry) => entry.number);

  it('starts in the paper order', () => {
    expect(numbers(sortItems(items, PAPER_ORDER))).toEqual([1, 2, 3, 4]);
  });

  it('puts a statistic that was not computed last in either direction, ties in the paper order', () => {
    expect(numbers(sortItems(items, { key: 'discrimination', direction: 'ascending' }))).toEqual([3, 2, 4, 1]);
    expect(numbers(sortItems(items, { key: 'discrimination', direction: 'descending' }))).toEqual([2, 4, 3, 1]);
  });

  it('sorts by the number of flags, most first on the first click', () => {
    const order = nextOrder(PAPER_ORDER, 'flags');
    expect(order).toEqual({ key: 'flags', direction: 'descending' });
    expect(numbers(sortItems(items, order))).toEqual([3, 2, 1, 4]);
  });

  it('turns the direction around on a second click of the same column', () => {
    expect(nextOrder(PAPER_ORDER, 'number')).toEqual({ key: 'number', direction: 'descending' });
    expect(nextOrder({ key: 'facility', direction: 'descending' }, 'facility').direction).toBe('ascending');
    expect(nextOrder(PAPER_ORDER, 'facility')).toEqual({ key: 'facility', direction: 'ascending' });
  });
});

describe('chart data', () => {
  it('writes each histogram bin as a range, the last one closed', () => {
    const rows = histogramRows([
      { from: -1, to: 0.5, count: 2 },
      { from: 0.5, to: 2, count: 0 },
      { from: 2, to: 3.5, count: 5 },
    ]);
    expect(rows.map((row) => row.range)).toEqual(['−1 to under 0.5', '0.5 to under 2', '2 to 3.5']);
    expect(rows.map((row) => row.count)).toEqual([2, 0, 5]);
  });

  it('places questions with both figures, marking flagged ones by shape, and lists the others', () => {
    const { points, unplaced } = scatterPoints([
      item(1),
      item(2, { flags: [flag('too-hard')] }),
      item(3, { discrimination: null }),
    ]);
    expect(points.map((point) => [point.label, point.marker])).toEqual([
      ['Q1', 'not flagged'],
      ['Q2', 'flagged'],
    ]);
    expect(unplaced.map((entry) => entry.number)).toEqual([3]);
  });

  it('makes two bars per option, names the key in words and leaves out shares not computed', () => {
    const options = [
      { option: 'a', keyed: false, count: 4, upperShare: 0.8, lowerShare: 0, meanTotal: 3 },
      { option: 'b', keyed: true, count: 3, upperShare: 0.2, lowerShare: 1, meanTotal: -1 },
      { option: 'c', keyed: false, count: 0, upperShare: null, lowerShare: 0, meanTotal: null },
    ];
    expect(optionName({ option: 'b', keyed: true })).toBe('b (key)');
    expect(optionBars(options).map((bar) => `${bar.option} ${bar.group} ${bar.text}`)).toEqual([
      'a strongest 80 %',
      'a weakest 0 %',
      'b (key) strongest 20 %',
      'b (key) weakest 100 %',
      'c weakest 0 %',
    ]);
  });
});

describe('flags and verdicts', () => {
  it('names flags and verdicts in words, never by their codes', () => {
    expect(flagLabel('possible-wrong-key')).toBe('Possible wrong key');
    expect(flagLabel('unchosen-distractor')).toBe('Distractor nobody chose');
    expect(verdictWords('disagrees')).toEqual({ text: 'disagrees', tone: 'expired' });
    expect(verdictWords('several-options-match').text).toBe('several options match');
    expect(verdictWords(undefined).text).toBe('no check');
  });

  it('says what the statistics and the computation say of a doubted key together', () => {
    expect(keyDoubt(['too-hard'], 'disagrees')).toBeUndefined();
    expect(keyDoubt(['possible-wrong-key'], 'disagrees')).toMatch(/^The computation disagrees with the key too/);
    expect(keyDoubt(['possible-wrong-key'], 'agrees')).toMatch(/agrees with the key: the strong students may/);
    expect(keyDoubt(['possible-wrong-key'], undefined)).toMatch(/^No computation checks this key/);
  });

  it('counts the flagged questions', () => {
    expect(flaggedSummary([item(1), item(2)])).toBe('No question is flagged.');
    expect(flaggedSummary([item(1, { flags: [flag('too-easy')] }), item(2)])).toBe('1 of 2 questions is flagged.');
  });
});
