import { Rational } from '@examforge/core';
import type { Element } from '@xmldom/xmldom';
import { qtiAttr, qtiName } from './qti-names.js';
import { qtiRational } from './qti-number.js';
import { childElements, descendants, isElement, textOf } from './xml-document.js';

/**
 * SCORE as a response's mapped value moved by a constant and clamped:
 * `min(upper, max(lower, mapResponse(response) + constant))`, a bound absent when there is none. The plain
 * `map_response` template is the constant 0 with no bounds; Examforge's QTI export writes every-decision and
 * per-option as `min(ceiling, max(floor, sum(mapResponse, constant)))`.
 */
export interface MappedScoreFormula {
  readonly response: string;
  readonly constant: Rational;
  readonly lower?: Rational;
  readonly upper?: Rational;
}

/**
 * The formula of response processing whose only score is one mapped response, set unconditionally or in the else
 * branch of a blank test (`if isNull(RESPONSE) SCORE = 0 else SCORE = …`); undefined for any other rules (a match
 * against the key, several mapped responses, an operator other than sum, subtract, min and max with numbers).
 *
 * @example
 * readMappedScoreFormula(processing); // { response: 'RESPONSE', constant: Rational 1/2, lower: Rational 0, upper: Rational 2 }
 */
export function readMappedScoreFormula(processing: Element): MappedScoreFormula | undefined {
  const sets = descendants(
    processing,
    (element) => qtiName(element) === 'setOutcomeValue' && qtiAttr(element, 'identifier') === 'SCORE',
  );
  const mapped = sets.filter((set) => descendants(set, (e) => qtiName(e) === 'mapResponse').length > 0);
  const [set] = mapped;
  if (!set || mapped.length > 1) return undefined;
  if (!sets.every((other) => other === set || isBlankScore(other))) return undefined;
  if (!(set.parentNode === processing || isElseOfBlankTest(set))) return undefined;
  const [expression, ...more] = childElements(set);
  return expression && more.length === 0 ? affine(expression) : undefined;
}

/** The formula of the standard `map_response` template: the mapped value itself (0 when blank). */
export function templateMappedScore(response: string): MappedScoreFormula {
  return { response, constant: Rational.ZERO };
}

/** `SCORE = 0` in the if branch of a blank test. */
function isBlankScore(set: Element): boolean {
  const [value, ...more] = childElements(set);
  const zero = value !== undefined && more.length === 0 && constantOf(value)?.isZero() === true;
  const branch = parentOf(set);
  return zero && branch !== undefined && qtiName(branch) === 'responseIf' && isBlankTest(childElements(branch)[0]);
}

function isElseOfBlankTest(set: Element): boolean {
  const branch = parentOf(set);
  const condition = branch && parentOf(branch);
  if (!branch || !condition || qtiName(branch) !== 'responseElse') return false;
  const branches = childElements(condition);
  return branches.length === 2 && isBlankTest(childElements(branches[0] as Element)[0]);
}

function parentOf(element: Element): Element | undefined {
  return isElement(element.parentNode) ? element.parentNode : undefined;
}

function isBlankTest(test: Element | undefined): boolean {
  return test !== undefined && qtiName(test) === 'isNull';
}

/** An expression as `min(upper, max(lower, mapped + constant))`, or undefined when it is not one. */
function affine(expression: Element): MappedScoreFormula | undefined {
  const name = qtiName(expression);
  if (name === 'mapResponse') {
    const response = qtiAttr(expression, 'identifier');
    return response === undefined ? undefined : templateMappedScore(response);
  }
  const operands = childElements(expression);
  const formulas = operands.filter((operand) => constantOf(operand) === undefined);
  const constants = operands.flatMap((operand) => constantOf(operand) ?? []);
  const [inner] = formulas;
  if (formulas.length !== 1 || !inner || constants.length !== operands.length - 1) return undefined;
  const formula = affine(inner);
  if (!formula) return undefined;
  switch (name) {
    case 'sum':
      return shifted(formula, Rational.sum(constants));
    case 'subtract':
      // Only `mapped - constant`: `constant - mapped` would turn the mapping round.
      return operands[0] === inner ? shifted(formula, Rational.sum(constants).negated()) : undefined;
    case 'max':
      return constants.reduce(atLeast, formula);
    case 'min':
      return constants.reduce(atMost, formula);
    default:
      return undefined;
  }
}

function shifted(formula: MappedScoreFormula, by: Rational): MappedScoreFormula {
  return {
    response: formula.response,
    constant: formula.constant.plus(by),
    ...(formula.lower && { lower: formula.lower.plus(by) }),
    ...(formula.upper && { upper: formula.upper.plus(by) }),
  };
}

/** `max(bound, formula)`: the lower bound rises to `bound`, and so does an upper bound below it. */
export function atLeast(formula: MappedScoreFormula, bound: Rational): MappedScoreFormula {
  return {
    ...formula,
    lower: formula.lower ? Rational.max(formula.lower, bound) : bound,
    ...(formula.upper && { upper: Rational.max(formula.upper, bound) }),
  };
}

/** `min(bound, formula)`: the upper bound falls to `bound`, and so does a lower bound above it. */
export function atMost(formula: MappedScoreFormula, bound: Rational): MappedScoreFormula {
  return {
    ...formula,
    upper: formula.upper ? Rational.min(formula.upper, bound) : bound,
    ...(formula.lower && { lower: Rational.min(formula.lower, bound) }),
  };
}

/** A numeric `baseValue` as an exact number (a long decimal snapped to its fraction). */
function constantOf(element: Element): Rational | undefined {
  if (qtiName(element) !== 'baseValue') return undefined;
  const type = qtiAttr(element, 'baseType');
  if (type !== 'float' && type !== 'integer') return undefined;
  const text = textOf(element).trim();
  return text === '' ? undefined : qtiRational(Number(text));
}
