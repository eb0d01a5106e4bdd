import { parseExam, type Exam, type SourceMap } from '@examforge/core';

/**
 * A parsed exam of one single-choice question (options (a) 3 and (b) 5, key (a)) with the given check code.
 * The check's code starts on line 22 of the file.
 */
export function examWithCheck(
  code: string,
  options = '- [x] 3 {value=3}\n- [ ] 5 {value=5}',
): {
  exam: Exam;
  sourceMap: SourceMap;
} {
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
    'Output size?',
    '',
    options,
    '',
    '### Check',
    '',
    '````ts',
    code,
    '````',
    '',
  ].join('\n');
  const parsed = parseExam(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  return { exam: parsed.exam, sourceMap: parsed.sourceMap };
}
