import { parseExam, score, type Exam } from '@examforge/core';
import { describe, expect, it } from 'vitest';
import { reportHtml } from './html-report.js';
import { analysisReport } from './report-model.js';
import { optionsCsv, statisticsCsv } from './statistics-csv.js';

/** Two choice questions (the second without a key) whose title tries to become markup. */
const SOURCE = `---
id: tiny
title: "Tiny <script>alert(1)</script>"
duration: 5
sections:
  - id: s
    marks: 1
---

# S {#s}

## First {#q1}

Q?

- [x] A
- [ ] B

## Second {#q2 key=unknown}

Q?

- [ ] A
- [ ] B
`;

function exam(): Exam {
  const parsed = parseExam(SOURCE);
  if (!parsed.ok) throw new Error('the test exam does not parse');
  return parsed.exam;
}

const classOf = (source: Exam, letters: readonly string[]) =>
  letters.map((letter) => {
    const responses = { answers: { q1: { kind: 'choice' as const, selected: [letter] } } };
    return { responses, report: score(source, responses) };
  });

describe('the analysis report', () => {
  const tiny = exam();
  const report = {
    ...analysisReport(tiny, classOf(tiny, ['a', 'a', 'b', 'a', 'b'])),
    scope: 'version 1, sitting “Mon”',
  };

  it('is one page that escapes the exam’s text, says whose answers it holds, and draws its charts as SVG', () => {
    const page = reportHtml(report);
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toContain('<script>');
    expect(page).toContain('Tiny &lt;script&gt;');
    expect(page).toContain('tiny · version 1, sitting “Mon”.');
    expect(page.match(/<svg[^>]*role="img"/g)).toHaveLength(3);
  });

  it('says why a question has no figures, in core’s words, in the page and in the CSV', () => {
    expect(report.notAnalysed).toEqual([
      { number: 2, id: 'q2', title: 'Second', reason: 'its key is unknown: not scored' },
    ]);
    expect(reportHtml(report)).toContain('<td>its key is unknown: not scored</td>');
    expect(statisticsCsv(report).split('\n')[2]).toMatch(/^2,q2,Second,.*,its key is unknown: not scored$/);
    expect(optionsCsv(report).split('\n').slice(1, 3)).toEqual(['1,q1,a,yes,3,1,0,1', '1,q1,b,no,2,0,1,0']);
  });
});
