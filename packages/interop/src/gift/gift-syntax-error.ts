import { ImportError } from '../import-result.js';
import type { GiftPosition } from './gift-text.js';

/** A GIFT file Examforge cannot read, at the line and column of the trouble. */
export function giftSyntaxError(file: string, position: GiftPosition, message: string): ImportError {
  return new ImportError({ file, line: position.line, column: position.column }, message);
}
