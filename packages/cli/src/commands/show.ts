import { findQuestion } from '@examforge/core';
import { styles, type Output } from '../console.js';
import { EXIT, UserError } from '../errors.js';
import { loadExam } from '../load-exam.js';
import { renderExamText } from '../render/exam-text.js';

export interface ShowOptions {
  readonly student?: boolean;
  readonly question?: readonly string[];
}

/** `examforge show <exam>`: the exam as readable text, with the key and notes unless `--student`. */
export function runShow(path: string, options: ShowOptions, output: Output): number {
  const exam = loadExam(path);
  const only = options.question ?? [];
  for (const id of only) {
    if (!findQuestion(exam, id))
      throw new UserError(`no question \`${id}\` in ${path}`, [
        'question ids are listed by `examforge show` in [brackets]',
      ]);
  }
  output.out(
    renderExamText(exam, { student: options.student === true, width: output.width, only }, styles(output)).join('\n'),
  );
  return EXIT.ok;
}
