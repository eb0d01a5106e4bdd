import type { Element } from '@xmldom/xmldom';
import { childElements, descendants, textOf } from './xml-document.js';

/** One `respcondition` of a QTI 1.2 item, as far as scoring goes. */
export interface Qti12Condition {
  readonly element: Element;
  /** `varequal` tests not under a `not`: the responses (idents or typed values) that earn the score. */
  readonly positives: readonly Qti12Test[];
  readonly negatives: readonly Qti12Test[];
  /** Bounds of numeric tests (`vargte`, `varlte`, `vargt`, `varlt`) by response. */
  readonly lower?: number;
  readonly upper?: number;
  readonly action: 'Set' | 'Add' | 'Subtract' | 'Multiply' | 'Divide';
  /** The value the score variable is set to (or changed by); undefined when the condition sets no score. */
  readonly value?: number;
}

export interface Qti12Test {
  readonly respident: string;
  readonly value: string;
}

/**
 * Reads the `respcondition`s of an item's `resprocessing`: which `varequal`s (and which negated ones) lead to which
 * `setvar`. Feedback-only conditions (no `setvar`) are kept with no value, so typed answers listed only there still
 * show up.
 *
 * @example
 * readConditions(resprocessing).filter((c) => (c.value ?? 0) > 0).flatMap((c) => c.positives);
 */
export function readConditions(resprocessing: Element | undefined): Qti12Condition[] {
  if (!resprocessing) return [];
  return childElements(resprocessing)
    .filter((element) => element.localName === 'respcondition')
    .map(readCondition);
}

function readCondition(element: Element): Qti12Condition {
  const conditionvar = childElements(element).find((child) => child.localName === 'conditionvar');
  const positives: Qti12Test[] = [];
  const negatives: Qti12Test[] = [];
  if (conditionvar) collectTests(conditionvar, false, positives, negatives);
  const bounds = conditionvar ? numericBounds(conditionvar) : {};
  const setvar = childElements(element).find((child) => child.localName === 'setvar');
  const value = setvar ? Number(textOf(setvar).trim()) : Number.NaN;
  const action = (setvar?.getAttribute('action') ?? 'Set') as Qti12Condition['action'];
  return { element, positives, negatives, ...bounds, action, ...(Number.isFinite(value) && { value }) };
}

function collectTests(element: Element, negated: boolean, positives: Qti12Test[], negatives: Qti12Test[]): void {
  for (const child of childElements(element)) {
    if (child.localName === 'varequal') {
      const test = { respident: child.getAttribute('respident') ?? '', value: textOf(child).trim() };
      (negated ? negatives : positives).push(test);
    } else if (child.localName === 'not') collectTests(child, !negated, positives, negatives);
    else if (child.localName === 'and' || child.localName === 'or') collectTests(child, negated, positives, negatives);
  }
}

function numericBounds(conditionvar: Element): { lower?: number; upper?: number } {
  const bound = (names: string[]) => {
    const found = descendants(conditionvar, (e) => names.includes(e.localName ?? ''))[0];
    const value = found ? Number(textOf(found).trim()) : Number.NaN;
    return Number.isFinite(value) ? value : undefined;
  };
  const lower = bound(['vargte', 'vargt']);
  const upper = bound(['varlte', 'varlt']);
  return { ...(lower !== undefined && { lower }), ...(upper !== undefined && { upper }) };
}

/** The score each choice of a response earns when it alone is tested: `Set` replaces, `Add` accumulates. */
export function scorePerChoice(conditions: readonly Qti12Condition[], respident: string): Map<string, number> {
  const scores = new Map<string, number>();
  for (const condition of conditions) {
    const mine = condition.positives.filter((test) => test.respident === respident);
    if (condition.value === undefined || mine.length !== 1 || condition.negatives.length > 0) continue;
    const choice = mine[0]?.value ?? '';
    const before = scores.get(choice) ?? 0;
    scores.set(
      choice,
      condition.action === 'Add'
        ? before + condition.value
        : condition.action === 'Subtract'
          ? before - condition.value
          : condition.value,
    );
  }
  return scores;
}
