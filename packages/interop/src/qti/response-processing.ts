import type { Element } from '@xmldom/xmldom';
import { readMappedScoreFormula, templateMappedScore, type MappedScoreFormula } from './mapped-score-formula.js';
import { qtiAttr, qtiName } from './qti-names.js';
import { childElements, descendants } from './xml-document.js';

/** What an item's response processing does, as far as a key and a scoring rule can be read from it. */
export interface ResponseProcessingReading {
  /** A standard template (`match_correct`, `map_response`, …) named by the template URL, or `custom` rules. */
  readonly kind: 'match_correct' | 'map_response' | 'map_response_point' | 'unknown-template' | 'custom';
  readonly template?: string;
  /** Responses compared with their correct response (`match`/`equal` with `correct`). */
  readonly comparedWithCorrect: ReadonlySet<string>;
  /** Responses scored through their mapping (`mapResponse`). */
  readonly mapped: ReadonlySet<string>;
  /** The `equal` comparison of a numeric response with its correct value: tolerance mode and bounds. */
  readonly tolerances: ReadonlyMap<string, NumericComparison>;
  /** Elements that make a key unreadable: extension operators (Maxima), unknown elements, misplaced branches. */
  readonly problems: readonly ResponseProcessingProblem[];
  /**
   * The score set in the else branch of the condition that compares the response with its correct value, when it is a
   * plain number: negative, it is the wrong-answer penalty (`if match … else SCORE = -0.5`).
   */
  readonly otherwise?: number;
  /** SCORE as one mapped response plus a constant, clamped (the `map_response` template is the plain mapping). */
  readonly formula?: MappedScoreFormula;
}

export interface NumericComparison {
  readonly mode: 'exact' | 'absolute' | 'relative';
  /** One or two numbers (lower and upper); empty for exact. */
  readonly tolerance: readonly number[];
}

export interface ResponseProcessingProblem {
  readonly element: Element;
  readonly reason: string;
}

const RULES = new Set([
  'responseCondition',
  'setOutcomeValue',
  'exitResponse',
  'lookupOutcomeValue',
  'responseProcessingFragment',
  'include',
]);

const EXPRESSIONS = new Set([
  'and',
  'or',
  'not',
  'match',
  'equal',
  'equalRounded',
  'lt',
  'lte',
  'gt',
  'gte',
  'sum',
  'product',
  'subtract',
  'divide',
  'power',
  'integerDivide',
  'integerModulus',
  'truncate',
  'round',
  'roundTo',
  'integerToFloat',
  'isNull',
  'member',
  'contains',
  'delete',
  'substring',
  'stringMatch',
  'patternMatch',
  'inside',
  'variable',
  'correct',
  'default',
  'baseValue',
  'mapResponse',
  'mapResponsePoint',
  'multiple',
  'ordered',
  'containerSize',
  'index',
  'fieldValue',
  'random',
  'randomInteger',
  'randomFloat',
  'anyN',
  'durationLT',
  'durationGTE',
  'customOperator',
  'mathOperator',
  'statsOperator',
  'max',
  'min',
  'gcd',
  'lcm',
  'repeat',
  'numberCorrect',
  'numberIncorrect',
  'numberPresented',
  'numberResponded',
  'numberSelected',
  'outcomeMaximum',
  'outcomeMinimum',
  'testVariables',
  'mathConstant',
  'null',
  'record',
]);

/**
 * Reads an item's `responseProcessing`: which standard template it names, or for written-out rules which responses
 * are compared with their correct response or mapped, the tolerance of numeric comparisons, and every element that
 * breaks the structure QTI defines (an else-if after the else, an unknown element, an extension operator).
 *
 * @example
 * readResponseProcessing(item.responseProcessing).kind; // 'match_correct'
 */
export function readResponseProcessing(element: Element): ResponseProcessingReading {
  const template = qtiAttr(element, 'template')?.trim();
  if (template) return templateReading(template);
  const problems = childElements(element).flatMap(checkRule);
  const all = descendants(element, () => true);
  return {
    kind: 'custom',
    comparedWithCorrect: new Set(all.filter(isComparison).flatMap(correctOperand)),
    mapped: new Set(all.filter((e) => qtiName(e) === 'mapResponse').flatMap((e) => qtiAttr(e, 'identifier') ?? [])),
    tolerances: new Map(all.filter((e) => qtiName(e) === 'equal').flatMap(numericComparison)),
    problems,
    ...otherwiseScore(element),
    ...mappedScore(element),
  };
}

function mappedScore(processing: Element): { formula?: MappedScoreFormula } {
  const formula = readMappedScoreFormula(processing);
  return formula ? { formula } : {};
}

