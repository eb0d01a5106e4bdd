import type { MultipleScoring, NumericAnswer, Rational } from '@examforge/core';
import type { KeptAs, SourceLocation } from '../import-result.js';

/**
 * A question read from a QTI item, before it gets an Examforge id and section: its texts are still HTML (converted
 * to Markdown when the exam is built), its marks those the source gives. Notes say what was not converted exactly.
 */
export interface ItemDraft {
  /** The item's identifier or title, as the instructor knows it. */
  readonly source: string;
  readonly title?: string;
  readonly location: SourceLocation;
  readonly stemHtml: string;
  /** Marks from the source (MAXSCORE, points_possible, …); undefined uses the import's default. */
  readonly marks?: Rational;
  readonly keyUnknown: boolean;
  readonly answer: DraftAnswer;
  /** Marks a wrong answer takes off (the else branch's negative score of a keyed choice or numeric item). */
  readonly penalty?: Rational;
  /** Shown to students with their results (general feedback), HTML. */
  readonly explanationHtml?: string;
}

export type DraftAnswer =
  | {
      readonly kind: 'single' | 'multiple';
      readonly options: readonly DraftOption[];
      /** A multiple-answer question earns its marks only when every choice is right (QTI's match_correct). */
      readonly allOrNothing?: boolean;
      /** The named strategy a mapping scores exactly as (see `mappedChoiceAnswer`); options then have no weights. */
      readonly scoring?: MultipleScoring;
    }
  | { readonly kind: 'numeric'; readonly answer?: NumericAnswer }
  | {
      readonly kind: 'free';
      /** Plain text of the model answer for graders (accepted answers, the source's correct response). */
      readonly solution?: string;
      readonly rubric: readonly DraftRubricItem[];
    };

export interface DraftOption {
  readonly html: string;
  readonly correct: boolean;
  /** Fraction of the marks, Moodle's rules (see core's `optionWeights`); absent for key-only scoring. */
  readonly weight?: Rational;
}

export interface DraftRubricItem {
  /** Fraction of the question's marks this item awards. */
  readonly share: Rational;
  readonly text: string;
}

/** A conversion note before the question has an Examforge id. */
export interface DraftNote {
  readonly location: SourceLocation;
  readonly question?: string;
  readonly reason: string;
  readonly keptAs: KeptAs;
}

/** One source item's outcome: the question it became (absent when left out) and its notes. */
export interface ItemConversion {
  readonly draft?: ItemDraft;
  /** An information-only item's text (HTML), put before the next question. */
  readonly descriptionHtml?: string;
  readonly notes: readonly DraftNote[];
}
