import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError, type ImportedExam } from '../import-result.js';
import { sampleFile } from '../test-support/interop-samples.js';
import { importMoodleXml } from './import-moodle-xml.js';

function kinds(imported: ImportedExam): string[] {
  return imported.exam.sections.flatMap((section) => section.questions.map((q) => `${section.title}: ${q.kind}`));
}

function notesOf(imported: ImportedExam): string[] {
  return imported.notes.map((note) => `${note.location.xmlPath ?? ''} ${note.keptAs}`);
}

function quiz(questions: string): { name: string; bytes: Uint8Array } {
  return {
    name: 'bank.xml',
    bytes: strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${questions}\n</quiz>\n`),
  };
}

function refusal(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('importMoodleXml on the sample banks', () => {
  it('multi-answer question: Moodle’s 50/50 grades become weights, the key the options of positive weight', () => {
    const imported = importMoodleXml(sampleFile('moodle-xml/moodle_fixture_multichoice_multi_answer_hints.xml'));
    const question = imported.exam.sections[0]?.questions[0];
    expect(question?.kind).toBe('multiple');
    expect(
      question?.kind === 'multiple' && question.options.map((o) => [o.text, o.correct, o.weight?.toString()]),
    ).toEqual([
      ['Tokyo', false, undefined],
      ['Spain', false, undefined],
      ['London', true, '0.5'],
      ['Barcelona', false, undefined],
      ['Paris', true, '0.5'],
    ]);
    expect(imported.exam.sections[0]?.title).toBe('Default for C1');
    expect(imported.notes.map((note) => `${note.location.xmlPath ?? ''}: ${note.reason}`)).toEqual([
      '/quiz/question[2]/hint[1]: 2 hints (shown between tries in Moodle) were left out',
    ]);
  });

  it('nested categories become sections; true/false and essay questions', () => {
    const imported = importMoodleXml(sampleFile('moodle-xml/moodle_fixture_nested_categories_with_questions.xml'));
    expect(kinds(imported)).toEqual([
      'Iota: single',
      'Iota / Kappa: free',
      'Iota / Kappa: single',
      'Iota / Kappa / Lambda: single',
      'Iota / Mu: single',
    ]);
    const truth = imported.exam.sections[0]?.questions[0];
    expect(truth?.kind === 'single' && truth.options.map((o) => `${o.text}:${o.correct}`)).toEqual([
      'True:true',
      'False:false',
    ]);
  });

  it('a Moodle 1.9 image becomes an asset beside the exam; the Cloze question is noted as left out', () => {
    const imported = importMoodleXml(sampleFile('moodle-xml/moodle_fixture_old_image_tag_base64_moodle19.xml'));
    expect(imported.assets.map((asset) => asset.path)).toEqual(['images/moodle.png']);
    expect([...(imported.assets[0]?.bytes.slice(1, 4) ?? [])]).toEqual([0x50, 0x4e, 0x47]);
    expect(imported.exam.sections[0]?.questions[0]?.stem).toContain('![](<images/moodle.png>)');
    expect(notesOf(imported)).toEqual(['/quiz/question[2] left-out']);
    expect(imported.notes[0]?.reason).toBe('left out: Cloze (embedded answers) questions have no Examforge equivalent');
  });

  it('a real bank: TeX kept, @@PLUGINFILE@@ images written, numeric tolerances, calculated questions noted', () => {
    const imported = importMoodleXml(
      sampleFile('moodle-xml/amc2moodle_moodle-bank-exemple_math_images_numerical_calculated.xml'),
    );
    expect(kinds(imported).map((kind) => kind.split(': ')[1])).toEqual([
      'free',
      'single',
      'single',
      'single',
      'numeric',
      'numeric',
      'numeric',
      'numeric',
      'single',
      'single',
    ]);
    expect(imported.assets.length).toBeGreaterThanOrEqual(2);
    const numeric = imported.exam.sections[1]?.questions[1];
    expect(numeric?.kind === 'numeric' && numeric.answer).toEqual({
      value: 3.141592653589793,
      tolerance: { kind: 'absolute', amount: 0.001 },
    });
    expect(numeric?.stem).toBe('Give an approximated value for $\\pi$ up to 3 digits?');
    expect(notesOf(imported)).toEqual([
      '/quiz/question[3]/questiontext[1] content',
      '/quiz/question[3]/correctfeedback[1] partial',
      '/quiz/question[4]/answer[2] content',
      '/quiz/question[4]/answer[3] content',
      '/quiz/question[4]/correctfeedback[1] partial',
      '/quiz/question[5]/correctfeedback[1] partial',
      '/quiz/question[6] description',
      '/quiz/question[11]/answer[2] partial',
      '/quiz/question[13] left-out',
      '/quiz/question[14] left-out',
    ]);
  });

  it('a generated bank with processing instructions and fractions Moodle refuses (-6.25 %)', () => {
    const imported = importMoodleXml(sampleFile('moodle-xml/amc2moodle_QCM_generated_quirky_fractions_PIs.xml'));
    expect(kinds(imported)).toHaveLength(9);
    const refused = imported.notes.find((note) => note.location.xmlPath === '/quiz/question[6]/answer[3]');
    expect(refused?.reason).toMatch(/^left out: Moodle refuses this question: grades -6.25 %/);
    expect(refused?.location.line).toBe(106);
  });

  it.each([
    [
      'moodle_fixture_error_invalid_grades_negative_fractions.xml',
      38,
      /grade 33 % is not among the 21 grades Moodle allows/,
    ],
    [
      'moodle_fixture_broken_cloze_questions.xml',
      4,
      /Cloze \(embedded answers\) questions have no Examforge equivalent/,
    ],
    ['stack_plugin_qtype_integration_with_feedback.xml', 4, /STACK questions have no Examforge equivalent/],
  ])('%s has nothing to import: refused at line %i with the reasons', (name, line, reason) => {
    const error = refusal(() => importMoodleXml(sampleFile(`moodle-xml/${name}`)));
    expect(error.location.line).toBe(line);
    expect(error.message).toMatch(reason);
  });
});

describe('importMoodleXml on small banks', () => {
  it('refuses XML that is not well-formed, with the line and column', () => {
    const error = refusal(() => importMoodleXml(quiz('<question type="essay">\n  <name><text>x</name>\n</question>')));
    expect(error.location).toMatchObject({ file: 'bank.xml', line: 4 });
    expect(error.message).toMatch(/^bank\.xml is not well-formed XML at line 4, column \d+: /);
  });

  it.each([
    ['ISO-8859-1 as declared', 'ISO-8859-1', (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0))],
    ['UTF-8 with a BOM', 'UTF-8', (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)])],
    [
      'UTF-16 LE with a BOM',
      'UTF-16',
      (text: string) => new Uint8Array([0xff, 0xfe, ...Array.from(text, (char) => [char.charCodeAt(0), 0]).flat()]),
    ],
  ])('reads %s', (_name, encoding, encode) => {
    const text = `<?xml version="1.0" encoding="${encoding}"?>\r\n<quiz><question type="essay"><name><text>Café</text></name><questiontext format="html"><text>Où est le café\u00a0?</text></questiontext></question></quiz>`;
    const imported = importMoodleXml({ name: 'latin.xml', bytes: encode(text) });
    expect(imported.exam.sections[0]?.questions[0]?.stem).toBe('Où est le café\u00a0?');
    expect(imported.exam.sections[0]?.questions[0]?.id).toBe('cafe');
  });

  it('refuses XML whose root is not <quiz>', () => {
    expect(() => importMoodleXml({ name: 'x.xml', bytes: strToU8('<questestinterop/>') })).toThrow(
      'x.xml is not Moodle XML: its root element is not <quiz>',
    );
  });

  it('makes a short-answer question a written one whose rubric lists the accepted answers, and says so', () => {
    const imported = importMoodleXml(
      quiz(`<question type="shortanswer"><name><text>Capital</text></name>
  <questiontext format="html"><text><![CDATA[<p>Capital of France?</p>]]></text></questiontext>
  <defaultgrade>2</defaultgrade>
  <answer fraction="100"><text>Paris</text></answer>
  <answer fraction="50"><text>paris*</text></answer>
  <answer fraction="0"><text>Lyon</text></answer>
</question>`),
    );
    const question = imported.exam.sections[0]?.questions[0];
    expect(question?.kind).toBe('free');
    expect(question?.kind === 'free' && question.rubric.map((item) => [item.points.toString(), item.text])).toEqual([
      ['2', 'answers Paris'],
      ['1', 'answers paris\\* (50 % in Moodle)'],
    ]);
    expect(imported.notes.map((note) => note.keptAs)).toEqual(['free-response']);
  });

  it('puts a description before the next question and keeps a numerical answer with its unit', () => {
    const imported = importMoodleXml(
      quiz(`<question type="description"><name><text>Intro</text></name>
  <questiontext format="plain_text"><text>A car drives 100 km in 2 h.</text></questiontext></question>
<question type="numerical"><name><text>Speed</text></name>
  <questiontext format="html"><text>Its speed?</text></questiontext>
  <answer fraction="100"><text>50</text><tolerance>0.5</tolerance></answer>
  <units><unit><multiplier>1</multiplier><unit_name>km/h</unit_name></unit></units>
</question>`),
    );
    const question = imported.exam.sections[0]?.questions[0];
    expect(question?.stem).toBe('A car drives 100 km in 2 h.\n\nIts speed?\n\nGive the answer in km/h.');
    expect(question?.kind === 'numeric' && question.answer).toEqual({
      value: 50,
      tolerance: { kind: 'absolute', amount: 0.5 },
    });
    expect(imported.notes.map((note) => note.keptAs)).toEqual(['description']);
  });

  it('writes an @@PLUGINFILE@@ image and reports one that is missing', () => {
    const imported = importMoodleXml(
      quiz(`<question type="essay"><name><text>Draw</text></name>
  <questiontext format="html"><text><![CDATA[<p><img src="@@PLUGINFILE@@/my%20net.png" alt="net"> and <img src="@@PLUGINFILE@@/gone.png"></p>]]></text>
  <file name="my net.png" path="/" encoding="base64">iVBORw0KGgo=</file></questiontext>
</question>`),
    );
    expect(imported.exam.sections[0]?.questions[0]?.stem).toBe('![net](<images/my-net.png>) and');
    expect(imported.assets.map((asset) => asset.path)).toEqual(['images/my-net.png']);
    expect(imported.notes.map((note) => `${note.location.xmlPath ?? ''}: ${note.reason}`)).toEqual([
      '/quiz/question[1]/questiontext[1]: the image @@PLUGINFILE@@/gone.png was not found; it was left out',
    ]);
  });

  it('keeps the author’s option order when Moodle does not shuffle the answers', () => {
    const imported = importMoodleXml(
      quiz(`<question type="multichoice"><name><text>Order</text></name><questiontext><text>Pick</text></questiontext>
  <single>true</single><shuffleanswers>0</shuffleanswers>
  <answer fraction="100"><text>a</text></answer><answer fraction="0"><text>All of the above</text></answer></question>`),
    );
    const question = imported.exam.sections[0]?.questions[0];
    expect(question?.kind === 'single' && question.options.map((o) => o.fixed)).toEqual([true, true]);
  });

  it('refuses a single-answer question without a 100 % answer, as Moodle does', () => {
    const error = refusal(() =>
      importMoodleXml(
        quiz(`<question type="multichoice"><name><text>Half</text></name><questiontext><text>Pick</text></questiontext>
  <single>true</single><answer fraction="50"><text>a</text></answer><answer fraction="0"><text>b</text></answer></question>`),
      ),
    );
    expect(error.message).toMatch(/one of the choices should be 100 %/);
  });

  it('takes a question’s idnumber as its id when it is a valid Examforge id no other question has, else notes why not', () => {
    const essay = (name: string, idNumber: string) =>
      `<question type="essay"><name><text>${name}</text></name><questiontext format="html"><text>Explain ${name}.</text></questiontext><idnumber>${idNumber}</idnumber></question>`;
    const imported = importMoodleXml(
      quiz(
        [
          // The first question's name would make the id `l2-prior`, which the third claims: idnumbers come first.
          essay('L2 prior', ''),
          essay('Dropout', 'dropout-rate'),
          essay('Weight decay', 'l2-prior'),
          essay('Batch norm', 'Q 4'),
          essay('Layer norm', 'dropout-rate'),
        ].join('\n'),
      ),
    );
    expect(imported.exam.sections.flatMap((section) => section.questions.map((question) => question.id))).toEqual([
      'l2-prior-2',
      'dropout-rate',
      'l2-prior',
      'batch-norm',
      'layer-norm',
    ]);
    expect(imported.notes.map((note) => `${note.location.xmlPath ?? ''}: ${note.reason}`)).toEqual([
      '/quiz/question[4]/idnumber[1]: its idnumber "Q 4" is not an Examforge id (lowercase letters, digits and single hyphens, e.g. q1-2), so its id was made from its name',
      '/quiz/question[5]/idnumber[1]: its idnumber "dropout-rate" is already the id of the question "Dropout", so its id was made from its name',
    ]);
  });
});