/** The plain number SCORE gets in the else branch of the first condition that tests a response against its key. */
function otherwiseScore(processing: Element): { otherwise?: number } {
  const condition = childElements(processing).find(
    (rule) =>
      qtiName(rule) === 'responseCondition' &&
      descendants(rule, isComparison).some((c) => correctOperand(c).length > 0),
  );
  const otherwise = condition && childElements(condition).find((branch) => qtiName(branch) === 'responseElse');
  const [set] = otherwise ? childElements(otherwise) : [];
  if (!set || qtiName(set) !== 'setOutcomeValue' || qtiAttr(set, 'identifier') !== 'SCORE') return {};
  const [value] = childElements(set);
  const score = value && qtiName(value) === 'baseValue' ? Number((value.textContent ?? '').trim()) : Number.NaN;
  return Number.isFinite(score) ? { otherwise: score } : {};
}

function templateReading(template: string): ResponseProcessingReading {
  const name = /(match_correct|map_response_point|map_response)(\.xml)?$/.exec(template)?.[1];
  const kind =
    name === 'match_correct' || name === 'map_response' || name === 'map_response_point' ? name : 'unknown-template';
  return {
    kind,
    template,
    comparedWithCorrect: new Set(),
    mapped: new Set(),
    tolerances: new Map(),
    problems: [],
    ...(kind === 'map_response' && { formula: templateMappedScore('RESPONSE') }),
  };
}

function checkRule(rule: Element): ResponseProcessingProblem[] {
  const name = qtiName(rule);
  if (!RULES.has(name)) return [{ element: rule, reason: `\`${rule.localName}\` is not a response-processing rule` }];
  if (name !== 'responseCondition') return childElements(rule).flatMap(checkExpression);
  return checkCondition(rule);
}

/** `responseIf`, then any `responseElseIf`s, then at most one `responseElse`, last. */
function checkCondition(condition: Element): ResponseProcessingProblem[] {
  const branches = childElements(condition);
  const problems: ResponseProcessingProblem[] = [];
  let elseSeen = false;
  branches.forEach((branch, index) => {
    const name = qtiName(branch);
    if (index === 0 && name !== 'responseIf') {
      problems.push({
        element: branch,
        reason: `a response condition must start with an if, not \`${branch.localName}\``,
      });
    } else if (index > 0 && name === 'responseIf') {
      problems.push({ element: branch, reason: 'a response condition has a second if branch' });
    } else if (elseSeen && (name === 'responseElseIf' || name === 'responseElse')) {
      problems.push({
        element: branch,
        reason: `\`${branch.localName}\` comes after the else branch, where QTI allows nothing`,
      });
    } else if (!['responseIf', 'responseElseIf', 'responseElse'].includes(name)) {
      problems.push({ element: branch, reason: `\`${branch.localName}\` is not a branch of a response condition` });
    }
    if (name === 'responseElse') elseSeen = true;
    problems.push(...checkBranch(branch, name));
  });
  return problems;
}

function checkBranch(branch: Element, name: string): ResponseProcessingProblem[] {
  const children = childElements(branch);
  if (name === 'responseElse') return children.flatMap(checkRule);
  const [test, ...rules] = children;
  return [...(test ? checkExpression(test) : []), ...rules.flatMap(checkRule)];
}

function checkExpression(expression: Element): ResponseProcessingProblem[] {
  const name = qtiName(expression);
  if (name === 'customOperator') {
    const what = qtiAttr(expression, 'class') ?? qtiAttr(expression, 'definition') ?? 'an extension';
    return [
      {
        element: expression,
        reason: `the score is computed by a custom operator (${what}) that only its own engine runs`,
      },
    ];
  }
  if (!EXPRESSIONS.has(name) && name !== 'value') {
    return [{ element: expression, reason: `\`${expression.localName}\` is not a QTI expression` }];
  }
  return childElements(expression).flatMap(checkExpression);
}

function isComparison(element: Element): boolean {
  const name = qtiName(element);
  return name === 'match' || name === 'equal' || name === 'equalRounded';
}

/** The response a comparison tests against its correct value: `<match><variable X/><correct X/></match>`. */
function correctOperand(comparison: Element): string[] {
  const operands = childElements(comparison);
  const correct = operands.find((operand) => qtiName(operand) === 'correct');
  const variable = operands.find((operand) => qtiName(operand) === 'variable');
  const id = correct ? qtiAttr(correct, 'identifier') : undefined;
  return id !== undefined && variable && qtiAttr(variable, 'identifier') === id ? [id] : [];
}

function numericComparison(equal: Element): Array<[string, NumericComparison]> {
  const [id] = correctOperand(equal);
  if (id === undefined) return [];
  const mode = qtiAttr(equal, 'toleranceMode') ?? 'exact';
  const tolerance = (qtiAttr(equal, 'tolerance') ?? '').trim().split(/\s+/).filter(Boolean).map(Number);
  if (mode !== 'absolute' && mode !== 'relative') return [[id, { mode: 'exact', tolerance: [] }]];
  return [[id, { mode, tolerance: tolerance.filter(Number.isFinite) }]];
}

/** The identifiers the rules set outcomes for, e.g. to tell whether `SCORE` is set at all. */
export function outcomesSet(element: Element): Set<string> {
  return new Set(
    descendants(element, (e) => qtiName(e) === 'setOutcomeValue').flatMap((e) => qtiAttr(e, 'identifier') ?? []),
  );
}
