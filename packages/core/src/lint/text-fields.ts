import type { Exam } from '../model.js';

/** A piece of Markdown in the exam, keyed as in the source map. */
export interface TextField {
  readonly key: string;
  readonly text: string;
  readonly questionId?: string;
}

/** Every Markdown text of the exam, for checks that look inside text (TeX, images). */
export function listTextFields(exam: Exam): TextField[] {
  const fields: TextField[] = [];
  if (exam.instructions !== undefined) fields.push({ key: 'exam.instructions', text: exam.instructions });
  for (const section of exam.sections) {
    for (const question of section.questions) {
      const add = (suffix: string, text: string | undefined) => {
        if (text !== undefined)
          fields.push({ key: `question.${question.id}.${suffix}`, text, questionId: question.id });
      };
      add('stem', question.stem);
      if (question.kind === 'single' || question.kind === 'multiple') {
        question.options.forEach((option, index) => add(`option.${index}`, option.text));
      }
      add('explanation', question.explanation);
      if (question.kind === 'free') {
        add('solution', question.solution);
        question.rubric.forEach((item, index) => add(`rubric.${index}`, item.text));
      }
      add('note', question.note);
    }
  }
  return fields;
}
