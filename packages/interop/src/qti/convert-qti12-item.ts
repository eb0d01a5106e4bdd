import { Rational } from '@examforge/core';
import type { Element } from '@xmldom/xmldom';
import type { SourceLocation } from '../import-result.js';
import type { PackageImages } from './image-assets.js';
import { mathmlToTex } from './mathml-to-tex.js';
import { prepareQti12Html } from './qti12-html.js';
import { readConditions, scorePerChoice, type Qti12Condition } from './qti12-conditions.js';
import type { DraftAnswer, DraftNote, ItemConversion, ItemDraft } from './question-draft.js';
import { escapeHtml } from './render-body-html.js';
import { childElements, descendants, locate, textOf } from './xml-document.js';

/** Canvas question types with no Examforge equivalent, and what students do in them. */
const WRITTEN_TYPES: Readonly<Record<string, string>> = {
  calculated_question: 'a calculated question (a formula with random variables)',
  fill_in_multiple_blanks_question: 'a fill-in-multiple-blanks question (several typed answers)',
  multiple_dropdowns_question: 'a multiple-dropdowns question (several lists inside the text)',
  matching_question: 'a matching question (pairs to match)',
};

interface Qti12Response {
  readonly ident: string;
  readonly element: Element;
  readonly kind: 'lid' | 'str' | 'num' | 'other';
  readonly cardinality: string;
  readonly numeric: boolean;
  readonly labels: readonly Element[];
}

export interface Qti12ItemContext {
  readonly file: string;
  /** The item file's path inside the package, against which images resolve. */
  readonly path: string;
  readonly images: PackageImages;
}

/**
 * Converts one QTI 1.2 `item` (Canvas, Respondus, Blackboard-style) into a question draft. The Canvas `question_type`
 * decides where it is given; otherwise the responses do: one `response_lid` is a choice question (keyed by the
 * condition that sets the full score, or weighted by each choice's `Set`/`Add` score), one numeric `response_str`/
 * `response_num` a numeric question (a `vargte`/`varlte` range becomes value ± tolerance), other typed answers written
 * questions with the accepted answers in the rubric. Several responses, calculated and matching questions are kept as
 * written questions with a note; `text_only` items are descriptions.
 */
export function convertQti12Item(item: Element, context: Qti12ItemContext): ItemConversion {
  const notes: DraftNote[] = [];
  const where = locate(item, context.file);
  const source = item.getAttribute('title')?.trim() || item.getAttribute('ident') || 'item';
  const note = (reason: string, keptAs: DraftNote['keptAs'], location: SourceLocation = where) =>
    notes.push({ location, question: source, reason, keptAs });
  const metadata = readMetadata(item);
  const type = metadata.get('question_type');
  const presentation = childElements(item).find((child) => child.localName === 'presentation');
  const html = (material: Element) =>
    materialHtml(material, context, (reason) => note(reason, 'content', locate(material, context.file)));
  const stemHtml = presentation ? stemMaterials(presentation).map(html).join('') : '';
  const responses = presentation ? readResponses(presentation) : [];
  if (type === 'text_only_question' || (responses.length === 0 && type === undefined)) {
    note(
      'the item asks nothing (text only) and Examforge has no description question: its text was put before the next question',
      'description',
    );
    return { notes, descriptionHtml: stemHtml };
  }
  const conditions = readConditions(childElements(item).find((child) => child.localName === 'resprocessing'));
  const base = {
    source,
    title: item.getAttribute('title')?.trim() || undefined,
    location: where,
    stemHtml,
    marks: marksOf(item, metadata, conditions),
  };
  const writtenReason =
    type && WRITTEN_TYPES[type]
      ? `it is ${WRITTEN_TYPES[type]}`
      : responses.length > 1
        ? `it has ${responses.length} responses and an Examforge question takes one answer`
        : undefined;
  if (writtenReason) return { draft: writtenDraft(base, responses, conditions, html, writtenReason, note), notes };
  const [response] = responses;
  if (!response || type === 'essay_question' || type === 'file_upload_question') {
    if (type === 'file_upload_question')
      note('a file-upload question became a written answer graded by hand', 'free-response');
    return { draft: { ...base, keyUnknown: false, answer: { kind: 'free', rubric: [] } }, notes };
  }
  if (response.kind === 'lid') return { draft: choiceDraft(base, response, conditions, html, note), notes };
  if (response.numeric || type === 'numerical_question')
    return { draft: numericDraft(base, response, conditions, note), notes };
  return { draft: typedDraft(base, response, conditions, note), notes };
}

