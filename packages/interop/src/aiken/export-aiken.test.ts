import { readFileSync } from 'node:fs';
import { listQuestions, parseExam, type Exam } from '@examforge/core';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { examFrom } from '../test-support/export-test-exam.js';
import { exportAiken } from './export-aiken.js';
import { importAiken } from './import-aiken.js';

const BUNDLED = new URL('../../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url);

function bundledExam(): Exam {
  const parsed = parseExam(readFileSync(BUNDLED, 'utf8'));
  if (!parsed.ok) throw new Error('the bundled exam does not parse');
  return parsed.exam;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('exportAiken', () => {
  it('writes the bundled exam’s 18 keyed single-choice questions, one line per stem and option', () => {
    const bank = exportAiken(bundledExam());
    const written = text(bank.bytes);
    const blocks = written.trim().split('\n\n');
    expect(blocks).toHaveLength(18);
    for (const block of blocks) {
      const lines = block.split('\n');
      expect(lines.slice(1, -1).every((line, index) => line.startsWith(`${'ABCD'[index]}. `))).toBe(true);
      expect(lines.at(-1)).toMatch(/^ANSWER: [A-D]$/);
    }
    expect(blocks[0]).toBe(
      [
        'Given the loss function \\(\\mathcal{L}(\\theta) = \\mathbb{E}[L(y, f_\\theta(x))] + \\lambda \\sum_j \\theta_j^2\\), which probabilistic prior corresponds to this regularization?',
        'A. Laplace',
        'B. Gaussian',
        'C. Cauchy',
        'D. Dirichlet',
        'ANSWER: B',
      ].join('\n'),
    );
  });

  it('lists every question left out with its reason, and what Aiken cannot carry', () => {
    const exam = bundledExam();
    const bank = exportAiken(exam);
    const leftOut = bank.notes.filter((note) => note.keptAs === 'left-out');
    const unknown = listQuestions(exam).filter(({ question }) => question.keyUnknown || question.kind === 'free');
    expect(leftOut.map((note) => note.questionId)).toEqual(unknown.map(({ question }) => question.id));
    expect(leftOut.find((note) => note.questionId === 'fisher-pruning-loss')?.reason).toContain('written answer');
    expect(bank.notes.map((note) => note.reason)).toContain(
      'section Beginner: a wrong answer costs 0.5 marks, and Aiken has no penalties',
    );
  });

  it('flattens Markdown, leaves out multiple answers and several keys, and reads back with the Aiken importer', () => {
    const exam = examFrom(`## Multi {#multi}

Pick two.

- [x] a
- [x] b
- [ ] c

## Either {#either accept=any}

Pick one.

- [x] a
- [x] b

## Styled {#styled}

A **bold** stem
on two lines with \`code\` and ![a plot](plot.png).

- [ ] *one*
- [x] two < three & four
`);
    const bank = exportAiken(exam);
    expect(text(bank.bytes)).toBe(
      'A bold stem on two lines with code and [image: a plot].\nA. one\nB. two < three & four\nANSWER: B\n',
    );
    expect(bank.notes.filter((note) => note.keptAs === 'left-out').map((note) => note.questionId)).toEqual([
      'multi',
      'either',
    ]);
    expect(bank.notes.find((note) => note.questionId === 'styled')?.reason).toContain('no images');
    const back = importAiken({ name: bank.fileName, bytes: strToU8(text(bank.bytes)) });
    expect(listQuestions(back.exam).map(({ question }) => question.kind)).toEqual(['single']);
  });
});
