import { optionWeights } from '../exam-queries.js';
import { diagnostic, type Diagnostic, type Position } from '../format/diagnostic.js';
import { optionLetter, type ChoiceQuestion, type Section } from '../model.js';
import { Rational } from '../rational.js';

/** Moodle refuses a multiple-answer question whose positive grades do not total 100 % once rounded to 2 decimals. */
const SUM_TOLERANCE = Rational.of(1, 200);

/**
 * The checks on option weights (docs/decisions/0015): each in [-1, 1]; a single choice has an option worth full
 * marks; a multiple answer's positive weights total 1; `[x]` marks exactly the options that earn full marks (single)
 * or any marks (multiple), so the key and the weights tell one story; no `scoring=`, penalty or generator beside them.
 */
export function checkWeights(
  question: ChoiceQuestion,
  section: Section,
  where: Position,
  at: (key: string) => Position,
): Diagnostic[] {
  const weights = optionWeights(question);
  if (!weights) return [];
  const about = { questionId: question.id };
  const optionAt = (index: number) => at(`question.${question.id}.option.${index}`);
  const found: Diagnostic[] = [];
  weights.forEach((weight, index) => {
    if (weight.compare(1) > 0 || weight.compare(-1) < 0) {
      found.push(
        diagnostic('error', 'weight-out-of-range', optionAt(index), outOfRange(question.id, index, weight), {
          ...about,
          expected: 'a weight between -1 and 1: the fraction of the marks the option earns or costs',
          hint: "raise the question's marks instead of giving an option more than full marks",
        }),
      );
    }
    const marked = question.options[index]?.correct ?? false;
    const earnsKey = question.kind === 'single' ? weight.equals(1) : weight.isPositive();
    if (marked !== earnsKey) found.push(keyMismatch(question, index, weight, optionAt(index)));
  });
  found.push(...checkTotal(question, weights, where), ...checkCompanions(question, section, where));
  return found;
}

function outOfRange(questionId: string, index: number, weight: Rational): string {
  return `option (${optionLetter(index)}) of \`${questionId}\` has weight ${weight.toString()}, outside -1 to 1`;
}

function keyMismatch(question: ChoiceQuestion, index: number, weight: Rational, at: Position): Diagnostic {
  const letter = optionLetter(index);
  const rule =
    question.kind === 'single'
      ? 'on a weighted single-choice question `[x]` marks the options of weight 1'
      : 'on a weighted multiple-answer question `[x]` marks the options of positive weight';
  const marked = question.options[index]?.correct ?? false;
  return diagnostic(
    'error',
    'weight-key-mismatch',
    at,
    `option (${letter}) of \`${question.id}\` is marked ${marked ? '[x]' : '[ ]'} but has weight ${weight.toString()}`,
    { questionId: question.id, hint: `${rule}; an option without weight= weighs 0` },
  );
}

function checkTotal(question: ChoiceQuestion, weights: readonly Rational[], where: Position): Diagnostic[] {
  const about = { questionId: question.id };
  if (question.kind === 'single') {
    if (weights.some((weight) => weight.equals(1)) || question.keyUnknown) return [];
    return [
      diagnostic('error', 'weighted-single-no-full', where, `no option of \`${question.id}\` is worth full marks`, {
        ...about,
        expected: 'one option with weight=1 (Moodle: one of the choices should be 100 %)',
      }),
    ];
  }
  const total = Rational.sum(weights.filter((weight) => weight.isPositive()));
  if (total.equals(1) || question.keyUnknown) return [];
  const off = total.minus(1);
  const near = off.compare(SUM_TOLERANCE) <= 0 && off.compare(SUM_TOLERANCE.negated()) >= 0;
  const message = `the positive weights of \`${question.id}\` total ${total.toString()}, not 1`;
  const hint = near
    ? 'write thirds and sixths as fractions (weight=1/3), so the best answer earns exactly full marks'
    : 'the options that together make the full answer must total 1 (Moodle: the positive grades total 100 %)';
  return [diagnostic(near ? 'warning' : 'error', 'weights-total', where, message, { ...about, hint })];
}

function checkCompanions(question: ChoiceQuestion, section: Section, where: Position): Diagnostic[] {
  const about = { questionId: question.id };
  const found: Diagnostic[] = [];
  if (question.kind === 'multiple' && question.scoring) {
    found.push(
      diagnostic('error', 'weighted-with-scoring', where, `\`${question.id}\` has both option weights and scoring=`, {
        ...about,
        hint: 'weights decide the score of a weighted question: remove scoring= or the weights',
      }),
    );
  }
  const penalty = question.penalty ?? section.penalty;
  if (!penalty.isZero()) {
    found.push(
      diagnostic('warning', 'weighted-penalty', where, `the penalty does not apply to weighted \`${question.id}\``, {
        ...about,
        hint: 'give wrong options a negative weight (weight=-1/3) to take marks off',
      }),
    );
  }
  if (question.generator) {
    found.push(
      diagnostic('error', 'weighted-generator', where, `computed question \`${question.id}\` has option weights`, {
        ...about,
        hint: 'a generator makes the options and key of each instance; weights are for written options',
      }),
    );
  }
  return found;
}