type Base = Pick<ItemDraft, 'source' | 'title' | 'location' | 'stemHtml' | 'marks'>;
type Note = (reason: string, keptAs: DraftNote['keptAs'], location?: SourceLocation) => void;

function readMetadata(item: Element): Map<string, string> {
  const fields = descendants(item, (e) => e.localName === 'qtimetadatafield');
  return new Map(
    fields.map((field) => {
      const part = (name: string) => textOf(childElements(field).find((c) => c.localName === name) ?? field).trim();
      return [part('fieldlabel'), part('fieldentry')];
    }),
  );
}

/** The presentation's materials outside any response, in order: the stem. */
function stemMaterials(presentation: Element): Element[] {
  return descendants(presentation, (e) => e.localName === 'material').filter(
    (material) => !insideResponse(material, presentation),
  );
}

function insideResponse(element: Element, stop: Element): boolean {
  for (
    let node = element.parentNode as Element | null;
    node && node !== stop;
    node = node.parentNode as Element | null
  ) {
    if (node.localName?.startsWith('response_')) return true;
  }
  return false;
}

function readResponses(presentation: Element): Qti12Response[] {
  return descendants(presentation, (e) => /^response_(lid|str|num|xy|grp)$/.test(e.localName ?? '')).map((element) => {
    const kind =
      element.localName === 'response_lid'
        ? 'lid'
        : element.localName === 'response_str'
          ? 'str'
          : element.localName === 'response_num'
            ? 'num'
            : 'other';
    const fib = descendants(element, (e) => e.localName === 'render_fib')[0];
    const fibtype = fib?.getAttribute('fibtype') ?? '';
    return {
      ident: element.getAttribute('ident') ?? '',
      element,
      kind,
      cardinality: element.getAttribute('rcardinality') ?? 'Single',
      numeric: kind === 'num' || /^(Decimal|Integer|Float|Scientific)$/i.test(fibtype),
      labels: descendants(element, (e) => e.localName === 'response_label'),
    };
  });
}

/** A material's parts as HTML: `mattext` (HTML or plain), `matimage`, MathML (as TeX where simple). */
function materialHtml(material: Element, context: Qti12ItemContext, loss: (reason: string) => void): string {
  const resolveImage = (src: string) => context.images.resolve(context.path, src);
  return childElements(material)
    .map((part) => {
      if (part.localName === 'mattext' || part.localName === 'matemtext') {
        const text = textOf(part);
        const type = part.getAttribute('texttype') ?? '';
        return /html/i.test(type) || /<\/?[a-z][\s\S]*>/i.test(text)
          ? prepareQti12Html(text, { resolveImage, loss })
          : escapeHtml(text);
      }
      if (part.localName === 'matimage') {
        return prepareQti12Html(`<img src="${escapeHtml(part.getAttribute('uri') ?? '')}" alt="">`, {
          resolveImage,
          loss,
        });
      }
      if (part.localName === 'math') {
        const reading = mathmlToTex(part);
        if (reading.ok) return escapeHtml(` \\(${reading.tex}\\) `);
        loss(`MathML with \`${reading.unsupported}\` has no simple TeX form; its text was kept`);
        return escapeHtml(textOf(part));
      }
      return '';
    })
    .join(' ');
}

function labelHtml(label: Element, html: (material: Element) => string): string {
  return descendants(label, (e) => e.localName === 'material')
    .map(html)
    .join(' ');
}

