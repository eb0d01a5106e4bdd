import type { RecordedAnswer, ReviewBubble } from '@examforge/server/api';

/** A paper answer in the labels printed on the student's sheet, e.g. "C", "blank", "A, tick on B". */
export function describePaperAnswer(answer: RecordedAnswer, bubbles: readonly ReviewBubble[]): string {
  const label = (option: string) => (bubbles.find((bubble) => bubble.option === option)?.label ?? option).toUpperCase();
  if (answer.kind === 'blank') return 'blank';
  if (answer.kind === 'missing') return 'not read';
  if (answer.kind !== 'choice') return answer.kind;
  const parts = [
    ...answer.selected.map(label),
    ...(answer.invalidMarks ?? []).map((mark) => `${MARK_WORDS[mark.mark]} on ${label(mark.option)}`),
  ];
  return parts.length === 0 ? 'blank' : parts.join(', ');
}

const MARK_WORDS = { partial: 'partial fill', tick: 'tick', cross: 'cross', unclear: 'unclear mark' } as const;

const REASON_WORDS: Record<string, string> = {
  'low-confidence': 'a mark the reader is unsure of',
  'several-fills': 'several complete fills on a single-answer question',
  'possible-erasure': 'a mark beside what may be an erased one',
  'student-number': 'the student number could not be read',
};

export function describeReason(reason: string): string {
  return REASON_WORDS[reason] ?? reason;
}
