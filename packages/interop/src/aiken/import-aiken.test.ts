import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../import-result.js';
import { sampleFile } from '../test-support/interop-samples.js';
import { importAiken } from './import-aiken.js';

function questionsOf(path: string) {
  const imported = importAiken(sampleFile(path));
  return { imported, questions: imported.exam.sections.flatMap((section) => section.questions) };
}

describe('importAiken on the sample files', () => {
  it('reads Moodle’s fixture and keeps `<html class="cool"> &` as text', () => {
    const { questions, imported } = questionsOf('aiken/moodle_fixture_questions.aiken.txt');
    expect(questions.map((q) => q.id)).toEqual([
      'the-moodle-project-was-started-by',
      'moodle-s-abilities-include-handling-user',
    ]);
    expect(questions[1]?.stem).toBe(
      'Moodle\'s abilities include handling user input that includes \\<html class="cool"\\> & images:',
    );
    const first = questions[0];
    expect(first?.kind === 'single' && first.options.map((o) => o.correct)).toEqual([false, true, false, false]);
    expect(imported.notes).toEqual([]);
  });

  it('reads CRLF, `A.` labels and a missing final newline', () => {
    const { questions } = questionsOf('aiken/fisdap_crlf_dot_style_no_final_newline.aiken.txt');
    expect(questions).toHaveLength(3);
    const last = questions[2];
    expect(last?.kind === 'single' && last.options.map((o) => `${o.correct ? 'x' : ' '}${o.text}`)).toEqual([
      'xStorm Trooper!',
      ' nope',
      ' yep',
      ' What is Start Wars?',
    ]);
  });

  it('reads questions with no blank lines between them and tells apart options that read the same', () => {
    const { questions, imported } = questionsOf('aiken/qas-editor_moodle_export_no_blank_lines.aiken.txt');
    expect(questions).toHaveLength(5);
    const music = questions[4];
    expect(music?.kind === 'single' && music.options.map((o) => o.text)).toEqual(['. (A)', '. (B)', '. (C)', '. (D)']);
    expect(imported.notes.map((note) => [note.location.line, note.keptAs])).toEqual([[22, 'content']]);
  });

  it('leaves out each malformed question with a note at its line, and keeps the good ones', () => {
    const { questions, imported } = questionsOf('aiken/moodle_fixture_aiken_errors.txt');
    expect(questions.map((q) => q.stem)).toEqual(['A good question', 'A second good question']);
    const second = questions[1];
    expect(second?.kind === 'single' && second.options.map((o) => o.correct)).toEqual([false, true]);
    expect(imported.notes.map((note) => `${note.location.line}: ${note.reason}`)).toEqual([
      '1: left out: it has only one option; at least two are needed',
      '5: left out: an option comes before any question text; it has only one option; at least two are needed; ANSWER: Question not started names no option (expected one of A)',
      '14: left out: it has no ANSWER: line',
    ]);
    expect(() => importAiken(sampleFile('aiken/moodle_fixture_aiken_errors.txt'), { strict: true })).toThrow(
      ImportError,
    );
  });
});

describe('importAiken on small inputs', () => {
  it('refuses a file without any complete question, with the problems located', () => {
    const file = { name: 'bad.txt', bytes: strToU8('Only a stem\nA) one\n') };
    expect(() => importAiken(file)).toThrow(
      'bad.txt holds no complete Aiken question:\nline 1: left out: it has no ANSWER: line',
    );
  });

  it('keeps TeX and escapes Markdown in the text', () => {
    const file = { name: 'tex.txt', bytes: strToU8('What is \\(x^2\\) at *x* = 2?\nA) 4\nB) $$2^2 + 1$$\nANSWER: A') };
    const question = importAiken(file).exam.sections[0]?.questions[0];
    expect(question?.stem).toBe('What is $x^2$ at \\*x\\* = 2?');
    expect(question?.kind === 'single' && question.options[1]?.text).toBe('$$2^2 + 1$$');
  });
});