/** Canvas scores in percent (`SCORE`, 0–100): `points_possible` gives the marks; Respondus's `que_score` is the marks. */
function marksOf(
  item: Element,
  metadata: ReadonlyMap<string, string>,
  conditions: readonly Qti12Condition[],
): Rational | undefined {
  const points = Number(metadata.get('points_possible'));
  if (Number.isFinite(points) && points > 0) return Rational.fromNumber(points);
  const decvar = descendants(item, (e) => e.localName === 'decvar')[0];
  if (!decvar || (decvar.getAttribute('varname') ?? 'SCORE') === 'SCORE') return undefined;
  const maximum = Number(decvar.getAttribute('maxvalue'));
  if (Number.isFinite(maximum) && maximum > 0) return Rational.fromNumber(maximum);
  const best = Math.max(0, ...conditions.filter((c) => c.action === 'Set').map((c) => c.value ?? 0));
  return best > 0 ? Rational.fromNumber(best) : undefined;
}

function choiceDraft(
  base: Base,
  response: Qti12Response,
  conditions: readonly Qti12Condition[],
  html: (m: Element) => string,
  note: Note,
): ItemDraft {
  const ids = response.labels.map((label) => label.getAttribute('ident') ?? '');
  const htmls = response.labels.map((label) => labelHtml(label, html));
  const kind = /multiple/i.test(response.cardinality) ? 'multiple' : 'single';
  const combination = conditions.find(
    (c) =>
      (c.value ?? 0) > 0 &&
      c.positives.some((t) => t.respident === response.ident) &&
      (c.negatives.length > 0 || c.positives.length > 1),
  );
  if (combination) {
    const correct = new Set(combination.positives.map((test) => test.value));
    const options = htmls.map((text, index) => ({ html: text, correct: correct.has(ids[index] ?? '') }));
    return { ...base, keyUnknown: false, answer: { kind, options, allOrNothing: kind === 'multiple' } };
  }
  const scores = scorePerChoice(conditions, response.ident);
  const values = ids.map((id) => scores.get(id) ?? 0);
  const best = Math.max(0, ...values);
  const positiveTotal = values.filter((v) => v > 0).reduce((a, b) => a + b, 0);
  if (best <= 0) {
    note('no choice earns a score: the question was imported with key=unknown', 'partial');
    return {
      ...base,
      keyUnknown: true,
      answer: { kind, options: htmls.map((text) => ({ html: text, correct: false })) },
    };
  }
  const scale = kind === 'single' ? best : positiveTotal;
  const weights = values.map((value) =>
    (Rational.fromNumber(value) ?? Rational.ZERO).dividedBy(Rational.fromNumber(scale) ?? Rational.ONE),
  );
  const plain = kind === 'single' ? weights.every((w) => w.isZero() || w.equals(1)) : false;
  const options = htmls.map((text, index) => {
    const weight = (weights[index] ?? Rational.ZERO).clamp(Rational.of(-1), Rational.ONE);
    const correct = kind === 'single' ? weight.equals(1) : weight.isPositive();
    return plain ? { html: text, correct } : { html: text, correct, weight };
  });
  return { ...base, keyUnknown: false, answer: { kind, options } };
}

function numericDraft(
  base: Base,
  response: Qti12Response,
  conditions: readonly Qti12Condition[],
  note: Note,
): ItemDraft {
  const full = conditions.filter(
    (c) =>
      (c.value ?? 0) > 0 &&
      (c.positives.some((t) => t.respident === response.ident) || c.lower !== undefined || c.upper !== undefined),
  );
  const best = Math.max(0, ...full.map((c) => c.value ?? 0));
  const answers = full.filter((c) => c.value === best).flatMap((c) => numericOf(c, note));
  const [first, ...others] = answers;
  if (!first) {
    note('the numeric question has no answer that earns its score: imported with key=unknown', 'partial');
    return { ...base, keyUnknown: true, answer: { kind: 'numeric' } };
  }
  if (others.length > 0) {
    note(
      `the question accepts ${answers.length} answers but an Examforge numeric question has one: ${first.value} ± ${first.tolerance.amount} was kept, ${others.map((a) => `${a.value} ± ${a.tolerance.amount}`).join(', ')} left out`,
      'partial',
    );
  }
  return { ...base, keyUnknown: false, answer: { kind: 'numeric', answer: first } };
}

