import type { Element } from '@xmldom/xmldom';

/**
 * The object model of a QTI 2.x/3.0 assessment item, as far as an Examforge question needs it. Read by
 * `readQtiItem`; converted by `convertQtiItem`.
 */
export interface QtiItem {
  /** The file inside the package (or the input's name), as messages name it. */
  readonly file: string;
  /** The item's package path, against which its images resolve. */
  readonly path: string;
  readonly element: Element;
  readonly identifier: string;
  readonly title?: string;
  readonly adaptive: boolean;
  /** The item has template declarations or template processing (randomised values, Maxima scripts). */
  readonly templated: boolean;
  readonly responses: ReadonlyMap<string, ResponseDeclaration>;
  readonly outcomes: ReadonlyMap<string, OutcomeDeclaration>;
  readonly body?: Element;
  readonly interactions: readonly Interaction[];
  readonly responseProcessing?: Element;
}

export interface ResponseDeclaration {
  readonly identifier: string;
  readonly cardinality: string;
  readonly baseType?: string;
  /** The correct response's values; empty `<value/>`s are left out. */
  readonly correct: readonly string[];
  readonly mapping?: Mapping;
  readonly element: Element;
}

export interface Mapping {
  readonly defaultValue: number;
  readonly lowerBound?: number;
  readonly upperBound?: number;
  readonly entries: readonly MapEntry[];
}

export interface MapEntry {
  readonly key: string;
  readonly value: number;
  readonly caseSensitive: boolean;
}

export interface OutcomeDeclaration {
  readonly identifier: string;
  readonly defaultValue?: string;
  readonly normalMaximum?: number;
}

/** An interaction in the item body: its 2.x name (`choiceInteraction`), element and response variable. */
export interface Interaction {
  readonly name: string;
  readonly element: Element;
  readonly responseIdentifier?: string;
}
