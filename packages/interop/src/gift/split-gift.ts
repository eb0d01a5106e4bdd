import { GiftText, type GiftPosition } from './gift-text.js';

/** One question's lines (comments apart), or a `$CATEGORY:` line, as Moodle cuts a GIFT file. */
export type GiftChunk =
  | { readonly kind: 'category'; readonly path: string; readonly position: GiftPosition }
  | {
      readonly kind: 'question';
      /** The question's lines, each trimmed as Moodle trims them, joined with line breaks; escapes read. */
      readonly text: GiftText;
      /** The `//` comment lines among them, without the slashes. */
      readonly comments: readonly string[];
      readonly position: GiftPosition;
    };

interface SourceLine {
  readonly text: string;
  readonly position: GiftPosition;
}

/**
 * Cuts GIFT source into questions: a blank line ends one, as in Moodle, except inside an answer block (`{` not yet
 * closed), where Moodle would cut the question in two and fail; `//` lines are comments wherever they stand. Expects
 * text with line feeds only and no byte order mark.
 *
 * @example
 * splitGift('Q1 {T}\n\n// c\nQ2 {F}').length; // 2
 */
export function splitGift(source: string): GiftChunk[] {
  const chunks: GiftChunk[] = [];
  let current: SourceLine[] = [];
  let comments: string[] = [];
  let depth = 0;
  const flush = () => {
    chunks.push(...chunksOf(current, comments));
    current = [];
    comments = [];
  };
  source.split('\n').forEach((raw, index) => {
    const text = raw.trim();
    const position = { line: index + 1, column: raw.length - raw.trimStart().length + 1 };
    if (text === '') {
      if (depth === 0) flush();
    } else if (text.startsWith('//')) {
      comments.push(text.slice(2).trim());
    } else {
      current.push({ text, position });
      depth = Math.max(0, depth + braceBalance(GiftText.read(text, position)));
    }
  });
  flush();
  return chunks;
}

function braceBalance(line: GiftText): number {
  let balance = 0;
  for (let index = 0; index < line.length; index += 1) {
    const control = line.controlAt(index);
    if (control === '{') balance += 1;
    if (control === '}') balance -= 1;
  }
  return balance;
}

/** A `$CATEGORY:` line stands alone (Moodle would read the lines after it as part of the category's name). */
function chunksOf(lines: readonly SourceLine[], comments: readonly string[]): GiftChunk[] {
  const chunks: GiftChunk[] = [];
  let questionLines: SourceLine[] = [];
  const flushQuestion = () => {
    const first = questionLines[0];
    if (first) {
      const text = GiftText.joinLines(questionLines.map((line) => GiftText.read(line.text, line.position)));
      chunks.push({ kind: 'question', text, comments, position: first.position });
    }
    questionLines = [];
  };
  for (const line of lines) {
    const category = /^\$CATEGORY:(.*)$/u.exec(line.text);
    if (category) {
      flushQuestion();
      chunks.push({ kind: 'category', path: (category[1] ?? '').trim(), position: line.position });
    } else {
      questionLines.push(line);
    }
  }
  flushQuestion();
  return chunks;
}