/** `77` alone; `77` or 70–84 (Canvas's margin of error); a range alone: its middle ± half its width. */
function numericOf(
  condition: Qti12Condition,
  note: Note,
): Array<{ value: number; tolerance: { kind: 'absolute'; amount: number } }> {
  const exact = condition.positives.map((test) => Number(test.value)).find(Number.isFinite);
  const { lower, upper } = condition;
  if (lower === undefined || upper === undefined) {
    return exact === undefined ? [] : [{ value: exact, tolerance: { kind: 'absolute', amount: 0 } }];
  }
  const value = exact ?? (lower + upper) / 2;
  const below = value - lower;
  const above = upper - value;
  const amount = round(Math.min(below, above));
  if (Math.abs(below - above) > 1e-9)
    note(
      `the accepted range ${lower}–${upper} is not centred on ${value}; Examforge keeps ${value} ± ${amount}`,
      'partial',
    );
  return [{ value, tolerance: { kind: 'absolute', amount } }];
}

function round(value: number): number {
  return Number(value.toPrecision(12));
}

function typedDraft(base: Base, response: Qti12Response, conditions: readonly Qti12Condition[], note: Note): ItemDraft {
  const accepted = [
    ...new Set(
      conditions
        .filter((c) => (c.value ?? 0) > 0)
        .flatMap((c) => c.positives.filter((t) => t.respident === response.ident).map((t) => t.value)),
    ),
  ];
  if (accepted.length === 0) {
    note('a typed answer with no accepted answer: it became a written answer graded by hand', 'free-response');
    return { ...base, keyUnknown: false, answer: { kind: 'free', rubric: [] } };
  }
  note(
    `Examforge grades typed words by hand: the short answer became a written question whose rubric lists the accepted answers (${accepted.join(', ')})`,
    'free-response',
  );
  const answer: DraftAnswer = {
    kind: 'free',
    solution: accepted.join(', '),
    rubric: [
      {
        share: Rational.ONE,
        text: `The answer is ${accepted.length > 1 ? 'one of ' : ''}${accepted.map((a) => `"${a}"`).join(', ')}`,
      },
    ],
  };
  return { ...base, keyUnknown: false, answer };
}

/** Kept as a written question: the stem, each response's own text and choices, the source's key for graders. */
function writtenDraft(
  base: Base,
  responses: readonly Qti12Response[],
  conditions: readonly Qti12Condition[],
  html: (m: Element) => string,
  reason: string,
  note: Note,
): ItemDraft {
  const parts = responses.map((response) => {
    const own = childElements(response.element)
      .filter((c) => c.localName === 'material')
      .map(html)
      .join(' ');
    const choices = response.labels.map((label) => labelHtml(label, html).trim()).filter((text) => text !== '');
    return `<p>${own}${choices.length > 0 ? ` [${choices.join(' / ')}]` : ''}</p>`;
  });
  const key = responses.flatMap((response) => {
    const texts = new Map(
      response.labels.map((label) => [label.getAttribute('ident') ?? '', textOf(label).replace(/\s+/g, ' ').trim()]),
    );
    const values = conditions
      .filter((c) => (c.value ?? 0) > 0)
      .flatMap((c) =>
        c.positives.filter((t) => t.respident === response.ident).map((t) => texts.get(t.value) || t.value),
      );
    return values.length > 0 ? [[...new Set(values)].join(' or ')] : [];
  });
  const solution = key.length > 0 ? `The source's correct responses: ${key.join('; ')}` : undefined;
  note(
    `the item was kept as a written question graded by hand because ${reason}; its text and choices were kept${solution ? ' and its correct responses are in the solution' : ''}`,
    'free-response',
  );
  return {
    ...base,
    stemHtml: `${base.stemHtml}${parts.join('')}`,
    keyUnknown: false,
    answer: { kind: 'free', rubric: [], ...(solution && { solution }) },
  };
}
