import type { BubbleReading } from './mark-rule.js';

/**
 * A fill this much fainter than another fill of the same question, and faint in itself, is what an eraser left of
 * it; a light pencil fill beside a pen fill (two answers, a person's decision) is darker than that.
 */
const RESIDUE_SHARE = 0.5;
const RESIDUE_DARKNESS = 0.3;
/**
 * The darkest residue (typical darkness): an eraser leaves at most a third of a heavy fill. A fill fainter than the
 * other fill of its question and no darker than this may be residue or a second answer: the pressure of a light hand
 * varies as much as residue differs from it, so a person decides.
 */
const RESIDUE_MOST = 0.32;
/** The confidence a fill that may be residue keeps: below the review line. */
const UNSURE = 0.4;

/**
 * A changed answer, read as a person reads it: of two fills in one question, one much fainter than the other is the
 * residue of the erased first choice, not a second answer (when it is faint in itself too). The fainter reading becomes `erasure` (noise) with the
 * confidence of the contrast. A fainter fill that is no darker than residue can be, but not much fainter than the other, may be
 * either: it goes to a person. Other rows are returned as they are.
 *
 * @example
 * const row = faintBesideDark(bubbles); // a 0.2-dark "fill" beside a 0.8-dark one reads as erasure
 */
export function faintBesideDark(bubbles: readonly BubbleReading[]): readonly BubbleReading[] {
  const fills = bubbles.filter(({ reading }) => reading.kind === 'filled');
  if (fills.length < 2) return bubbles;
  const darkest = Math.max(...fills.map(({ reading }) => reading.features.typical));
  return bubbles.map((bubble) => {
    const { reading } = bubble;
    const share = reading.features.typical / darkest;
    if (reading.kind !== 'filled') return bubble;
    if (
      share < 1 &&
      reading.features.typical < RESIDUE_MOST &&
      (share >= RESIDUE_SHARE || reading.features.typical >= RESIDUE_DARKNESS)
    ) {
      const unsure = Math.min(reading.confidence, UNSURE);
      return {
        ...bubble,
        reading: { ...reading, confidence: unsure, fillConfidence: Math.min(reading.fillConfidence, UNSURE) },
      };
    }
    if (share >= RESIDUE_SHARE || reading.features.typical >= RESIDUE_DARKNESS) return bubble;
    const confidence = Math.min(1, Math.max(0, (RESIDUE_SHARE + 0.1 - share) / 0.2));
    return { ...bubble, reading: { ...reading, kind: 'erasure', confidence, fillConfidence: confidence } };
  });
}
