import type { StudentQuestionView } from '@examforge/core';
import type { RecordedAnswer } from '@examforge/server/api';
import { formatLetters, positionLabel } from '../lib/format/format-answer.js';
import { InlineMarkdown, Markdown } from './markdown-view.js';

interface AnswerViewProps {
  readonly answer: RecordedAnswer | undefined;
  /** The question as the reader saw it, to show chosen options by their text and position. */
  readonly question: StudentQuestionView | undefined;
}

/**
 * An answer in full: chosen options with their text, the number, or the text with its math; a paper answer whose
 * page was not read says so (it is not a blank).
 */
export function AnswerView({ answer, question }: AnswerViewProps) {
  if (answer === undefined || answer.kind === 'blank') return <em className="muted">No answer</em>;
  switch (answer.kind) {
    case 'missing':
      return <em className="not-read">Not read: the sheet page with this question was not read from the scan</em>;
    case 'choice':
      return <OptionsView letters={answer.selected} question={question} />;
    case 'numeric':
      return <span className="answer-number">{answer.value}</span>;
    case 'text':
      return <Markdown source={answer.text} className="answer-text" />;
  }
}

/** Options by canonical letter, shown as the reader's screen labelled them. */
export function OptionsView({
  letters,
  question,
}: {
  readonly letters: readonly string[];
  readonly question: StudentQuestionView | undefined;
}) {
  const options = question?.options;
  if (!options) return <span>{formatLetters(letters)}</span>;
  return (
    <ul className="option-summary">
      {letters.map((letter) => {
        const index = options.findIndex((option) => option.letter === letter);
        const option = options[index];
        return (
          <li key={letter}>
            {option ? (
              <>
                <span className="option-label">{positionLabel(index)}</span> <InlineMarkdown source={option.text} />
              </>
            ) : (
              formatLetters([letter])
            )}
          </li>
        );
      })}
    </ul>
  );
}
