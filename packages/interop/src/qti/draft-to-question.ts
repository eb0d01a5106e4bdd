import { optionLetter, type ChoiceOption, type Rational } from '@examforge/core';
import { htmlToMarkdown } from '../html-to-markdown.js';
import { escapeMarkdown } from '../markdown-text.js';
import { distinctOptionTexts, type ImportedQuestion, type QuestionDraft } from '../question-builder.js';
import type { DraftNote, DraftOption, ItemDraft } from './question-draft.js';

/**
 * Turns an item draft into the builder's imported question: HTML to Markdown (image paths were resolved when the HTML
 * was rendered, so they pass unchanged), option texts made distinct, rubric shares turned into points.
 *
 * @example
 * toImportedQuestion(draft, 'Section 1', Rational.ONE, notes); // { name: 'choice', question: { kind: 'single', … } }
 */
export function toImportedQuestion(
  draft: ItemDraft,
  category: string | undefined,
  defaultMarks: Rational,
  notes: DraftNote[],
): ImportedQuestion {
  const markdown = (html: string, inline = false) =>
    htmlToMarkdown(html, {
      inline,
      resolveImage: (src) => src,
      onLoss: (loss) =>
        notes.push({ location: draft.location, question: draft.source, reason: loss.message, keptAs: 'content' }),
    });
  const stem = markdown(draft.stemHtml) || escapeMarkdown(draft.title ?? draft.source);
  const explanation = draft.explanationHtml ? markdown(draft.explanationHtml) : '';
  const base = {
    title: draft.title,
    stem,
    keyUnknown: draft.keyUnknown,
    bonus: false,
    ...(explanation !== '' && { explanation }),
    ...(draft.penalty && { penalty: draft.penalty }),
  };
  const marks = draft.marks ?? defaultMarks;
  return {
    name: draft.title ?? draft.source,
    // The item's identifier is its id when it is a readable Examforge id (our QTI export writes the question's id
    // there); an opaque one, such as Canvas's 32-digit hex, would be a worse id than one made from the title.
    ...(!OPAQUE_IDENTIFIER.test(draft.source) && { id: draft.source }),
    category,
    marks: draft.marks,
    question: questionOf(draft, base, marks, markdown, notes),
  };
}

/** A long run of hex digits, as tools that generate identifiers (Canvas, Respondus) write them. */
const OPAQUE_IDENTIFIER = /[0-9a-f]{12,}/;

type Base = Pick<QuestionDraft, 'title' | 'stem' | 'keyUnknown' | 'bonus' | 'explanation' | 'penalty'>;

function questionOf(
  draft: ItemDraft,
  base: Base,
  marks: Rational,
  markdown: (html: string, inline?: boolean) => string,
  notes: DraftNote[],
): QuestionDraft {
  const { answer } = draft;
  switch (answer.kind) {
    case 'single':
      return { ...base, kind: 'single', options: options(draft, answer.options, markdown, notes), acceptAny: false };
    case 'multiple': {
      const weighted = answer.options.some((option) => option.weight !== undefined);
      const strategy = answer.scoring ?? (answer.allOrNothing ? { strategy: 'all-or-nothing' as const } : undefined);
      const scoring = !weighted && strategy ? { scoring: strategy } : {};
      return { ...base, kind: 'multiple', options: options(draft, answer.options, markdown, notes), ...scoring };
    }
    case 'numeric':
      return { ...base, kind: 'numeric', ...(answer.answer && { answer: answer.answer }) };
    case 'free':
      return {
        ...base,
        kind: 'free',
        ...(answer.solution !== undefined && { solution: escapeMarkdown(answer.solution) }),
        rubric: answer.rubric.map((item, index) => ({
          id: `r${index + 1}`,
          points: marks.times(item.share),
          text: escapeMarkdown(item.text),
        })),
      };
  }
}

function options(
  draft: ItemDraft,
  drafts: readonly DraftOption[],
  markdown: (html: string, inline?: boolean) => string,
  notes: DraftNote[],
): ChoiceOption[] {
  const texts = drafts.map((option, index) => markdown(option.html, true) || `(${optionLetter(index)})`);
  const distinct = distinctOptionTexts(texts, (index) => optionLetter(index).toUpperCase());
  if (distinct.changed.length > 0) {
    notes.push({
      location: draft.location,
      question: draft.source,
      reason: `options ${distinct.changed.map((i) => `(${optionLetter(i)})`).join(', ')} read the same; their letters were added so students can tell them apart`,
      keptAs: 'content',
    });
  }
  return drafts.map((option, index) => ({
    text: distinct.texts[index] ?? '',
    correct: option.correct,
    fixed: false,
    ...(option.weight !== undefined && { weight: option.weight }),
  }));
}

/** An information-only item's HTML as Markdown (its images already resolved). */
export function descriptionMarkdown(html: string): string {
  return htmlToMarkdown(html, { resolveImage: (src) => src });
}
