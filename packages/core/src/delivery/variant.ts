import { isChoiceQuestion, optionLetter, type Exam } from '../model.js';
import { seededRandom, shuffleInPlace } from './seeded-random.js';

/**
 * The order one student sees: questions within each section, options within each question. Answers are always stored
 * with the canonical option letters, so a variant changes what is shown, never what is scored.
 */
export interface Variant {
  readonly seed: string;
  /** Section id → question ids in the order shown. */
  readonly questionOrder: Readonly<Record<string, readonly string[]>>;
  /** Question id → canonical option letters in the order shown. */
  readonly optionOrder: Readonly<Record<string, readonly string[]>>;
}

export interface ShuffleSettings {
  readonly shuffleQuestions: boolean;
  readonly shuffleOptions: boolean;
}

/**
 * The variant for a seed (e.g. sitting id + student id). Options marked `fixed` ("none of the above") keep their place.
 *
 * @example
 * const variant = makeVariant(exam, `${sittingId}:${studentId}`, { shuffleQuestions: true, shuffleOptions: true });
 */
export function makeVariant(exam: Exam, seed: string, settings: ShuffleSettings): Variant {
  const random = seededRandom(seed);
  const questionOrder: Record<string, string[]> = {};
  const optionOrder: Record<string, string[]> = {};
  for (const section of exam.sections) {
    const ids = section.questions.map((question) => question.id);
    questionOrder[section.id] = settings.shuffleQuestions ? shuffleInPlace(ids, random) : ids;
    for (const question of section.questions) {
      if (!isChoiceQuestion(question)) continue;
      const letters = question.options.map((option, index) => ({ letter: optionLetter(index), fixed: option.fixed }));
      if (settings.shuffleOptions) shuffleInPlace(letters, random, (item) => !item.fixed);
      optionOrder[question.id] = letters.map((item) => item.letter);
    }
  }
  return { seed, questionOrder, optionOrder };
}

/**
 * The variant seed of one student in one sitting. Online attempts and printed papers use the same seed, so the same
 * student sees the same order and the same computed-question instances on screen and on paper.
 *
 * @example
 * variantSeed('sitting-42', 's001'); // 'sitting-42:s001'
 */
export function variantSeed(sittingId: string, studentId: string): string {
  return `${sittingId}:${studentId}`;
}
