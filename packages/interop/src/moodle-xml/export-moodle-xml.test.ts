import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseExam, type Exam } from '@examforge/core';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { examFrom } from '../test-support/export-test-exam.js';
import { exportMoodleXml } from './export-moodle-xml.js';

const BUNDLED = fileURLToPath(new URL('../../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url));

function bundledExam(): Exam {
  const parsed = parseExam(readFileSync(BUNDLED, 'utf8'));
  if (!parsed.ok) throw new Error('the bundled exam does not parse');
  return parsed.exam;
}

/** The exported file parsed strictly: any parser error fails the test, so the output is well-formed XML. */
function quizOf(bytes: Uint8Array): Element {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  });
  const root = parser.parseFromString(new TextDecoder().decode(bytes), 'text/xml').documentElement;
  if (!root) throw new Error('no root');
  return root;
}

const children = (element: Element, name: string) =>
  Array.from(element.childNodes).filter((node): node is Element => node.nodeName === name);
const child = (element: Element, name: string) => children(element, name)[0];
const textOf = (element: Element | undefined, name: string) =>
  element
    ? (child(child(element, name) ?? element, 'text')?.textContent ?? child(element, name)?.textContent)
    : undefined;
const questionsOf = (quiz: Element) => children(quiz, 'question');
const byIdNumber = (quiz: Element, id: string) =>
  questionsOf(quiz).find((question) => child(question, 'idnumber')?.textContent === id);
const fractions = (question: Element | undefined) =>
  question ? children(question, 'answer').map((answer) => answer.getAttribute('fraction')) : [];

