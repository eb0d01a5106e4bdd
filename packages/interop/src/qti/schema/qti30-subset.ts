/**
 * A subset of the QTI 3.0 schemas (1EdTech's `imsqti_asiv3p0_v1p0.xsd` and the content-packaging
 * `imsqtiv3p0_imscpv1p2_v1p0.xsd`), written down as the structural rules that hold for what Examforge writes. The
 * XSDs themselves cannot be used here: they are not on npm (no package under MIT, Apache or BSD ships them) and
 * nothing but npm can be fetched. So an export is held to this: every element is one of these, in an allowed parent,
 * with its required attributes, only known attributes, values from the schemas' vocabularies and identifiers with
 * the NCName syntax; `validateQtiPackage` adds the references the XSDs cannot check (a response identifier declared,
 * a manifest file in the zip). Widen it when the exporter writes something new, from the schema's definitions.
 */
export interface ElementRule {
  readonly required?: readonly string[];
  readonly optional?: readonly string[];
  /** The elements it may contain; `flow` for XHTML content; absent for none. Text is allowed where `text` is set. */
  readonly children?: readonly string[] | 'flow';
  readonly text?: boolean;
}

const IDENTIFIER_ATTRIBUTES = ['identifier', 'response-identifier', 'outcome-identifier', 'variable-identifier'];

/** Attributes whose value is a QTI identifier (NCName syntax). */
export const IDENTIFIER_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set([...IDENTIFIER_ATTRIBUTES, 'identifierref']);

/** QTI identifiers and choice identifiers: an XML NCName restricted to ASCII. */
export const IDENTIFIER_SYNTAX = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Attribute vocabularies from the schemas' simple types. */
export const VOCABULARIES: Readonly<Record<string, readonly string[]>> = {
  cardinality: ['single', 'multiple', 'ordered', 'record'],
  'base-type': [
    'identifier',
    'boolean',
    'integer',
    'float',
    'string',
    'point',
    'pair',
    'directedPair',
    'duration',
    'file',
    'uri',
  ],
  'tolerance-mode': ['exact', 'absolute', 'relative'],
  view: ['author', 'candidate', 'proctor', 'scorer', 'testConstructor', 'tutor'],
  'show-hide': ['show', 'hide'],
  'navigation-mode': ['linear', 'nonlinear'],
  'submission-mode': ['individual', 'simultaneous'],
  'external-scored': ['human', 'externalMachine'],
  adaptive: ['true', 'false'],
  'time-dependent': ['true', 'false'],
  shuffle: ['true', 'false'],
  fixed: ['true', 'false'],
  visible: ['true', 'false'],
  'allow-late-submission': ['true', 'false'],
  type: ['imsqti_item_xmlv3p0', 'imsqti_test_xmlv3p0', 'webcontent'],
};

/** Attributes whose value is a number (`float` in the schema); `integer` ones below. */
export const FLOAT_ATTRIBUTES: ReadonlySet<string> = new Set([
  'normal-maximum',
  'default-value',
  'lower-bound',
  'upper-bound',
  'mapped-value',
]);
export const INTEGER_ATTRIBUTES: ReadonlySet<string> = new Set([
  'max-choices',
  'min-choices',
  'expected-length',
  'expected-lines',
  'max-time',
]);

const EXPRESSIONS = [
  'qti-base-value',
  'qti-variable',
  'qti-correct',
  'qti-map-response',
  'qti-is-null',
  'qti-match',
  'qti-equal',
  'qti-sum',
  'qti-min',
  'qti-max',
  'qti-test-variables',
];
const ROOT_ATTRIBUTES = ['xmlns', 'xmlns:xsi', 'xsi:schemaLocation'];

