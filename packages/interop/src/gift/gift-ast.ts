import type { GiftPosition } from './gift-text.js';

/**
 * A GIFT file as GIFT means it, before any mapping to Examforge: what Moodle's `qformat_gift` would read, with the
 * line and column of everything a note or an error may need to point at.
 */
export type GiftItem = GiftCategory | GiftQuestion;

/** `$CATEGORY: a/b/c`: the questions after it belong to that category. */
export interface GiftCategory {
  readonly kind: 'category';
  readonly path: string;
  readonly position: GiftPosition;
}

/** The markup a piece of text is written in: `[html]`, `[moodle]` (Moodle's auto-format, the default), … */
export type GiftTextFormat = 'html' | 'moodle' | 'markdown' | 'plain';

/** Text with its format, escapes already read. */
export interface GiftMarkup {
  readonly format: GiftTextFormat;
  readonly text: string;
  readonly position: GiftPosition;
}

export interface GiftQuestion {
  readonly kind: 'question';
  readonly position: GiftPosition;
  readonly title?: string;
  /** Moodle 4's `// [id:…]` idnumber and `// [tag:…]` tags from the comments above the question. */
  readonly idNumber?: string;
  readonly tags: readonly string[];
  /** The stem, with a blank where an answer block stood mid-sentence (missing word). */
  readonly stem: GiftMarkup;
  /** Whether the answer block stood inside the sentence (text followed it), as in "Grant is {…} in Grant's tomb". */
  readonly missingWord: boolean;
  /** Undefined for a description (no answer block). */
  readonly answer?: GiftAnswer;
  /** `####` general feedback. */
  readonly generalFeedback?: GiftMarkup;
  /** Answer blocks after the first one: Moodle reads only the first; their raw text, for the import report. */
  readonly extraBlocks: readonly { readonly text: string; readonly position: GiftPosition }[];
  /** Text that followed the answer block but is no part of the question, such as a `";` pasted from PHP source. */
  readonly strayText?: { readonly text: string; readonly position: GiftPosition };
}

/** A `%n%` weight as written (percent), where it was written. */
export interface GiftWeight {
  readonly percent: string;
  readonly position: GiftPosition;
}

export interface GiftChoice {
  /** `=` (right, single-answer) or `~` (wrong or weighted). */
  readonly marker: '=' | '~';
  readonly weight?: GiftWeight;
  readonly text: GiftMarkup;
  readonly feedback?: GiftMarkup;
  readonly position: GiftPosition;
}

export interface GiftShortAnswer {
  readonly weight?: GiftWeight;
  readonly text: string;
  readonly feedback?: GiftMarkup;
  readonly position: GiftPosition;
}

export interface GiftNumericAnswer {
  readonly weight?: GiftWeight;
  readonly value: number;
  readonly tolerance: number;
  /** As written: `1822:5`, `1..5`, `3.14`. */
  readonly written: string;
  readonly feedback?: GiftMarkup;
  readonly position: GiftPosition;
}

export interface GiftPair {
  /** Empty for a distractor (`= -> Chat`). */
  readonly left: GiftMarkup;
  readonly right: string;
  readonly position: GiftPosition;
}

export type GiftAnswer =
  | { readonly kind: 'essay'; readonly position: GiftPosition }
  | { readonly kind: 'choice'; readonly choices: readonly GiftChoice[]; readonly position: GiftPosition }
  | {
      readonly kind: 'true-false';
      readonly value: boolean;
      readonly feedbackIfWrong?: GiftMarkup;
      readonly feedbackIfRight?: GiftMarkup;
      readonly position: GiftPosition;
    }
  | { readonly kind: 'short'; readonly answers: readonly GiftShortAnswer[]; readonly position: GiftPosition }
  | {
      readonly kind: 'numeric';
      readonly answers: readonly GiftNumericAnswer[];
      readonly feedbackIfWrong?: GiftMarkup;
      readonly position: GiftPosition;
    }
  | { readonly kind: 'matching'; readonly pairs: readonly GiftPair[]; readonly position: GiftPosition };
