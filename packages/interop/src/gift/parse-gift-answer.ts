import { Rational } from '@examforge/core';
import type {
  GiftAnswer,
  GiftChoice,
  GiftMarkup,
  GiftNumericAnswer,
  GiftPair,
  GiftShortAnswer,
  GiftTextFormat,
  GiftWeight,
} from './gift-ast.js';
import { readMarkup } from './gift-markup.js';
import { giftSyntaxError } from './gift-syntax-error.js';
import type { GiftText } from './gift-text.js';

const TRUE_FALSE: Readonly<Record<string, boolean>> = { T: true, TRUE: true, F: false, FALSE: false };

/** What reading an answer block needs besides the block: the file (for errors) and the question's format. */
export interface AnswerContext {
  readonly file: string;
  readonly format: GiftTextFormat;
}

/**
 * Reads the inside of an answer block (general feedback already taken off) and decides its type the way Moodle's
 * `qformat_gift` does: empty is an essay, `#` numeric, any `~` multiple choice, `=` with `->` matching, T/F
 * true-false, anything else short answer.
 *
 * @example
 * parseGiftAnswer(GiftText.read('=yes ~no', at), context).kind; // 'choice'
 */
export function parseGiftAnswer(block: GiftText, context: AnswerContext): GiftAnswer {
  const text = block.trim();
  const position = text.start;
  if (text.isEmpty()) return { kind: 'essay', position };
  if (text.controlAt(0) === '#') return parseNumeric(text.slice(1), context);
  if (text.indexOfControl('~') >= 0) return { kind: 'choice', choices: parseChoices(text, context), position };
  if (text.indexOfControl('=') >= 0 && text.indexOfControl('->') >= 0)
    return { kind: 'matching', pairs: parsePairs(text, context), position };
  const trueFalse = parseTrueFalse(text, context);
  return trueFalse ?? { kind: 'short', answers: parseShortAnswers(text, context), position };
}

/** The block cut before each unescaped marker; text before the first marker is an error where a marker is needed. */
function answerParts(text: GiftText, markers: readonly string[], context: AnswerContext, what: string): GiftText[] {
  const parts = text.splitBefore(markers).map((part) => part.trim());
  const first = parts[0];
  if (first && !markers.some((marker) => first.startsWithControl(marker, 0))) {
    if (!first.isEmpty())
      throw giftSyntaxError(
        context.file,
        first.start,
        `"${first.toString()}" stands before the first ${what}; each ${what} starts with ${markers.join(' or ')}`,
      );
    parts.shift();
  }
  return parts;
}

function parseChoices(text: GiftText, context: AnswerContext): GiftChoice[] {
  return answerParts(text, ['~', '='], context, 'choice').map((part): GiftChoice => {
    const marker = part.controlAt(0) === '=' ? '=' : '~';
    const { weight, rest } = readWeight(part.slice(1).trim());
    const { answer, feedback } = splitFeedback(rest, context.format);
    return { marker, ...(weight && { weight }), text: answer, ...(feedback && { feedback }), position: part.start };
  });
}

function parseShortAnswers(text: GiftText, context: AnswerContext): GiftShortAnswer[] {
  const parts = text.splitBefore(['=']).filter((part) => !part.trim().isEmpty());
  return parts.map((part): GiftShortAnswer => {
    const body = part.controlAt(0) === '=' ? part.slice(1).trim() : part.trim();
    const { weight, rest } = readWeight(body);
    const { answer, feedback } = splitFeedback(rest, context.format);
    return { ...(weight && { weight }), text: answer.text, ...(feedback && { feedback }), position: part.start };
  });
}

function parsePairs(text: GiftText, context: AnswerContext): GiftPair[] {
  return answerParts(text, ['='], context, 'pair').map((part): GiftPair => {
    const body = part.slice(1);
    const arrow = body.indexOfControl('->');
    if (arrow < 0)
      throw giftSyntaxError(context.file, part.start, 'a matching pair has no "->": write it as =item -> its match');
    return {
      left: readMarkup(body.slice(0, arrow), context.format),
      right: body
        .slice(arrow + 2)
        .trim()
        .toString(),
      position: part.start,
    };
  });
}

