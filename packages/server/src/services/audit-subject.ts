/**
 * What an audit event names, read from its subject string. Writers use four forms: `exam:<id>`, `sitting:<id>`,
 * `attempt:<id>` (a student's attempt) and `answer:<attempt>/<question>` (one answer: grades, flags, ink calls);
 * anything else (a later kind of subject) is kept as it is.
 *
 * @example
 * parseSubject('answer:a1/q2'); // { kind: 'answer', attemptId: 'a1', questionId: 'q2' }
 */
export type AuditSubject =
  | { readonly kind: 'exam'; readonly examId: string }
  | { readonly kind: 'sitting'; readonly sittingId: string }
  | { readonly kind: 'attempt'; readonly attemptId: string }
  | { readonly kind: 'answer'; readonly attemptId: string; readonly questionId: string }
  | { readonly kind: 'other'; readonly subject: string };

export function parseSubject(subject: string): AuditSubject {
  const colon = subject.indexOf(':');
  const prefix = subject.slice(0, colon);
  const rest = subject.slice(colon + 1);
  if (colon > 0 && rest !== '') {
    if (prefix === 'exam') return { kind: 'exam', examId: rest };
    if (prefix === 'sitting') return { kind: 'sitting', sittingId: rest };
    if (prefix === 'attempt') return { kind: 'attempt', attemptId: rest };
    const slash = rest.indexOf('/');
    if (prefix === 'answer' && slash > 0 && slash < rest.length - 1)
      return { kind: 'answer', attemptId: rest.slice(0, slash), questionId: rest.slice(slash + 1) };
  }
  return { kind: 'other', subject };
}

/** The attempt an event is about, if its subject names one (an attempt, or one of its answers). */
export function subjectAttemptId(subject: AuditSubject): string | undefined {
  return subject.kind === 'attempt' || subject.kind === 'answer' ? subject.attemptId : undefined;
}
