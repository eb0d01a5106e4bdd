import { REVIEW_BELOW, type BubbleReading } from './mark-rule.js';

/** The confidence a doubted reading keeps: below `REVIEW_BELOW`, so a person looks. */
const DOUBTED = REVIEW_BELOW - 0.1;

/** Whether a bubble was read as a complete fill with enough confidence to stand without review. */
export const isConfidentFill = ({ reading }: BubbleReading): boolean =>
  reading.kind === 'filled' && reading.fillConfidence >= REVIEW_BELOW;

/** Whether a question's row holds a fill read with enough confidence to stand without review. */
export const hasConfidentFill = (row: readonly BubbleReading[]): boolean => row.some(isConfidentFill);

/** The bubble as read, with its confidence lowered below the review line: the page rules' way to ask a person. */
export function doubted(bubble: BubbleReading): BubbleReading {
  const { reading } = bubble;
  return {
    ...bubble,
    reading: {
      ...reading,
      confidence: Math.min(reading.confidence, DOUBTED),
      fillConfidence: Math.min(reading.fillConfidence, DOUBTED),
    },
  };
}
