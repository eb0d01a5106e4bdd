import { optionWeights, printExam, type Question } from '@examforge/core';
import { describe, expect, test } from 'vitest';
import { importBank } from '../import-bank.js';
import { ImportAssets } from '../import-assets.js';
import { ImportError, type ImportedExam, type KeptAs } from '../import-result.js';
import { importLintErrors } from '../question-builder.js';
import { sampleFile } from '../test-support/interop-samples.js';

type Kinds = Partial<Record<Question['kind'], number>>;
type Kept = Partial<Record<KeptAs, number>>;

interface Imported {
  readonly file: string;
  readonly format: ImportedExam['format'];
  readonly kinds: Kinds;
  /** Notes by what was kept. */
  readonly notes: Kept;
}

interface Refused {
  readonly file: string;
  readonly refused: { readonly line: number; readonly column: number; readonly message: RegExp };
}

/** What every QTI sample gives (the table of docs/interop.md): questions by type and the notes by kind, or a refusal. */
const SAMPLES: readonly (Imported | Refused)[] = [
  {
    file: 'qti21/instructure_test_qti_2.2_package_mathassess_xsd.zip',
    format: 'qti21',
    kinds: { single: 2, multiple: 1, free: 2 },
    notes: { 'free-response': 1, content: 2 },
  },
  {
    file: 'qti21/oat_invalid_malformed_assessmentTest.xml',
    refused: { line: 27, column: 73, message: /not well-formed XML.*assessmentItemRef/ },
  },
  {
    file: 'qti21/oat_invalid_xsdinvalid_unknown_attribute.xml',
    format: 'qti21',
    kinds: { single: 1 },
    notes: { content: 2 },
  },
  {
    file: 'qti21/oat_qti20_versiondetection_leading_space_schemalocation.xml',
    format: 'qti21',
    kinds: { free: 1 },
    notes: { 'free-response': 1, content: 1 },
  },
  {
    file: 'qti21/onyx_interactionmix_saxony_v3_package/imsmanifest.xml',
    format: 'qti21',
    kinds: { single: 2, multiple: 2, numeric: 1, free: 8 },
    notes: { partial: 1, 'free-response': 8, content: 13 },
  },
  {
    file: 'qti21/qtiworks_mathassess_MANum01SR_mathml_maxima_adaptive.xml',
    format: 'qti21',
    kinds: { free: 1 },
    notes: { content: 2, 'free-response': 1 },
  },
  {
    file: 'qti21/qtiworks_stomp_precisionGS_numeric_sigfigs_record.xml',
    format: 'qti21',
    kinds: { free: 1 },
    notes: { 'free-response': 1, content: 1 },
  },
  { file: 'qti30/citolab_choice_mathml_prompt.xml', format: 'qti30', kinds: { single: 1 }, notes: {} },
  {
    file: 'qti30/citolab_conformance_T4-T7_package/imsmanifest.xml',
    format: 'qti30',
    kinds: { single: 1, multiple: 1, free: 2 },
    notes: { partial: 1, 'free-response': 1 },
  },
  { file: 'qti30/citolab_invalid_no_xml_decl_no_rp.xml', format: 'qti30', kinds: { single: 1 }, notes: { partial: 1 } },
  {
    file: 'qti30/kennisnet_empty_correct_response_values.xml',
    format: 'qti30',
    kinds: { free: 1 },
    notes: { content: 3, 'free-response': 1 },
  },
  {
    file: 'qti30/kennisnet_invalid_else_if_after_else.xml',
    format: 'qti30',
    kinds: { single: 1 },
    notes: { partial: 1 },
  },
  {
    file: 'qti30/kennisnet_invalid_unknown_processing_element.xml',
    format: 'qti30',
    kinds: { free: 1 },
    notes: { content: 3, partial: 1, 'free-response': 1 },
  },
  {
    file: 'qti30/kennisnet_nvon_biology_package_no_max_score.zip',
    format: 'qti30',
    kinds: { single: 2, free: 7 },
    notes: { content: 1, description: 1, 'free-response': 6 },
  },
  {
    file: 'canvas-qti12/instructure_all_canvas_question_types.xml',
    format: 'qti12',
    kinds: { single: 2, multiple: 1, numeric: 1, free: 6 },
    notes: { partial: 1, 'free-response': 5 },
  },
  {
    file: 'canvas-qti12/instructure_calculated_formula_item_only.xml',
    format: 'qti12',
    kinds: { free: 1 },
    notes: { 'free-response': 1 },
  },
  {
    file: 'canvas-qti12/instructure_canvas_quiz_export_package/imsmanifest.xml',
    format: 'qti12',
    kinds: { single: 2, multiple: 1, free: 1 },
    notes: {},
  },
  {
    file: 'canvas-qti12/instructure_numeric_with_mathml.xml',
    format: 'qti12',
    kinds: { numeric: 2 },
    notes: { partial: 1 },
  },
  { file: 'canvas-qti12/instructure_numerical_range_or_exact.xml', format: 'qti12', kinds: { numeric: 1 }, notes: {} },
  {
    file: 'canvas-qti12/instructure_respondus_qti12_package_iso8859.zip',
    format: 'qti12',
    kinds: { single: 2, multiple: 1 },
    notes: {},
  },
  {
    file: 'canvas-qti12/qas-editor_canvas_all_types_equation_images_latex.xml',
    format: 'qti12',
    kinds: { single: 2, multiple: 1, numeric: 1, free: 7 },
    notes: { content: 1, description: 2, partial: 1, 'free-response': 6 },
  },
];

