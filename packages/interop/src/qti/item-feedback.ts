import type { Element } from '@xmldom/xmldom';
import type { QtiItem } from './qti-item.js';
import { qtiAttr, qtiChild, qtiChildren, qtiName } from './qti-names.js';
import { childNodes } from './render-body-html.js';
import { childElements, descendants, textOf } from './xml-document.js';

export interface FeedbackReading {
  /** The feedback every student sees once answered (HTML): Examforge's explanation. */
  readonly explanationHtml?: string;
  /** Feedback shown only for some answers, which has no place in an Examforge question: what it is and where. */
  readonly leftOut?: { readonly element: Element; readonly reason: string };
}

/**
 * An item's feedback. A modal feedback shown whatever the answer (its outcome set to its identifier by a rule that
 * always runs, as Examforge's QTI export writes the explanation) becomes the explanation. Every other feedback —
 * modal feedback for particular answers, feedback inside the text — is left out, and said so at the first one.
 *
 * @example
 * readFeedback(item, (nodes) => renderBodyHtml(nodes, context)).explanationHtml; // '<p>Because …</p>'
 */
export function readFeedback(item: QtiItem, render: (nodes: ReturnType<typeof childNodes>) => string): FeedbackReading {
  const modal = qtiChildren(item.element, 'modalFeedback');
  const shownAlways = item.responseProcessing ? alwaysSet(item.responseProcessing) : new Map<string, string>();
  const general = modal.find(
    (feedback) =>
      (qtiAttr(feedback, 'showHide') ?? 'show') === 'show' &&
      shownAlways.get(qtiAttr(feedback, 'outcomeIdentifier') ?? '') === qtiAttr(feedback, 'identifier'),
  );
  const explanationHtml = general ? render(childNodes(qtiChild(general, 'contentBody') ?? general)) : undefined;
  const inBody = item.body
    ? descendants(item.body, (element) => INLINE_FEEDBACK.has(qtiName(element)) && !holdsInteraction(element))
    : [];
  const lost = [...modal.filter((feedback) => feedback !== general), ...inBody].filter(hasContent);
  const [first] = lost;
  return {
    ...(explanationHtml !== undefined && explanationHtml.trim() !== '' && { explanationHtml }),
    ...(first && {
      leftOut: {
        element: first,
        reason: `${lost.length === 1 ? 'a feedback text' : `${lost.length} feedback texts`} shown only for particular answers (${[...new Set(lost.map((e) => e.localName))].join(', ')}) ${lost.length === 1 ? 'was' : 'were'} left out: an Examforge question has one explanation, shown to every student with the results`,
      },
    }),
  };
}

const INLINE_FEEDBACK = new Set(['feedbackInline', 'feedbackBlock']);

/** Adaptive items put their later parts in feedback blocks: those are rendered as part of the question. */
function holdsInteraction(element: Element): boolean {
  return descendants(element, (e) => qtiName(e).endsWith('Interaction')).length > 0;
}

function hasContent(element: Element): boolean {
  return textOf(element).trim() !== '' || descendants(element, (e) => qtiName(e) === 'img').length > 0;
}

/**
 * Outcomes set once, by a rule at the top of the processing (so whatever the answer), to an identifier:
 * `<setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">EXPLANATION</baseValue>`.
 */
function alwaysSet(processing: Element): Map<string, string> {
  const sets = descendants(processing, (element) => qtiName(element) === 'setOutcomeValue');
  const found = new Map<string, string>();
  for (const set of childElements(processing).filter((rule) => qtiName(rule) === 'setOutcomeValue')) {
    const outcome = qtiAttr(set, 'identifier') ?? '';
    const [value, ...more] = childElements(set);
    const setOnce = sets.filter((other) => qtiAttr(other, 'identifier') === outcome).length === 1;
    if (setOnce && value && more.length === 0 && qtiName(value) === 'baseValue')
      found.set(outcome, textOf(value).trim());
  }
  return found;
}
