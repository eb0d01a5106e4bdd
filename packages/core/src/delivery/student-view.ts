import { listQuestions, marksOf, penaltyOf } from '../exam-queries.js';
import { optionIndex, type Exam, type Question } from '../model.js';
import { instructionsFor } from './instructions-for.js';
import type { Variant } from './variant.js';

/**
 * What a student may see of an exam before results are released: the questions in their variant's order, and nothing
 * of the key — no correct flags, explanations, solutions, rubrics, numeric answers, instructor titles or notes.
 * Built by choosing fields (never by deleting them from the full exam), so a field added to the model later cannot
 * leak by accident.
 */
export interface StudentExamView {
  readonly id: string;
  readonly title: string;
  readonly term?: string;
  readonly duration: number;
  readonly instructions?: string;
  readonly sections: readonly StudentSectionView[];
}

export interface StudentSectionView {
  readonly id: string;
  readonly title: string;
  readonly questions: readonly StudentQuestionView[];
}

export interface StudentQuestionView {
  readonly id: string;
  /** 1-based position as this student sees it. */
  readonly number: number;
  readonly kind: Question['kind'];
  readonly stem: string;
  readonly marks: string;
  readonly penalty: string;
  /** Choice questions: options in the order shown, each with its canonical letter (what answers are stored as). */
  readonly options?: readonly { readonly letter: string; readonly text: string }[];
}

export function studentView(exam: Exam, variant: Variant): StudentExamView {
  const placed = new Map(listQuestions(exam).map((entry) => [entry.question.id, entry]));
  let number = 0;
  const onlineInstructions = instructionsFor(exam.instructions, 'online');
  return {
    id: exam.id,
    title: exam.title,
    ...(exam.term !== undefined && { term: exam.term }),
    duration: exam.duration,
    // Online, the paper-only lines (how to fill a box) would only confuse.
    ...(onlineInstructions !== undefined && { instructions: onlineInstructions }),
    sections: exam.sections.map((section) => ({
      id: section.id,
      title: section.title,
      questions: (variant.questionOrder[section.id] ?? section.questions.map((q) => q.id)).flatMap((id) => {
        const entry = placed.get(id);
        if (!entry) return [];
        number += 1;
        return [
          questionView(
            entry.question,
            marksOf(entry.question, section).toString(),
            penaltyOf(entry.question, section).toString(),
            number,
            variant,
          ),
        ];
      }),
    })),
  };
}

function questionView(
  question: Question,
  marks: string,
  penalty: string,
  number: number,
  variant: Variant,
): StudentQuestionView {
  const base = { id: question.id, number, kind: question.kind, stem: question.stem, marks, penalty };
  if (question.kind !== 'single' && question.kind !== 'multiple') return base;
  const order = variant.optionOrder[question.id] ?? question.options.map((_, index) => String.fromCharCode(97 + index));
  const options = order.map((letter) => ({ letter, text: question.options[optionIndex(letter)]?.text ?? '' }));
  return { ...base, options };
}