function importSample(file: string): ImportedExam {
  return importBank(sampleFile(file));
}

function questions(imported: ImportedExam): Question[] {
  return imported.exam.sections.flatMap((section) => [...section.questions]);
}

function question(imported: ImportedExam, id: string): Question {
  const found = questions(imported).find((candidate) => candidate.id === id);
  if (!found)
    throw new Error(
      `no question ${id} in ${questions(imported)
        .map((q) => q.id)
        .join(', ')}`,
    );
  return found;
}

function count<T extends string>(values: readonly T[]): Partial<Record<T, number>> {
  const counts: Partial<Record<T, number>> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

describe('every QTI sample imports as the table says, or is refused with a located message', () => {
  test.each(SAMPLES)('$file', (sample) => {
    if ('refused' in sample) {
      let thrown: unknown;
      try {
        importSample(sample.file);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ImportError);
      const error = thrown as ImportError;
      expect(error.location).toMatchObject({ line: sample.refused.line, column: sample.refused.column });
      expect(error.message).toMatch(sample.refused.message);
      return;
    }
    const imported = importSample(sample.file);
    expect(imported.format).toBe(sample.format);
    expect(count(questions(imported).map((q) => q.kind))).toEqual(sample.kinds);
    expect(count(imported.notes.map((note) => note.keptAs))).toEqual(sample.notes);
    for (const note of imported.notes) expect(note.location.xmlPath ?? note.location.line).toBeDefined();
    const assets = new ImportAssets();
    for (const asset of imported.assets) assets.add(asset.path.replace(/^images\//, ''), asset.bytes);
    expect(importLintErrors(imported.exam, assets)).toEqual([]);
  });
});

describe('QTI 2.x/3.0 scoring', () => {
  test('a map_response mapping becomes option weights over the mapping maximum, unmapped choices at its default', () => {
    const imported = importSample('qti21/instructure_test_qti_2.2_package_mathassess_xsd.zip');
    // The item's identifier is a readable id, so it is the question's id (its title is "Composition of Water").
    const water = question(imported, 'multiple-answer');
    expect(water.marks?.toString()).toBe('2');
    expect(optionWeights(water)?.map((w) => w.toString())).toEqual(['0.5', '-1', '-1', '0.5', '-1', '-0.5']);
    expect(imported.assets.map((asset) => asset.path)).toEqual(['images/sign.png']);
    expect(question(imported, 'choice').stem).toContain('](<images/sign.png>)');
  });

  test('ONYX negative mapped values weigh against the item maximum; a relative tolerance "5.0 5.0" is ±5 %', () => {
    const imported = importSample('qti21/onyx_interactionmix_saxony_v3_package/imsmanifest.xml');
    const perAnswer = question(imported, 'choice-multiple-point-per-answer');
    expect(optionWeights(perAnswer)?.map((w) => w.toString())).toEqual(['1/3', '1/3', '1/3', '-1/3', '-2/3']);
    const relative = question(imported, 'textentry-numeric-relative');
    expect(relative).toMatchObject({
      kind: 'numeric',
      answer: { value: 4.136, tolerance: { kind: 'relative', percent: 5 } },
    });
    const multiple = question(imported, 'choice-multiple');
    expect(multiple).toMatchObject({ kind: 'multiple', scoring: { strategy: 'all-or-nothing' } });
    const textEntry = question(imported, 'textentry');
    expect(textEntry).toMatchObject({ kind: 'free', solution: 'Fichtelberg' });
  });

  test('invalid response processing is reported where it is, and the declared correct response still keys the question', () => {
    const imported = importSample('qti30/kennisnet_invalid_else_if_after_else.xml');
    expect(question(imported, 'meerkeuze')).toMatchObject({
      kind: 'single',
      keyUnknown: false,
      options: [{ correct: true }, { correct: false }],
    });
    expect(imported.notes[0]?.location.xmlPath).toBe(
      '/qti-assessment-item/qti-response-processing/qti-response-condition[1]/qti-response-else-if',
    );
    const unknown = importSample('qti30/kennisnet_invalid_unknown_processing_element.xml');
    expect(unknown.notes.some((note) => note.location.xmlPath?.endsWith('/qti-wrong-element'))).toBe(true);
  });

  test('items with no correct response or no response processing come in with key=unknown and a note', () => {
    const imported = importSample('qti30/citolab_conformance_T4-T7_package/imsmanifest.xml');
    expect(questions(imported).map((q) => [q.kind, q.keyUnknown])).toEqual([
      ['single', false],
      ['multiple', true],
      ['free', false],
      ['free', false],
    ]);
    expect(importSample('qti30/citolab_invalid_no_xml_decl_no_rp.xml').exam.sections[0]?.questions[0]?.keyUnknown).toBe(
      true,
    );
  });

  test('MathML becomes TeX; a schema-invalid attribute is ignored with a located note', () => {
    expect(questions(importSample('qti30/citolab_choice_mathml_prompt.xml'))[0]?.stem).toContain('$E=mc^{2}$');
    const invalid = importSample('qti21/oat_invalid_xsdinvalid_unknown_attribute.xml');
    expect(invalid.notes[0]).toMatchObject({
      keptAs: 'content',
      location: { xmlPath: '/assessmentItem/responseDeclaration', line: 9 },
    });
    expect(invalid.notes[0]?.reason).toContain('foo="bar"');
  });

  test('adaptive, templated and record items are kept as written questions, saying why', () => {
    const reasons = [
      'qti21/qtiworks_mathassess_MANum01SR_mathml_maxima_adaptive.xml',
      'qti21/qtiworks_stomp_precisionGS_numeric_sigfigs_record.xml',
    ].map((file) =>
      importSample(file)
        .notes.map((note) => note.reason)
        .join(' '),
    );
    expect(reasons[0]).toMatch(/template processing.*adaptive/);
    expect(reasons[1]).toMatch(/record cardinality/);
  });
});

describe('QTI 1.2 (Canvas, Respondus)', () => {
  test('a Canvas margin-of-error range around the exact answer becomes value ± tolerance', () => {
    const [numeric] = questions(importSample('canvas-qti12/instructure_numerical_range_or_exact.xml'));
    expect(numeric).toMatchObject({
      kind: 'numeric',
      answer: { value: 77, tolerance: { kind: 'absolute', amount: 7 } },
    });
  });

  test('Respondus ISO-8859-1 package: Set scores key the single choices, Add scores weigh the multiple answer, images found', () => {
    const imported = importSample('canvas-qti12/instructure_respondus_qti12_package_iso8859.zip');
    const [first, second, third] = questions(imported);
    expect(first).toMatchObject({ kind: 'single', options: [{ correct: false }, { correct: true }] });
    expect(second?.marks?.toString() ?? imported.exam.sections[0]?.marks.toString()).toBe('10');
    expect(optionWeights(third as Question)?.map((w) => w.toString())).toEqual([
      '0.25',
      '-0.1',
      '0.25',
      '0.25',
      '-0.1',
      '-0.1',
      '0.25',
    ]);
    expect(imported.assets.map((asset) => asset.path).sort()).toEqual(['images/image-2.png', 'images/image.png']);
    expect(second?.stem).toContain('images/image-2.png');
  });

  test('Canvas: multiple answers all or nothing, short answer accepted answers in the rubric, equation images as TeX', () => {
    const imported = importSample('canvas-qti12/qas-editor_canvas_all_types_equation_images_latex.xml');
    const multiple = questions(imported).find((q) => q.kind === 'multiple');
    expect(multiple).toMatchObject({ scoring: { strategy: 'all-or-nothing' } });
    const text = printExam(imported.exam);
    expect(text).toContain('$E\\:=\\:mc^2$');
    expect(text).not.toMatch(/<img|equation_image/);
    const shortAnswer = question(imported, 'question-3');
    expect(shortAnswer).toMatchObject({ kind: 'free', rubric: [{ points: expect.anything() as unknown }] });
  });
});

test('--strict turns any note into a refusal that lists every loss with its place', () => {
  expect(() => importBank(sampleFile('qti30/kennisnet_invalid_else_if_after_else.xml'), { strict: true })).toThrow(
    /strict import[\s\S]*qti-response-else-if/,
  );
  expect(importBank(sampleFile('qti30/citolab_choice_mathml_prompt.xml'), { strict: true }).notes).toEqual([]);
});

test('an unpacked package can be imported from its test file or one item file, siblings read beside it', () => {
  const test = importBank(
    sampleFile('qti21/onyx_interactionmix_saxony_v3_package/InteractionMixSachsen_1901710679.xml'),
  );
  expect(questions(test)).toHaveLength(13);
  expect(test.assets).toHaveLength(10);
  const item = importBank(sampleFile('qti30/citolab_conformance_T4-T7_package/items/choice-single-cardinality.xml'));
  expect(questions(item)).toHaveLength(1);
});
