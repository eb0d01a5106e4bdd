import { computedQuestionIds, findQuestion } from '@examforge/core';
import { styles, type Output } from '../console.js';
import { EXIT, UserError } from '../errors.js';
import { examForSeed } from '../instantiate.js';
import { loadExam } from '../load-exam.js';
import { renderExamText } from '../render/exam-text.js';

export interface ShowOptions {
  readonly student?: boolean;
  readonly question?: readonly string[];
  /** A variant seed: computed questions are shown as that seed's student gets them. */
  readonly seed?: string;
}

/**
 * `examforge show <exam>`: the exam as readable text, with the key and notes unless `--student`. Computed questions
 * show their template, or with `--seed` the instance that seed's student gets.
 */
export async function runShow(path: string, options: ShowOptions, output: Output): Promise<number> {
  const template = loadExam(path);
  const exam = options.seed === undefined ? template : await examForSeed(template, options.seed, path);
  const only = options.question ?? [];
  for (const id of only) {
    if (!findQuestion(exam, id))
      throw new UserError(`no question \`${id}\` in ${path}`, [
        'question ids are listed by `examforge show` in [brackets]',
      ]);
  }
  const s = styles(output);
  const computed = computedQuestionIds(exam).length;
  const about =
    computed === 0
      ? []
      : [
          '',
          s.dim(
            options.seed === undefined
              ? `${computed} computed question(s) shown as their templates; --seed <seed> shows a student's instances.`
              : `Computed questions as generated for seed "${options.seed}".`,
          ),
        ];
  output.out(
    [...renderExamText(exam, { student: options.student === true, width: output.width, only }, s), ...about].join('\n'),
  );
  return EXIT.ok;
}