function parseTrueFalse(text: GiftText, context: AnswerContext): GiftAnswer | undefined {
  const parts = text.splitBefore(['#']);
  const value = TRUE_FALSE[(parts[0] ?? text).trim().toString()];
  if (value === undefined) return undefined;
  const [ifWrong, ifRight] = parts.slice(1).map((part) => readMarkup(part.slice(1), context.format));
  return {
    kind: 'true-false',
    value,
    ...(ifWrong && { feedbackIfWrong: ifWrong }),
    ...(ifRight && { feedbackIfRight: ifRight }),
    position: text.start,
  };
}

function parseNumeric(body: GiftText, context: AnswerContext): GiftAnswer {
  const tilde = body.indexOfControl('~');
  const answersText = (tilde < 0 ? body : body.slice(0, tilde)).trim();
  const wrong = tilde < 0 ? undefined : splitFeedback(body.slice(tilde + 1), context.format).feedback;
  const parts = answersText.controlAt(0) === '=' ? answersText.splitBefore(['=']) : [answersText];
  const answers = parts
    .filter((part) => !part.trim().isEmpty())
    .map((part) => parseNumericAnswer(part.controlAt(0) === '=' ? part.slice(1) : part, context));
  if (answers.length === 0)
    throw giftSyntaxError(context.file, body.start, 'a numeric answer block ({#…}) has no number in it');
  return { kind: 'numeric', answers, ...(wrong && { feedbackIfWrong: wrong }), position: body.start };
}

function parseNumericAnswer(part: GiftText, context: AnswerContext): GiftNumericAnswer {
  const { weight, rest } = readWeight(part.trim());
  const hash = rest.indexOfControl('#');
  const numberText = (hash < 0 ? rest : rest.slice(0, hash)).trim();
  const feedback = hash < 0 ? undefined : readMarkup(rest.slice(hash + 1), context.format);
  const written = numberText.toString();
  const range = readNumericForm(written);
  if (!range)
    throw giftSyntaxError(
      context.file,
      numberText.start,
      `cannot read "${written}" as a numeric answer: write 3.14, 3.14:0.01 (answer:margin) or 3.1..3.2 (a range)`,
    );
  return { ...(weight && { weight }), ...range, written, ...(feedback && { feedback }), position: part.start };
}

function exactDecimal(written: string): Rational | undefined {
  return Rational.parse(written.replace(/^\+/u, ''));
}

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const RANGE = new RegExp(`^(${NUMBER})\\s*\\.\\.\\s*(${NUMBER})$`, 'u');
const WITH_MARGIN = new RegExp(`^(${NUMBER})\\s*:\\s*(${NUMBER})$`, 'u');
const EXACT = new RegExp(`^(${NUMBER})$`, 'u');

/** `a..b` is its midpoint ± half its width; `a:m` is a ± m; `a` is exact. */
function readNumericForm(written: string): { value: number; tolerance: number } | undefined {
  const range = RANGE.exec(written);
  if (range) {
    // Exact decimals, so 3.141..3.142 is 3.1415 ± 0.0005 and not 3.1414999999999997.
    const [low, high] = [exactDecimal(range[1] ?? ''), exactDecimal(range[2] ?? '')];
    if (!low || !high) return { value: (Number(range[1]) + Number(range[2])) / 2, tolerance: 0 };
    return {
      value: low.plus(high).dividedBy(2).toNumber(),
      tolerance: Math.abs(high.minus(low).dividedBy(2).toNumber()),
    };
  }
  const margin = WITH_MARGIN.exec(written);
  if (margin) return { value: Number(margin[1]), tolerance: Math.abs(Number(margin[2])) };
  return EXACT.test(written) ? { value: Number(written), tolerance: 0 } : undefined;
}

/** A leading `%n%`; `%` that does not hold a number is answer text, as in Moodle. */
function readWeight(text: GiftText): { weight?: GiftWeight; rest: GiftText } {
  const match = /^%\s*(-?\d*(?:\.\d*)?)\s*%/u.exec(text.toString());
  if (!match || !/\d/u.test(match[1] ?? '')) return { rest: text };
  return { weight: { percent: match[1] ?? '', position: text.start }, rest: text.slice(match[0].length).trim() };
}

/** An answer and its `#` feedback, each with its own format prefix. */
function splitFeedback(text: GiftText, format: GiftTextFormat): { answer: GiftMarkup; feedback?: GiftMarkup } {
  const hash = text.indexOfControl('#');
  if (hash < 0) return { answer: readMarkup(text, format) };
  return { answer: readMarkup(text.slice(0, hash), format), feedback: readMarkup(text.slice(hash + 1), format) };
}
