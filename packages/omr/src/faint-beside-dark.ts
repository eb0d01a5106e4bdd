import type { BubbleReading } from './mark-rule.js';

/**
 * A fill this much fainter than another fill of the same question, and faint in itself, is what an eraser left of
 * it; a light pencil fill beside a pen fill (two answers, a person's decision) is darker than that.
 */
const RESIDUE_SHARE = 0.5;
const RESIDUE_DARKNESS = 0.3;

/**
 * A changed answer, read as a person reads it: of two fills in one question, one much fainter than the other is the
 * residue of the erased first choice, not a second answer (when it is faint in itself too). The fainter reading becomes `erasure` (noise) with the
 * confidence of the contrast. Other rows are returned as they are.
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
    if (reading.kind !== 'filled' || share >= RESIDUE_SHARE || reading.features.typical >= RESIDUE_DARKNESS)
      return bubble;
    const confidence = Math.min(1, Math.max(0, (RESIDUE_SHARE + 0.1 - share) / 0.2));
    return { ...bubble, reading: { ...reading, kind: 'erasure', confidence, fillConfidence: confidence } };
  });
}