describe('exportMoodleXml', () => {
  it('writes the bundled exam as a Moodle question bank: a category per section, marks as defaultgrade, penalties as negative fractions', () => {
    const bank = exportMoodleXml(bundledExam());
    const quiz = quizOf(bank.bytes);
    expect(bank.fileName).toBe('dl-endsem-winter-2025-moodle.xml');
    const types = questionsOf(quiz).map((question) => question.getAttribute('type'));
    // The exam's category (with the instructions), then one per section.
    expect(types.filter((type) => type === 'category')).toHaveLength(4);
    expect(textOf(questionsOf(quiz)[0], 'info')).toContain('Beginner questions carry negative marking');
    // 18 keyed choice questions and 3 essays; the 8 questions without a key are left out, as the notes say.
    expect(types.filter((type) => type === 'multichoice')).toHaveLength(18);
    expect(types.filter((type) => type === 'essay')).toHaveLength(3);
    expect(types).toHaveLength(25);
    const prior = byIdNumber(quiz, 'l2-prior');
    expect(child(prior!, 'defaultgrade')?.textContent).toBe('0.5');
    expect(fractions(prior)).toEqual(['-100', '100', '-100', '-100']);
    expect(textOf(prior, 'questiontext')).toContain('\\(\\mathcal{L}(\\theta)');
    const essay = byIdNumber(quiz, 'wasserstein-vs-js');
    expect(textOf(essay, 'graderinfo')).toMatch(/Model solution[\s\S]*Rubric/);
    expect(
      bank.notes.filter((note) => note.keptAs === 'left-out' && note.reason.includes('key is unknown')),
    ).toHaveLength(8);
    expect(bank.notes.filter((note) => note.reason.includes('rubric'))).toHaveLength(3);
    expect(bank.notes.some((note) => note.reason.includes('{paper-only}'))).toBe(false);
  });

  it('maps each multiple-answer strategy Moodle can express to fractions, and says where it cannot', () => {
    const exam = examFrom(`## Partial {#partial type=multiple scoring=partial-credit}

Pick.

- [x] a
- [x] b
- [x] c
- [ ] d
- [ ] e

## Net {#net type=multiple scoring=net-correct}

Pick.

- [x] a
- [x] b
- [ ] c

## Strict {#strict type=multiple}

Pick.

- [x] a
- [x] b
- [ ] c

## Weighted {#weighted type=multiple}

Pick.

- [x] a {weight=1/3}
- [x] b {weight=2/3}
- [ ] c {weight=-0.5}

## Single with a third off {#third penalty=1/3}

Pick.

- [x] a
- [ ] b
`);
    const bank = exportMoodleXml(exam);
    const quiz = quizOf(bank.bytes);
    expect(fractions(byIdNumber(quiz, 'partial'))).toEqual(['33.33333', '33.33333', '33.33333', '-50', '-50']);
    expect(fractions(byIdNumber(quiz, 'net'))).toEqual(['50', '50', '-50']);
    expect(fractions(byIdNumber(quiz, 'weighted'))).toEqual(['33.33333', '66.66667', '-50']);
    expect(fractions(byIdNumber(quiz, 'third'))).toEqual(['100', '-33.33333']);
    expect(fractions(byIdNumber(quiz, 'strict'))).toEqual(['50', '50', '-100']);
    expect(bank.notes).toContainEqual({
      questionId: 'strict',
      keptAs: 'partial',
      reason: expect.stringContaining('all-or-nothing scoring cannot be written as a fraction per option') as string,
    });
    expect(
      bank.notes.filter((note) => ['partial', 'net', 'weighted', 'third'].includes(note.questionId ?? '')),
    ).toEqual([]);
  });

  it('leaves out what Moodle would refuse, and moves a fraction Moodle does not accept to its nearest grade', () => {
    const exam = examFrom(`## Short {#short type=multiple}

Pick.

- [x] a {weight=0.5}
- [x] b {weight=0.25}
- [ ] c

## Twelfth {#twelfth marks=3 penalty=0.25}

Pick.

- [x] a
- [ ] b
`);
    const bank = exportMoodleXml(exam);
    const quiz = quizOf(bank.bytes);
    expect(byIdNumber(quiz, 'short')).toBeUndefined();
    expect(bank.notes).toContainEqual({
      questionId: 'short',
      keptAs: 'left-out',
      reason: expect.stringContaining('add up to 75 %') as string,
    });
    expect(fractions(byIdNumber(quiz, 'twelfth'))).toEqual(['100', '-10']);
    expect(bank.notes.find((note) => note.questionId === 'twelfth')?.reason).toMatch(/-8.33 %.*-10 %/);
  });

  it('writes numeric answers with an absolute tolerance and the penalty as a catch-all answer', () => {
    const exam = examFrom(
      `## Relative {#relative}

How much?

### Answer

250 ± 2%

## Exact {#exact penalty=0}

How much?

### Answer

3.5
`,
      { marks: '2', penalty: '1' },
    );
    const quiz = quizOf(exportMoodleXml(exam).bytes);
    const relative = byIdNumber(quiz, 'relative')!;
    const answers = children(relative, 'answer');
    expect(
      answers.map((answer) => [answer.getAttribute('fraction'), textOf(answer, 'text'), textOf(answer, 'tolerance')]),
    ).toEqual([
      ['100', '250', '5'],
      ['-50', '*', '0'],
    ]);
    expect(children(byIdNumber(quiz, 'exact')!, 'answer').map((answer) => textOf(answer, 'tolerance'))).toEqual(['0']);
  });

  it('embeds images as base64 files referred to by @@PLUGINFILE@@, and reports one it cannot read', () => {
    const exam = examFrom(`## Picture {#picture}

Look at ![the network](figures/net.png) and ![lost](figures/lost.png).

- [x] yes
- [ ] no
`);
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    const bank = exportMoodleXml(exam, (path) => (path === 'figures/net.png' ? png : undefined));
    const questionText = child(byIdNumber(quizOf(bank.bytes), 'picture')!, 'questiontext')!;
    expect(textOf(questionText, 'text')).toContain('<img src="@@PLUGINFILE@@/net.png" alt="the network"/>');
    expect(textOf(questionText, 'text')).toContain('[image: lost]');
    const file = child(questionText, 'file')!;
    expect([file.getAttribute('name'), file.getAttribute('encoding'), file.textContent]).toEqual([
      'net.png',
      'base64',
      'iVBORw0KGgo=',
    ]);
    expect(bank.notes).toContainEqual({
      questionId: 'picture',
      keptAs: 'partial',
      reason: 'the image figures/lost.png could not be read, so its description is written instead of it',
    });
  });
});
