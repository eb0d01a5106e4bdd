import type { GiftItem } from './gift-ast.js';
import { parseGiftQuestion } from './parse-gift-question.js';
import { splitGift } from './split-gift.js';

/**
 * Reads GIFT source (a byte order mark, CRLF or CR line ends and a missing final newline are all fine) into
 * categories and questions. Malformed questions throw an `ImportError` at their line and column.
 *
 * @example
 * parseGift('$CATEGORY: a\n\n2+2=4 {T}', 'bank.gift').map((item) => item.kind); // ['category', 'question']
 */
export function parseGift(source: string, file: string): GiftItem[] {
  const normalized = source.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  return splitGift(normalized).map((chunk): GiftItem => {
    if (chunk.kind === 'category') return chunk;
    return parseGiftQuestion(chunk.text, chunk.comments, chunk.position, file);
  });
}
