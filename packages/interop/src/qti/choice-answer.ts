import { Rational } from '@examforge/core';
import type { Element } from '@xmldom/xmldom';
import type { SourceLocation } from '../import-result.js';
import { mappingMaximum } from './item-marks.js';
import type { Mapping, ResponseDeclaration } from './qti-item.js';
import { qtiAttr } from './qti-names.js';
import { qtiRational } from './qti-number.js';
import type { DraftAnswer, DraftNote } from './question-draft.js';

export interface ChoiceReading {
  readonly answer: DraftAnswer;
  readonly keyUnknown: boolean;
  readonly notes: readonly DraftNote[];
}

/**
 * The options, key and weights of a choice interaction. Scored by its mapping (`map_response`): each option's weight is
 * its mapped value over the most the mapping awards, which is how QTI and Moodle both score it when the total is kept
 * in [0, max]; scored by the correct response (`match_correct`): a plain key, all or nothing for several answers.
 *
 * @example
 * readChoices(choices, response, true, html, where).answer; // { kind: 'multiple', options: [{ weight: 1/2, … }, …] }
 */
export function readChoices(
  choices: readonly Element[],
  response: ResponseDeclaration,
  byMapping: boolean,
  html: (choice: Element) => string,
  where: SourceLocation,
): ChoiceReading {
  const kind = response.cardinality === 'single' ? 'single' : 'multiple';
  const ids = choices.map((choice) => qtiAttr(choice, 'identifier') ?? '');
  if (byMapping && response.mapping) return weighted(kind, ids, response.mapping, choices.map(html), where);
  const notes: DraftNote[] = [];
  const unknown = response.correct.filter((id) => !ids.includes(id));
  if (unknown.length > 0) {
    notes.push({
      location: where,
      reason: `the correct response names ${unknown.join(', ')}, which is not a choice of the item`,
      keptAs: 'partial',
    });
  }
  const keyUnknown = response.correct.length === unknown.length;
  if (keyUnknown) {
    notes.push({
      location: where,
      reason:
        'the item declares no correct response: the question is imported with key=unknown and is not scored until you mark the key',
      keptAs: 'partial',
    });
  }
  const options = choices.map((choice, index) => ({
    html: html(choice),
    correct: response.correct.includes(ids[index] ?? ''),
  }));
  return { answer: { kind, options, allOrNothing: kind === 'multiple' }, keyUnknown, notes };
}

function weighted(
  kind: 'single' | 'multiple',
  ids: readonly string[],
  mapping: Mapping,
  htmls: readonly string[],
  where: SourceLocation,
): ChoiceReading {
  const maximum = mappingMaximum(mapping, kind);
  const notes: DraftNote[] = [];
  if (!(maximum > 0)) {
    notes.push({
      location: where,
      reason: 'the mapping awards no positive score to any choice: imported with key=unknown',
      keptAs: 'partial',
    });
    return { answer: { kind, options: htmls.map((html) => ({ html, correct: false })) }, keyUnknown: true, notes };
  }
  const max = exact(maximum);
  let weights = ids.map((id) => exact(mapped(mapping, id)).dividedBy(max));
  if (kind === 'multiple') weights = normalisedMultiple(weights, mapping, maximum, where, notes);
  weights = weights.map((weight) => clampWeight(weight, where, notes));
  const options = htmls.map((html, index) => {
    const weight = weights[index] ?? Rational.ZERO;
    return { html, correct: kind === 'single' ? weight.equals(1) : weight.isPositive(), weight };
  });
  const plainKey = kind === 'single' && weights.every((weight) => weight.equals(1) || weight.isZero());
  return {
    answer: { kind, options: plainKey ? options.map(({ html, correct }) => ({ html, correct })) : options },
    keyUnknown: false,
    notes,
  };
}

/** Moodle's multiple-answer rule needs positive weights totalling 1 and a total kept at or above 0. */
function normalisedMultiple(
  weights: Rational[],
  mapping: Mapping,
  maximum: number,
  where: SourceLocation,
  notes: DraftNote[],
): Rational[] {
  const positive = Rational.sum(weights.filter((weight) => weight.isPositive()));
  let result = weights;
  if (!positive.equals(1) && positive.isPositive()) {
    notes.push({
      location: where,
      reason: `the mapping's upper bound (${maximum}) is below the sum of its positive values, so full marks come before every right choice; the weights were scaled so that all the right choices together earn full marks`,
      keptAs: 'partial',
    });
    result = weights.map((weight) => (weight.isPositive() ? weight.dividedBy(positive) : weight));
  }
  const negative = result.some((weight) => weight.isNegative());
  if (negative && (mapping.lowerBound === undefined || mapping.lowerBound < 0)) {
    notes.push({
      location: where,
      reason: `the mapping lets the item's score go below 0 (lower bound ${mapping.lowerBound ?? 'none'}); Examforge, like Moodle, counts a negative total of a multiple-answer question as 0`,
      keptAs: 'partial',
    });
  }
  return result;
}

function clampWeight(weight: Rational, where: SourceLocation, notes: DraftNote[]): Rational {
  if (weight.compare(-1) >= 0 && weight.compare(1) <= 0) return weight;
  const clamped = weight.clamp(Rational.of(-1), Rational.ONE);
  notes.push({
    location: where,
    reason: `a choice is worth ${weight.toString()} of the item's maximum, outside -1 to 1; it was kept as ${clamped.toString()}`,
    keptAs: 'partial',
  });
  return clamped;
}

function mapped(mapping: Mapping, id: string): number {
  return mapping.entries.find((entry) => entry.key === id)?.value ?? mapping.defaultValue;
}

/** A mapped value as an exact number: 0.3333333 is 1/3, so three of them make full marks. */
function exact(value: number): Rational {
  return qtiRational(value) ?? Rational.ZERO;
}
