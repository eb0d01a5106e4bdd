import type { StudentExamView, StudentQuestionView, StudentSectionView } from '@examforge/core';

/**
 * The contract types `AttemptState.exam` as unknown and core defines `StudentExamView` without a schema, so the app
 * checks the shape here, at the boundary, and builds the view by choosing fields. Undefined when it does not fit.
 *
 * @example
 * const view = readExamView(attempt.exam);
 * if (!view) throw new Error('The exam could not be read');
 */
export function readExamView(value: unknown): StudentExamView | undefined {
  if (!isRecord(value) || !isString(value.id) || !isString(value.title) || typeof value.duration !== 'number') {
    return undefined;
  }
  const sections = readList(value.sections, readSection);
  if (!sections) return undefined;
  return {
    id: value.id,
    title: value.title,
    duration: value.duration,
    ...(isString(value.term) && { term: value.term }),
    ...(isString(value.instructions) && { instructions: value.instructions }),
    sections,
  };
}

/** Every question of the view in the order shown. */
export function questionsOf(view: StudentExamView): readonly StudentQuestionView[] {
  return view.sections.flatMap((section) => section.questions);
}

const KINDS: ReadonlySet<string> = new Set<StudentQuestionView['kind']>(['single', 'multiple', 'numeric', 'free']);

function readSection(value: unknown): StudentSectionView | undefined {
  if (!isRecord(value) || !isString(value.id) || !isString(value.title)) return undefined;
  const questions = readList(value.questions, readQuestion);
  return questions && { id: value.id, title: value.title, questions };
}

function readQuestion(value: unknown): StudentQuestionView | undefined {
  if (!isRecord(value) || !isString(value.id) || typeof value.number !== 'number') return undefined;
  const { kind, stem, marks, penalty } = value;
  if (!isKind(kind) || !isString(stem) || !isString(marks) || !isString(penalty)) return undefined;
  const base = { id: value.id, number: value.number, kind, stem, marks, penalty };
  if (value.options === undefined) return base;
  const options = readList(value.options, readOption);
  return options && { ...base, options };
}

function readOption(value: unknown): { letter: string; text: string } | undefined {
  if (!isRecord(value) || !isString(value.letter) || !isString(value.text)) return undefined;
  return { letter: value.letter, text: value.text };
}

function readList<T>(value: unknown, readItem: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items: T[] = [];
  for (const item of value as unknown[]) {
    const read = readItem(item);
    if (read === undefined) return undefined;
    items.push(read);
  }
  return items;
}

function isKind(value: unknown): value is StudentQuestionView['kind'] {
  return typeof value === 'string' && KINDS.has(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
