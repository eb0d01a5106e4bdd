import { describe, expect, it } from 'vitest';
import { summarizeEvent } from './audit-summary.js';

describe('summarizeEvent', () => {
  const cases: readonly [kind: string, data: unknown, questionId: string | null, summary: string][] = [
    ['solutions.released', { previously: 'never' }, null, 'released the solutions to the students'],
    [
      'release.student',
      { rosterId: 'r1', studentNumber: 's0001', results: 'sitting', solutions: 'held' },
      null,
      'set the release for s0001: results as the sitting, solutions held back',
    ],
    [
      'attempt.started',
      { deadline: '2026-12-01T11:00:00.000Z' },
      null,
      'started the exam (deadline 2026-12-01T11:00:00.000Z)',
    ],
    [
      'answer.saved',
      { seq: 1, questionId: 'q1', answer: { kind: 'choice', selected: ['a', 'c'] } },
      null,
      'saved an answer to q1: AC',
    ],
    [
      'answer.saved',
      { questionId: 'q2', answer: { kind: 'text', text: 'x'.repeat(100) } },
      null,
      `saved an answer to q2: “${'x'.repeat(79)}…”`,
    ],
    [
      'answer.saved',
      { questionId: 'q3', answer: { kind: 'blank' }, flagged: true },
      null,
      'saved an answer to q3: blank (flagged)',
    ],
    [
      'grade.applied',
      { version: 2, items: [], adjustment: '-0.5', previous: { version: 1 } },
      'q4',
      'regraded q4: no rubric item, adjusted -0.5 (version 2)',
    ],
    [
      'grade.applied',
      { version: 1, items: ['a', 'b'], adjustment: '1/2', comment: 'ok' },
      'q4',
      'graded q4: items a, b, adjusted +1/2, comment “ok” (version 1)',
    ],
    [
      'exam.key-changed',
      { questionId: 'q5', letters: ['b'] },
      null,
      'changed the key of q5 to B; everyone is regraded',
    ],
    ['roster.imported', { students: 1 }, null, 'imported a roster of 1 student'],
    [
      'regrade.requested',
      { questionId: 'q7', reason: 'B is right too.' },
      null,
      'asked for a regrade of q7: “B is right too.”',
    ],
    [
      'regrade.accepted',
      { reply: 'Yes: +1.', gradeVersion: 3 },
      'q8',
      'accepted the regrade request on q8 (grade version 3): “Yes: +1.”',
    ],
    ['regrade.declined', { reply: 'No.' }, 'q8', 'declined the regrade request on q8: “No.”'],
    ['regrade.window', { until: null }, null, 'closed regrade requests'],
    [
      'scan.read',
      { sheets: 3, attached: 2, anomalies: ['blank-page'] },
      null,
      'read a scan batch: 3 sheets, 2 attached to students, 1 anomaly',
    ],
    [
      'rubric.edited',
      { questionId: 'q6', change: { kind: 'remove', itemId: 'i1' } },
      null,
      'edited the rubric of q6: removed item i1',
    ],
    ['grading.names-revealed', { revealed: false }, null, 'hid students’ names from graders'],
    [
      'answer.refused',
      { questionId: 'q7', code: 'answer-too-long', length: 50001 },
      null,
      'tried to save an answer to q7, refused: 50001 characters, over the limit',
    ],
    ['staff.granted', { userId: 'u1', role: 'grader' }, null, 'gave Grace the grader role on this exam'],
    ['staff.revoked', { userId: 'u2' }, null, 'took someone off this exam’s staff'],
    // A payload that is not what the kind usually carries still reads, and a kind nobody taught it reads as its name.
    ['roster.imported', 'not an object', null, 'imported a roster of ? students'],
    ['answer.saved', { answer: { kind: 'hologram' } }, null, 'saved an answer to a question: ?'],
    ['user.password-reset', { userId: 'u1' }, null, 'user password reset'],
  ];
  it.each(cases)('%s %j reads in words', (kind, data, questionId, summary) => {
    expect(summarizeEvent(kind, data, { questionId, nameOf: (id) => (id === 'u1' ? 'Grace' : undefined) })).toBe(
      summary,
    );
  });
});
