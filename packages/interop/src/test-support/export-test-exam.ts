import { parseExam, type Exam } from '@examforge/core';

/**
 * An exam from its Markdown body, with one section `s` (marks and penalty as given) unless the front matter is given
 * whole: for the exporters' tests, which read best as the exam file an instructor writes.
 */
export function examFrom(body: string, section: { marks?: string; penalty?: string } = {}): Exam {
  const text = `---
id: export-test
title: Export test
duration: 60
sections:
  - id: s
    marks: ${section.marks ?? '1'}
    penalty: ${section.penalty ?? '0'}
---

# Section S {#s}

${body}`;
  const parsed = parseExam(text);
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return parsed.exam;
}
