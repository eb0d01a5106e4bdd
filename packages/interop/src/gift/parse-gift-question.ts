import type { GiftMarkup, GiftQuestion } from './gift-ast.js';
import { splitFormat } from './gift-markup.js';
import { giftSyntaxError } from './gift-syntax-error.js';
import type { GiftPosition, GiftText } from './gift-text.js';
import { parseGiftAnswer } from './parse-gift-answer.js';

/**
 * Where a blank stands in a stem until the text is turned into Markdown: a private-use character that no markup
 * converter touches, replaced by `\_\_\_\_` at the end.
 */
export const BLANK_MARK = '\uE000';

/** Text after a block that is no part of the question: quotes and semicolons pasted from PHP source (`";`). */
const STRAY = /^["';]+$/u;

interface Block {
  readonly open: number;
  readonly close: number;
}

/**
 * Reads one question: `::title::`, a format prefix, the stem around the answer block, the block, its `####` general
 * feedback; metadata from the comments above it. A brace without its partner is an error at the brace.
 *
 * @example
 * parseGiftQuestion(chunk, 'bank.gift').answer?.kind; // 'true-false' for "2+2=4 {T}"
 */
export function parseGiftQuestion(
  text: GiftText,
  comments: readonly string[],
  position: GiftPosition,
  file: string,
): GiftQuestion {
  const { title, rest } = readTitle(text.trim());
  const { format, rest: body } = splitFormat(rest.trim(), 'moodle');
  const blocks = findBlocks(body, file);
  const first = blocks[0];
  const metadata = readMetadata(comments);
  const common = { kind: 'question' as const, position, ...(title !== undefined && { title }), ...metadata };
  if (!first) {
    const stem = { format, text: body.toString(), position: body.start };
    return { ...common, stem, missingWord: false, extraBlocks: [] };
  }
  const lastClose = blocks[blocks.length - 1]?.close ?? first.close;
  const tail = body.slice(lastClose + 1).trim();
  const stray = !tail.isEmpty() && STRAY.test(tail.toString()) ? tail : undefined;
  const stem = stemAround(stray ? body.slice(0, lastClose + 1) : body, blocks, format);
  const { answer, generalFeedback } = readBlock(body.slice(first.open + 1, first.close), format, file);
  return {
    ...common,
    stem: stem.markup,
    missingWord: stem.missingWord,
    answer,
    ...(generalFeedback && { generalFeedback }),
    extraBlocks: blocks.slice(1).map((block) => ({
      text: body.slice(block.open, block.close + 1).toString(),
      position: body.positionAt(block.open),
    })),
    ...(stray && { strayText: { text: stray.toString(), position: stray.start } }),
  };
}

function readTitle(text: GiftText): { title?: string; rest: GiftText } {
  if (!text.startsWithControl('::', 0)) return { rest: text };
  const close = text.indexOfControl('::', 2);
  // Moodle reads a title that is never closed as no title, and the text after `::` as the question.
  if (close < 0) return { rest: text.slice(2) };
  return { title: text.slice(2, close).trim().toString(), rest: text.slice(close + 2) };
}

/** Every `{…}` in the question; `{` inside a block, `}` outside one or `{` never closed are errors. */
function findBlocks(text: GiftText, file: string): Block[] {
  const blocks: Block[] = [];
  let open = -1;
  for (let index = 0; index < text.length; index += 1) {
    const control = text.controlAt(index);
    if (control === '{') {
      if (open >= 0)
        throw braceError(file, text.positionAt(index), 'opens a block inside the answer block', open, text);
      open = index;
    } else if (control === '}') {
      if (open < 0)
        throw giftSyntaxError(file, text.positionAt(index), 'this "}" closes no answer block: write \\} for a brace');
      blocks.push({ open, close: index });
      open = -1;
    }
  }
  if (open >= 0)
    throw braceError(file, text.positionAt(open), 'opens an answer block that is never closed', open, text);
  return blocks;
}

function braceError(file: string, at: GiftPosition, what: string, open: number, text: GiftText): Error {
  const opened = text.positionAt(open);
  const where =
    at.line === opened.line && at.column === opened.column
      ? ''
      : ` (the block opened at ${opened.line}:${opened.column})`;
  return giftSyntaxError(file, at, `this "{" ${what}${where}: close it with "}", or write \\{ for a brace in text`);
}

/** The stem: the text around the blocks, a blank for each block that text follows and for each block after the first. */
function stemAround(
  text: GiftText,
  blocks: readonly Block[],
  format: GiftMarkup['format'],
): { markup: GiftMarkup; missingWord: boolean } {
  let stem = '';
  let from = 0;
  let missingWord = false;
  blocks.forEach((block, index) => {
    stem += text.slice(from, block.open).toString();
    const textFollows = !text
      .slice(block.close + 1)
      .trim()
      .isEmpty();
    if (textFollows || index > 0) stem += BLANK_MARK;
    if (index === 0) missingWord = textFollows;
    from = block.close + 1;
  });
  stem += text.slice(Math.min(from, text.length)).toString();
  return { markup: { format, text: stem.trim(), position: text.start }, missingWord };
}

function readBlock(
  block: GiftText,
  format: GiftMarkup['format'],
  file: string,
): { answer: GiftQuestion['answer']; generalFeedback?: GiftMarkup } {
  const separator = block.indexOfControl('####');
  const answerText = separator < 0 ? block : block.slice(0, separator);
  const answer = parseGiftAnswer(answerText, { file, format });
  if (separator < 0) return { answer };
  const feedback = splitFormat(block.slice(separator + 4).trim(), format);
  return {
    answer,
    generalFeedback: { format: feedback.format, text: feedback.rest.trim().toString(), position: feedback.rest.start },
  };
}

function readMetadata(comments: readonly string[]): { idNumber?: string; tags: string[] } {
  const all = comments.join('\n');
  const idNumber = /\[id:\s*([^\]]+)\]/u.exec(all)?.[1]?.trim();
  const tags = [...all.matchAll(/\[tag:\s*([^\]]+)\]/gu)].map((match) => (match[1] ?? '').trim());
  return { ...(idNumber !== undefined && { idNumber }), tags };
}
