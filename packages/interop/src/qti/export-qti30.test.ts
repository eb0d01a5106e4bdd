import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseExam, type Exam } from '@examforge/core';
import { DOMParser, type Element } from '@xmldom/xmldom';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { arbitraryExam } from '../../../core/src/test-support/arbitrary-exam.js';
import { examFrom } from '../test-support/export-test-exam.js';
import { exportQti30 } from './export-qti30.js';
import { importQti } from './import-qti.js';
import { validateQtiPackage } from './schema/validate-qti-package.js';

const BUNDLED = fileURLToPath(new URL('../../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url));

function bundledExam(): Exam {
  const parsed = parseExam(readFileSync(BUNDLED, 'utf8'));
  if (!parsed.ok) throw new Error('the bundled exam does not parse');
  return parsed.exam;
}

function xml(files: Record<string, Uint8Array>, path: string): Element {
  const bytes = files[path];
  if (!bytes) throw new Error(`${path} is not in the package`);
  const root = new DOMParser().parseFromString(strFromU8(bytes), 'text/xml').documentElement;
  if (!root) throw new Error(`${path} has no root`);
  return root;
}

const all = (root: Element, name: string) => Array.from(root.getElementsByTagName(name));
const attributes = (root: Element, name: string, attribute: string) =>
  all(root, name).map((element) => element.getAttribute(attribute));

describe('exportQti30', () => {
  it('writes the bundled exam as a content package that keeps to the schema subset', () => {
    const bank = exportQti30(bundledExam());
    expect(bank.fileName).toBe('dl-endsem-winter-2025-qti3.zip');
    expect(validateQtiPackage(bank.bytes)).toEqual([]);
    const files = unzipSync(bank.bytes);
    const manifest = xml(files, 'imsmanifest.xml');
    expect(attributes(manifest, 'resource', 'type').filter((type) => type === 'imsqti_item_xmlv3p0')).toHaveLength(29);
    const test = xml(files, 'test.xml');
    expect(attributes(test, 'qti-assessment-section', 'identifier')).toEqual(['beginner', 'intermediate', 'advanced']);
    expect(attributes(test, 'qti-time-limits', 'max-time')).toEqual(['7200']);
    const prior = xml(files, 'items/l2-prior.xml');
    expect(all(prior, 'qti-correct-response')[0]?.textContent?.trim()).toBe('B');
    expect(attributes(prior, 'qti-map-entry', 'mapped-value')).toEqual(['-0.5', '0.5', '-0.5', '-0.5']);
    expect(all(prior, 'annotation')[0]?.textContent).toContain('\\mathcal{L}(\\theta)');
    const essay = xml(files, 'items/wasserstein-vs-js.xml');
    expect(attributes(essay, 'qti-outcome-declaration', 'external-scored')).toContain('human');
    expect(attributes(essay, 'qti-rubric-block', 'view')).toEqual(['scorer']);
    expect(bank.notes.filter((note) => note.reason.includes('key is unknown'))).toHaveLength(8);
    expect(bank.notes.filter((note) => note.reason.includes('rubric'))).toHaveLength(3);
  });

  it('gives back every question under its own id when the package is imported again', () => {
    const exam = bundledExam();
    const back = importQti({ name: 'bank.zip', bytes: exportQti30(exam).bytes }).exam;
    const ids = (of: Exam) => of.sections.flatMap((section) => section.questions.map((question) => question.id));
    expect(ids(back)).toEqual(ids(exam));
  });

  it('scores by mapping, by match and by mapping plus a constant, and numeric answers with qti-equal', () => {
    const exam = examFrom(
      `## Strict {#strict type=multiple}

Pick.

- [x] a
- [x] b
- [ ] c

## Decisions {#decisions type=multiple scoring=every-decision}

Pick.

- [x] a
- [ ] b

## Weighted {#weighted type=multiple}

Pick.

- [x] a {weight=0.5}
- [x] b {weight=0.5}
- [ ] c {weight=-1}

## Relative {#relative}

How much?

### Answer

250 ± 2%
`,
      { marks: '2', penalty: '0.5' },
    );
    const bank = exportQti30(exam);
    expect(validateQtiPackage(bank.bytes)).toEqual([]);
    const files = unzipSync(bank.bytes);
    const strict = xml(files, 'items/strict.xml');
    expect(all(strict, 'qti-match')).toHaveLength(1);
    expect(all(strict, 'qti-base-value').map((value) => value.textContent)).toEqual(['0', '2', '-0.5']);
    const decisions = xml(files, 'items/decisions.xml');
    expect(attributes(decisions, 'qti-map-entry', 'mapped-value')).toEqual(['1', '-1']);
    expect(all(decisions, 'qti-base-value').map((value) => value.textContent)).toEqual(['0', '2', '0', '1']);
    const weighted = xml(files, 'items/weighted.xml');
    expect(attributes(weighted, 'qti-mapping', 'upper-bound')).toEqual(['2']);
    expect(attributes(weighted, 'qti-map-entry', 'mapped-value')).toEqual(['1', '1', '-2']);
    const relative = xml(files, 'items/relative.xml');
    expect(attributes(relative, 'qti-equal', 'tolerance-mode')).toEqual(['relative']);
    expect(attributes(relative, 'qti-equal', 'tolerance')).toEqual(['2']);
    expect(bank.notes.filter((note) => note.questionId !== undefined)).toEqual([]);
  });

  it('keeps section and item identifiers apart in the test', () => {
    const exam = examFrom(`## Same name {#s}

Pick.

- [x] a
- [ ] b
`);
    const bank = exportQti30(exam);
    expect(validateQtiPackage(bank.bytes)).toEqual([]);
    expect(attributes(xml(unzipSync(bank.bytes), 'test.xml'), 'qti-assessment-section', 'identifier')).toEqual([
      'SECTION_s',
    ]);
  });

  it('puts images in the package and lists them with their item', () => {
    const exam = examFrom(`## Picture {#picture}

Look at ![the network](figures/net.png).

- [x] yes
- [ ] no
`);
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    const bank = exportQti30(exam, (path) => (path === 'figures/net.png' ? png : undefined));
    expect(validateQtiPackage(bank.bytes)).toEqual([]);
    const files = unzipSync(bank.bytes);
    expect(files['images/net.png']).toEqual(png);
    expect(attributes(xml(files, 'items/picture.xml'), 'img', 'src')).toEqual(['../images/net.png']);
  });

  it('keeps random exams to the schema subset', () => {
    fc.assert(
      fc.property(arbitraryExam, (exam) => {
        expect(validateQtiPackage(exportQti30(exam).bytes)).toEqual([]);
      }),
      { numRuns: 30, seed: 20261207 },
    );
  });

  it('the subset check finds what is broken: a missing file, an undeclared response, a bad identifier, bad XML', () => {
    const files = unzipSync(exportQti30(bundledExam()).bytes);
    const item = strFromU8(files['items/l2-prior.xml']!);
    const broken = {
      ...files,
      'items/l2-prior.xml': strToU8(
        item
          .replace('response-identifier="RESPONSE"', 'response-identifier="ANSWER"')
          .replace('identifier="l2-prior"', 'identifier="2 prior"'),
      ),
      'items/pac-bound-implication.xml': strToU8('<qti-assessment-item'),
    };
    delete (broken as Record<string, Uint8Array>)['items/margin-perceptron-mistakes.xml'];
    const problems = validateQtiPackage(zipSync(broken));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('items/l2-prior.xml: <qti-choice-interaction> names a response that is not declared'),
        expect.stringContaining('"2 prior" is not a QTI identifier'),
        expect.stringContaining('items/pac-bound-implication.xml is not well-formed XML'),
        'imsmanifest.xml: items/margin-perceptron-mistakes.xml is listed but not in the zip',
      ]),
    );
  });
});
