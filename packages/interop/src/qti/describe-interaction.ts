import type { Element } from '@xmldom/xmldom';
import type { QtiItem } from './qti-item.js';
import { qtiAttr, qtiChild, qtiName } from './qti-names.js';
import { childNodes, escapeHtml, plainText, renderBodyHtml, type RenderContext } from './render-body-html.js';
import { childElements, descendants } from './xml-document.js';

/** The choice-like elements of each interaction, whose text a written answer can name. */
const CHOICE_NAMES = new Set([
  'simpleChoice',
  'inlineChoice',
  'hottext',
  'gapText',
  'gapImg',
  'simpleAssociableChoice',
  'hotspotChoice',
  'associableHotspot',
]);

/**
 * An interaction Examforge cannot deliver, rendered for a written question: its prompt, its choices as a list (inline
 * choices as `[a / b / c]`, gaps as a blank), its image kept. Students answer in words; graders read the key from the
 * solution (`describeCorrectResponse`).
 *
 * @example
 * describeInteraction(matchInteraction, context); // '<p>Match …</p><ul><li>Kennisnet</li>…</ul>'
 */
export function describeInteraction(element: Element, context: RenderContext): string {
  const name = qtiName(element);
  if (name === 'inlineChoiceInteraction') {
    const choices = descendants(element, (e) => qtiName(e) === 'inlineChoice').map(plainText);
    return ` [${escapeHtml(choices.join(' / '))}] `;
  }
  if (name === 'textEntryInteraction') return ' _____ ';
  if (name === 'hottextInteraction' || name === 'gap') return renderBodyHtml(childNodes(element), context);
  const prompt = qtiChild(element, 'prompt');
  const promptHtml = prompt ? `<p>${renderBodyHtml(childNodes(prompt), context)}</p>` : '';
  const image = childElements(element).find((e) => e.localName === 'object' || e.localName === 'img');
  const imageHtml = image ? renderBodyHtml([image], context) : '';
  const choices = descendants(element, (e) => CHOICE_NAMES.has(qtiName(e)));
  const listHtml =
    choices.length === 0 ? '' : `<ul>${choices.map((c) => `<li>${choiceHtml(c, context)}</li>`).join('')}</ul>`;
  const body = name === 'gapMatchInteraction' ? gapText(element, context) : '';
  return `${promptHtml}${imageHtml}${body}${listHtml}`;
}

function choiceHtml(choice: Element, context: RenderContext): string {
  const text = renderBodyHtml(childNodes(choice), context).trim();
  return text === '' ? escapeHtml(qtiAttr(choice, 'identifier') ?? '') : text;
}

/** A gap-match's text with its gaps as blanks (the gap texts are listed below it). */
function gapText(element: Element, context: RenderContext): string {
  const blocks = childNodes(element).filter((node) => {
    const name = node.nodeType === 1 ? qtiName(node as Element) : '';
    return name !== 'prompt' && !CHOICE_NAMES.has(name);
  });
  return renderBodyHtml(blocks, context);
}

/**
 * The source's correct response in words, with choice identifiers replaced by their text
 * (`Chemnitz; Zwickau`, `Kennisnet → image 1`), for a grader reading a question kept as a written one.
 */
export function describeCorrectResponse(item: QtiItem): string | undefined {
  const texts = new Map<string, string>();
  if (item.body) {
    for (const choice of descendants(item.body, (e) => CHOICE_NAMES.has(qtiName(e)) || qtiName(e) === 'gap')) {
      const id = qtiAttr(choice, 'identifier');
      if (id) texts.set(id, plainText(choice) || id);
    }
  }
  const parts = [...item.responses.values()].flatMap((response) => {
    const values =
      response.correct.length > 0
        ? response.correct
        : (response.mapping?.entries ?? []).filter((e) => e.value > 0).map((e) => e.key);
    const words = values.map((value) =>
      value
        .split(/\s+/)
        .map((id) => texts.get(id) ?? id)
        .join(' → '),
    );
    return words.length === 0 ? [] : [words.join('; ')];
  });
  return parts.length === 0 ? undefined : `The source's correct response: ${parts.join(' | ')}`;
}
