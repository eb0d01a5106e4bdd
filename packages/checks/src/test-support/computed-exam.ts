import { parseExam, type Exam, type SourceMap } from '@examforge/core';

/**
 * A parsed exam of one computed single-choice question (three template options, key (a)) with the given generator
 * and, optionally, a check. The generator's code starts on line 23 of the file.
 */
export function examWithGenerator(generator: string, check?: string): { exam: Exam; sourceMap: SourceMap } {
  const text = [
    '---',
    'id: q',
    'title: Q',
    'duration: 10',
    'sections:',
    '  - id: s',
    '    marks: 1',
    '---',
    '',
    '# S {#s}',
    '',
    '## {#size}',
    '',
    'Output size of a 3-wide kernel over n inputs?',
    '',
    '- [x] n - 2 {value=0}\n- [ ] n {value=1}\n- [ ] n + 2 {value=2}',
    '',
    '### Generator',
    '',
    '````ts',
    generator,
    '````',
    ...(check === undefined ? [] : ['', '### Check', '', '````ts', check, '````']),
    '',
  ].join('\n');
  const parsed = parseExam(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  return { exam: parsed.exam, sourceMap: parsed.sourceMap };
}

/** A generator for `examWithGenerator`: n from 5 to 40, the answer n − 2, distractors n and n − 3. */
export const SIZE_GENERATOR = [
  'const n = randomInt(5, 40);',
  'const out = conv2dOutputSize({ inputSize: n, kernelSize: 3 })[0];',
  'return {',
  '  stem: `Output size of a 3-wide kernel over ${n} inputs?`,',
  '  options: [',
  '    { text: `${out}`, correct: true, value: out },',
  '    { text: `${n}`, correct: false, value: n },',
  '    { text: `${out - 1}`, correct: false, value: out - 1 },',
  '  ],',
  '  parameters: { n },',
  '};',
].join('\n');
