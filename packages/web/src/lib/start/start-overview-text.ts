import type { StartOverview } from '@examforge/server/api';
import { formatMarks } from '../format/format-answer.js';

type OverviewSection = StartOverview['sections'][number];

/**
 * A section's rules in one line: how many questions, their marks and what a wrong answer costs.
 *
 * @example
 * describeSectionRules({ questions: 26, marks: ['0.5'], penalties: ['0.5'], … });
 * // '26 questions, 0.5 marks each; a wrong answer takes 0.5 marks off'
 */
export function describeSectionRules(section: Pick<OverviewSection, 'questions' | 'marks' | 'penalties'>): string {
  const count = `${section.questions} question${section.questions === 1 ? '' : 's'}`;
  const marks =
    section.marks.length === 1 ? `${formatMarks(section.marks[0] ?? '0')} each` : `${section.marks.join(', ')} marks`;
  const penalties = section.penalties.filter((penalty) => penalty !== '0');
  const penalty =
    penalties.length === 0
      ? 'no marks off for a wrong answer'
      : `a wrong answer takes ${penalties.join(' or ')} mark${penalties.length === 1 && penalties[0] === '1' ? '' : 's'} off`;
  return `${count}, ${marks}; ${penalty}`;
}

/**
 * Whether any section takes marks off for a wrong answer, and what a blank costs: the negative-marking rule spelled out
 * once, above the sections. Undefined when nothing is taken off anywhere.
 *
 * @example
 * negativeMarkingRule(overview); // 'Negative marking: in Beginner a wrong answer takes 0.5 marks off. …'
 */
export function negativeMarkingRule(
  sections: readonly Pick<OverviewSection, 'title' | 'penalties'>[],
): string | undefined {
  const marked = sections.filter((section) => section.penalties.some((penalty) => penalty !== '0'));
  if (marked.length === 0) return undefined;
  const where = marked.map(
    (section) => `in ${section.title} a wrong answer takes ${nonZero(section).join(' or ')} off`,
  );
  return (
    `Negative marking: ${where.join('; ')}. A question left unanswered takes nothing off, so answer only when you ` +
    'are reasonably sure.'
  );
}

function nonZero(section: Pick<OverviewSection, 'penalties'>): string[] {
  return section.penalties.filter((penalty) => penalty !== '0').map((penalty) => formatMarks(penalty));
}

/**
 * The time this student has, in words, with their extra time said plainly.
 *
 * @example
 * describeOwnTime(9000, 120, 1.25); // '2 h 30 min (the exam's 2 h with your 25 % extra time)'
 */
export function describeOwnTime(ownSeconds: number, sittingMinutes: number, multiplier: number): string {
  const own = formatSeconds(ownSeconds);
  if (multiplier === 1) return own;
  const percent = Math.round((multiplier - 1) * 100);
  return `${own} (the exam's ${formatSeconds(sittingMinutes * 60)} with your ${percent} % extra time)`;
}

/** @example formatSeconds(5430); // '1 h 30 min 30 s' */
export function formatSeconds(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts = [hours > 0 ? `${hours} h` : '', minutes > 0 ? `${minutes} min` : '', rest > 0 ? `${rest} s` : ''];
  return parts.filter(Boolean).join(' ') || '0 min';
}

/**
 * The last moment to start with all one's time: the timer never runs past the window's close.
 *
 * @example
 * latestFullStart('2025-01-06T12:00:00Z', 3600); // '2025-01-06T11:00:00.000Z'
 */
export function latestFullStart(closesAt: string, ownSeconds: number): string {
  return new Date(new Date(closesAt).getTime() - ownSeconds * 1000).toISOString();
}