/** The QTI elements of items and tests that Examforge writes. */
export const QTI_ELEMENTS: Readonly<Record<string, ElementRule>> = {
  'qti-assessment-item': {
    required: ['identifier', 'title', 'adaptive', 'time-dependent'],
    optional: ROOT_ATTRIBUTES,
    children: [
      'qti-response-declaration',
      'qti-outcome-declaration',
      'qti-item-body',
      'qti-response-processing',
      'qti-modal-feedback',
    ],
  },
  'qti-response-declaration': {
    required: ['identifier', 'cardinality'],
    optional: ['base-type'],
    children: ['qti-correct-response', 'qti-mapping'],
  },
  'qti-outcome-declaration': {
    required: ['identifier', 'cardinality'],
    optional: ['base-type', 'normal-maximum', 'external-scored'],
    children: ['qti-default-value'],
  },
  'qti-correct-response': { children: ['qti-value'] },
  'qti-default-value': { children: ['qti-value'] },
  'qti-value': { text: true },
  'qti-mapping': {
    required: ['default-value'],
    optional: ['lower-bound', 'upper-bound'],
    children: ['qti-map-entry'],
  },
  'qti-map-entry': { required: ['map-key', 'mapped-value'] },
  'qti-item-body': { children: 'flow' },
  'qti-choice-interaction': {
    required: ['response-identifier', 'max-choices'],
    optional: ['min-choices', 'shuffle'],
    children: ['qti-prompt', 'qti-simple-choice'],
  },
  'qti-prompt': { children: 'flow', text: true },
  'qti-simple-choice': { required: ['identifier'], optional: ['fixed'], children: 'flow', text: true },
  'qti-text-entry-interaction': { required: ['response-identifier'], optional: ['expected-length'] },
  'qti-extended-text-interaction': {
    required: ['response-identifier'],
    optional: ['expected-lines', 'expected-length'],
    children: ['qti-prompt'],
  },
  'qti-rubric-block': { required: ['view'], optional: ['use'], children: ['qti-content-body'] },
  'qti-content-body': { children: 'flow', text: true },
  'qti-modal-feedback': {
    required: ['outcome-identifier', 'show-hide', 'identifier'],
    children: ['qti-content-body'],
  },
  'qti-response-processing': { children: ['qti-response-condition', 'qti-set-outcome-value'] },
  'qti-response-condition': { children: ['qti-response-if', 'qti-response-else-if', 'qti-response-else'] },
  'qti-response-if': { children: [...EXPRESSIONS, 'qti-set-outcome-value'] },
  'qti-response-else-if': { children: [...EXPRESSIONS, 'qti-set-outcome-value'] },
  'qti-response-else': { children: ['qti-set-outcome-value'] },
  'qti-set-outcome-value': { required: ['identifier'], children: EXPRESSIONS },
  'qti-base-value': { required: ['base-type'], text: true },
  'qti-variable': { required: ['identifier'] },
  'qti-correct': { required: ['identifier'] },
  'qti-map-response': { required: ['identifier'] },
  'qti-is-null': { children: EXPRESSIONS },
  'qti-match': { children: EXPRESSIONS },
  'qti-equal': { required: ['tolerance-mode'], optional: ['tolerance'], children: EXPRESSIONS },
  'qti-sum': { children: EXPRESSIONS },
  'qti-min': { children: EXPRESSIONS },
  'qti-max': { children: EXPRESSIONS },
  'qti-test-variables': { required: ['variable-identifier'] },
  'qti-assessment-test': {
    required: ['identifier', 'title'],
    optional: ROOT_ATTRIBUTES,
    children: ['qti-outcome-declaration', 'qti-time-limits', 'qti-test-part', 'qti-outcome-processing'],
  },
  'qti-time-limits': { optional: ['max-time', 'min-time', 'allow-late-submission'] },
  'qti-test-part': {
    required: ['identifier', 'navigation-mode', 'submission-mode'],
    children: ['qti-assessment-section'],
  },
  'qti-assessment-section': {
    required: ['identifier', 'title', 'visible'],
    children: ['qti-rubric-block', 'qti-assessment-item-ref'],
  },
  'qti-assessment-item-ref': { required: ['identifier', 'href'] },
  'qti-outcome-processing': { children: ['qti-set-outcome-value'] },
};

/** Where the item's children must come, in order (the XSD's sequence); an element may repeat within its place. */
export const SEQUENCES: Readonly<Record<string, readonly string[]>> = {
  'qti-assessment-item': [
    'qti-response-declaration',
    'qti-outcome-declaration',
    'qti-item-body',
    'qti-response-processing',
    'qti-modal-feedback',
  ],
  'qti-assessment-test': ['qti-outcome-declaration', 'qti-time-limits', 'qti-test-part', 'qti-outcome-processing'],
  'qti-response-condition': ['qti-response-if', 'qti-response-else-if', 'qti-response-else'],
  'qti-assessment-section': ['qti-rubric-block', 'qti-assessment-item-ref'],
};

/**
 * The XHTML subset allowed in QTI content (`flow`), with the attributes we write. MathML (`math`) is allowed and its
 * inside left to the MathML schema.
 */
const INLINE = ['em', 'strong', 'code', 'a', 'img', 'br', 'span', 'sub', 'sup', 'math'];
const BLOCK = ['p', 'div', 'pre', 'ul', 'ol', 'blockquote', 'table', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const INTERACTIONS = [
  'qti-choice-interaction',
  'qti-text-entry-interaction',
  'qti-extended-text-interaction',
  'qti-rubric-block',
];
const COMMON = ['class', 'id'];
export const XHTML_ELEMENTS: Readonly<Record<string, ElementRule>> = {
  ...Object.fromEntries(
    [
      ...INLINE.filter((name) => !['img', 'a', 'br', 'math'].includes(name)),
      'li',
      'blockquote',
      'div',
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'p',
      'td',
      'th',
      'pre',
    ].map((name) => [name, { optional: COMMON, children: 'flow', text: true } satisfies ElementRule]),
  ),
  a: { optional: [...COMMON, 'href', 'title'], children: 'flow', text: true },
  img: { required: ['src', 'alt'], optional: [...COMMON, 'width', 'height', 'title'] },
  br: { optional: COMMON },
  hr: { optional: COMMON },
  ul: { optional: COMMON, children: ['li'] },
  ol: { optional: [...COMMON, 'start'], children: ['li'] },
  table: { optional: COMMON, children: ['thead', 'tbody', 'tr', 'caption'] },
  caption: { optional: COMMON, children: 'flow', text: true },
  thead: { optional: COMMON, children: ['tr'] },
  tbody: { optional: COMMON, children: ['tr'] },
  tr: { optional: COMMON, children: ['th', 'td'] },
  math: { optional: ['xmlns', 'display'] },
};

/** What `flow` content may hold: XHTML, MathML and the interactions Examforge writes. */
export const FLOW_CHILDREN: ReadonlySet<string> = new Set([...INLINE, ...BLOCK, ...INTERACTIONS]);

/** The content-packaging manifest elements. */
export const MANIFEST_ELEMENTS: Readonly<Record<string, ElementRule>> = {
  manifest: {
    required: ['identifier'],
    optional: ROOT_ATTRIBUTES,
    children: ['metadata', 'organizations', 'resources'],
  },
  metadata: { children: ['schema', 'schemaversion'] },
  schema: { text: true },
  schemaversion: { text: true },
  organizations: {},
  resources: { children: ['resource'] },
  resource: { required: ['identifier', 'type'], optional: ['href'], children: ['file', 'dependency'] },
  file: { required: ['href'] },
  dependency: { required: ['identifierref'] },
};
