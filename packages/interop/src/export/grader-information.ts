import type { Rational } from '@examforge/core';
import { type FreeResponseQuestion } from '@examforge/core';

/**
 * What a grader reads beside a written answer (Moodle's `<graderinfo>`, a QTI scorer rubric block), as Markdown: the model solution and the rubric with
 * each item's points, and how the rubric is applied.
 */
export function graderInformation(question: FreeResponseQuestion, marks: Rational): string {
  const parts: string[] = [];
  if (question.solution) parts.push('**Model solution**', question.solution);
  if (question.rubric.length > 0) {
    parts.push(
      question.rubricFrom === 'full'
        ? `**Rubric** (start from ${marks.toString()} marks; each item applied adds its points, deductions are negative)`
        : '**Rubric** (start from 0; add the points of each item that applies)',
      question.rubric.map((item) => `- ${signed(item.points)}: ${item.text.replace(/\n/g, ' ')}`).join('\n'),
    );
  }
  return parts.join('\n\n');
}

function signed(points: Rational): string {
  return points.isNegative() ? points.toString() : `+${points.toString()}`;
}
