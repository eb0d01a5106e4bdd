import type { XmlElement } from '../export/xml-text.js';

/** The parts of an item a question kind decides: what is asked, how the answer is declared and how it is scored. */
export interface QtiInteraction {
  readonly declaration: XmlElement;
  /** Goes into the item body after the stem. */
  readonly interaction: XmlElement;
  /** Absent: nothing scores the item automatically (a written answer, an unknown key). */
  readonly processing?: XmlElement;
  /** Shown to scorers only, at the start of the item body (the rubric and model solution of a written question). */
  readonly scorerRubric?: XmlElement;
}
