import { listQuestions } from '../exam-queries.js';
import { readOptionValue } from '../format/option-value.js';
import type { ChoiceOption, Exam, NumericQuestion, Question, SingleChoiceQuestion } from '../model.js';
import type { GeneratedChoiceQuestion, GeneratedQuestion } from './generated-question.js';

export type ComputedQuestionErrorCode =
  | 'missing-instance'
  | 'not-computed'
  | 'kind-mismatch'
  | 'empty-stem'
  | 'option-count'
  | 'correct-count'
  | 'empty-option'
  | 'duplicate-option'
  | 'option-value'
  | 'duplicate-value'
  | 'answer';

/** An instance that cannot stand in for its question; `code` is stable, `message` says what is wrong. */
export class ComputedQuestionError extends Error {
  constructor(
    readonly code: ComputedQuestionErrorCode,
    readonly questionId: string,
    message: string,
  ) {
    super(`computed question \`${questionId}\`: ${message}`);
    this.name = 'ComputedQuestionError';
  }
}

export interface InstanceProblem {
  readonly code: ComputedQuestionErrorCode;
  readonly message: string;
}

/**
 * The ids of the exam's computed questions (those with a generator), in exam order.
 *
 * @example
 * computedQuestionIds(exam); // ['conv-output-size', 'transposed-conv-size', …]
 */
export function computedQuestionIds(exam: Exam): string[] {
  return listQuestions(exam).flatMap(({ question }) => (question.generator ? [question.id] : []));
}

/**
 * The exam one student sits: each computed question replaced by its instance (stem, options, key, explanation), every
 * other field (id, marks, section, fixed options, check, note) kept from the file. Pure; throws a
 * `ComputedQuestionError` when an instance is missing, belongs to no computed question, or is not a valid question.
 * An instance has as many options as its template, so a student's option order and answer-sheet layout never depend
 * on what was generated.
 *
 * @example
 * const { instances } = await generateQuestions(exam, variant.seed);
 * const sat = instantiateExam(exam, instances);
 * score(sat, responses);
 */
export function instantiateExam(exam: Exam, instances: Readonly<Record<string, GeneratedQuestion>>): Exam {
  const computed = new Set(computedQuestionIds(exam));
  for (const id of Object.keys(instances)) {
    if (!computed.has(id))
      throw new ComputedQuestionError('not-computed', id, 'the exam has no such computed question');
  }
  const sections = exam.sections.map((section) => ({
    ...section,
    questions: section.questions.map((question) => {
      if (!question.generator) return question;
      const instance = instances[question.id];
      if (!instance) throw new ComputedQuestionError('missing-instance', question.id, 'no instance was given');
      return instantiateQuestion(question, instance);
    }),
  }));
  return { ...exam, sections };
}

/**
 * One question with its instance in place of its template (what `instantiateExam` does to each computed question);
 * throws a `ComputedQuestionError` when the instance is not a valid question.
 *
 * @example
 * judge(instantiateQuestion(question, instance), computed);
 */
export function instantiateQuestion(question: Question, instance: GeneratedQuestion): Question {
  const problem = instanceProblems(question, instance)[0];
  if (problem) throw new ComputedQuestionError(problem.code, question.id, problem.message);
  return instantiated(question, instance);
}

/**
 * Everything wrong with an instance of a question, empty when it can stand in for the question. For reports that
 * list problems instead of stopping at the first (`examforge verify`).
 *
 * @example
 * instanceProblems(question, { kind: 'single', stem: 'x', options: [] })[0]?.code; // 'option-count'
 */
export function instanceProblems(question: Question, instance: GeneratedQuestion): InstanceProblem[] {
  if (question.kind !== instance.kind)
    return [problem('kind-mismatch', `the generator made a ${instance.kind} question for a ${question.kind} one`)];
  const found: InstanceProblem[] = [];
  if (instance.stem.trim() === '') found.push(problem('empty-stem', 'the stem is empty'));
  if (instance.kind === 'numeric') {
    if (!Number.isFinite(instance.answer.value))
      found.push(problem('answer', `the answer ${String(instance.answer.value)} is not a finite number`));
    return found;
  }
  const template = question as SingleChoiceQuestion;
  return [...found, ...optionProblems(template, instance)];
}

function optionProblems(template: SingleChoiceQuestion, instance: GeneratedChoiceQuestion): InstanceProblem[] {
  const { options } = instance;
  const found: InstanceProblem[] = [];
  if (options.length !== template.options.length)
    found.push(problem('option-count', `${options.length} options where the template has ${template.options.length}`));
  const correct = options.filter((option) => option.correct).length;
  if (correct !== 1) found.push(problem('correct-count', `${correct} options are marked correct; exactly one must be`));
  if (options.some((option) => option.text.trim() === '')) found.push(problem('empty-option', 'an option is empty'));
  const texts = options.map((option) => option.text.toLowerCase().replace(/\s+/g, ' ').trim());
  const repeated = texts.find((text, index) => texts.indexOf(text) !== index);
  if (repeated !== undefined) found.push(problem('duplicate-option', `two options read "${repeated}"`));
  const values = options.flatMap((option) => (option.value === undefined ? [] : [option.value]));
  const unreadable = values.find((value) => !readOptionValue(value));
  if (unreadable !== undefined) found.push(problem('option-value', `cannot read the option value "${unreadable}"`));
  const sameValue = values.find((value, index) => values.indexOf(value) !== index);
  if (sameValue !== undefined) found.push(problem('duplicate-value', `two options have the value ${sameValue}`));
  return found;
}

function instantiated(question: Question, instance: GeneratedQuestion): Question {
  const common = {
    stem: instance.stem,
    keyUnknown: false,
    ...(instance.explanation !== undefined && { explanation: instance.explanation }),
  };
  if (instance.kind === 'numeric') return { ...(question as NumericQuestion), ...common, answer: instance.answer };
  const template = question as SingleChoiceQuestion;
  const options = instance.options.map((option, index): ChoiceOption => ({
    text: option.text,
    correct: option.correct,
    fixed: template.options[index]?.fixed ?? false,
    ...(option.value !== undefined && { value: option.value }),
  }));
  return { ...template, ...common, options, acceptAny: false };
}

function problem(code: ComputedQuestionErrorCode, message: string): InstanceProblem {
  return { code, message };
}
