import type { Rational } from '@examforge/core';
import type { Element } from '@xmldom/xmldom';
import type { SourceLocation } from '../import-result.js';
import { mappedChoiceStrategy } from './mapped-choice-strategy.js';
import type { MappedScoreFormula } from './mapped-score-formula.js';
import type { QtiItem, ResponseDeclaration } from './qti-item.js';
import { qtiAttr } from './qti-names.js';
import { qtiRational } from './qti-number.js';
import type { DraftAnswer, DraftNote } from './question-draft.js';

export interface MappedChoiceAnswer {
  readonly answer: DraftAnswer;
  readonly marks: Rational;
}

/**
 * A multiple-answer choice item scored by its mapping (plus a constant, clamped) as the Examforge strategy that scores
 * it the same: Examforge's own every-decision and per-option exports, and the usual partial credit of other tools
 * (right choices +x, wrong ones −y, bounded to [0, max]). Undefined when no strategy is exact; the caller then
 * weighs the options by their mapped values.
 *
 * @example
 * mappedChoiceAnswer(item, response, choices, formula, html)?.answer; // { kind: 'multiple', scoring: { strategy: 'every-decision' }, … }
 */
export function mappedChoiceAnswer(
  item: QtiItem,
  response: ResponseDeclaration,
  choices: readonly Element[],
  formula: MappedScoreFormula,
  html: (choice: Element) => string,
): MappedChoiceAnswer | undefined {
  const { mapping } = response;
  if (!mapping || response.cardinality !== 'multiple' || formula.response !== response.identifier) return undefined;
  const values = choices.map((choice) => {
    const id = qtiAttr(choice, 'identifier') ?? '';
    return qtiRational(mapping.entries.find((entry) => entry.key === id)?.value ?? mapping.defaultValue);
  });
  if (!values.every((value) => value !== undefined)) return undefined;
  const bound = (value: number | undefined) => (value === undefined ? undefined : qtiRational(value));
  const lowerBound = bound(mapping.lowerBound);
  const upperBound = bound(mapping.upperBound);
  const found = mappedChoiceStrategy(
    { values, ...(lowerBound && { lowerBound }), ...(upperBound && { upperBound }) },
    formula,
    declaredMarks(item),
  );
  if (!found) return undefined;
  const options = choices.map((choice, index) => ({ html: html(choice), correct: found.correct[index] ?? false }));
  return { answer: { kind: 'multiple', options, scoring: found.scoring }, marks: found.marks };
}

/**
 * The note for a mapped choice item whose score adds a constant or is clamped outside its mapping when no strategy
 * scores it exactly: its options are weighed by their mapped values alone (a floor of 0 is what weights do anyway).
 */
export function formulaLossNote(formula: MappedScoreFormula, where: SourceLocation): DraftNote | undefined {
  const floor = formula.lower && !formula.lower.isZero() ? formula.lower : undefined;
  if (formula.constant.isZero() && !floor && !formula.upper) return undefined;
  const parts = [
    ...(formula.constant.isZero() ? [] : [`adds ${formula.constant.toString()} to the mapped value`]),
    ...(floor ? [`keeps it at or above ${floor.toString()}`] : []),
    ...(formula.upper ? [`keeps it at or below ${formula.upper.toString()}`] : []),
  ];
  return {
    location: where,
    reason: `the response processing ${parts.join(' and ')}, which no Examforge strategy matches for these choices; the options were weighed by their mapped values alone, so some selections score differently`,
    keptAs: 'partial',
  };
}

function declaredMarks(item: QtiItem): Rational | undefined {
  const text = item.outcomes.get('MAXSCORE')?.defaultValue;
  const value = text === undefined ? undefined : qtiRational(Number(text));
  return value?.isPositive() ? value : undefined;
}
