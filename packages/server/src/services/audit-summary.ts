import { formatResponseCell, type Response } from '@examforge/core';
import { z } from 'zod';
import { RecordedAnswerSchema } from '../api/index.js';

/** What a summary may say about the event beyond its payload: the question it is about, when the subject names one. */
export interface SummaryContext {
  readonly questionId: string | null;
  /** A member of staff's name, for events about a person (`staff.granted` names who got the role). */
  readonly nameOf?: (userId: string) => string | undefined;
}

/** A payload as written: an object whose fields are read one by one, each checked, so an old or odd payload still reads. */
const PayloadSchema = z.record(z.string(), z.unknown()).catch({});
type Payload = z.infer<typeof PayloadSchema>;

/**
 * What an audit event says, in words, for a person reading the trail: the action with the facts that matter from its
 * payload. Kinds this does not know (written by later code) read as their kind, never as an error.
 *
 * @example
 * summarizeEvent('grading.flagged', { questionId: 'q1', note: 'Ask why' }, { questionId: 'q1' });
 * // 'flagged q1 for a second look: “Ask why”'
 */
export function summarizeEvent(kind: string, data: unknown, context: SummaryContext): string {
  const payload = PayloadSchema.parse(data);
  const question = context.questionId ?? text(payload.questionId) ?? 'a question';
  const summary = SUMMARIES[kind];
  if (!summary) return kind.replace(/[.-]/g, ' ');
  const userId = text(payload.userId);
  const person = userId === undefined ? 'someone' : (context.nameOf?.(userId) ?? 'someone');
  return summary(payload, question, person);
}

const SUMMARIES: Readonly<Record<string, (payload: Payload, question: string, person: string) => string>> = {
  'exam.imported': (p) => `imported version ${count(p.version)} of the exam file ${text(p.slug) ?? ''}`.trim(),
  'exam.archived': () => 'downloaded the exam archive (every sitting’s data)',
  'exam.exported': (p) => `exported version ${count(p.version)} of the exam as ${text(p.format) ?? 'a question bank'}`,
  'exam.key-changed': (p, q) => `changed the key of ${q} to ${letters(p.letters)}; everyone is regraded`,
  'exam.question-dropped': (p, q) => `dropped ${q} (${text(p.mode) ?? 'dropped'}); everyone is regraded`,
  'sitting.created': (p) => `created the sitting “${text(p.title) ?? ''}”`,
  'roster.imported': (p) => `imported a roster of ${plural(p.students, 'student')}`,
  'attempt.started': (p) => `started the exam (deadline ${text(p.deadline) ?? 'unknown'})`,
  'answer.saved': (p, q) => `saved an answer to ${q}: ${answer(p.answer)}${p.flagged === true ? ' (flagged)' : ''}`,
  'attempt.submitted': () => 'submitted the exam',
  'attempt.expired': (p) => `closed the attempt at its deadline (${text(p.deadline) ?? 'unknown'})`,
  'review.decided': (p, q) => `decided the scanned mark on ${q}: ${answer(p.answer)}`,
  'paper.sheets-printed': (p) => `printed answer sheets for ${plural(p.students, 'student')}`,
  'paper.papers-printed': (p) => `printed question papers for ${plural(p.students, 'student')}`,
  'paper.sheet-read': (p) =>
    `read the student’s answer sheet from a scan (${plural(list(p.review), 'answer')} to review)`,
  'paper.box-ink': (p, q) =>
    `called the answer box of ${q} ${text(p.ink) ?? '?'} (the reader said ${text(p.detected) ?? '?'})`,
  'scan.uploaded': (p) => `uploaded scans “${text(p.fileName) ?? ''}” (${plural(p.pages, 'page')})`,
  'scan.retried': () => 'asked for a scan batch to be read again',
  'scan.read': (p) =>
    `read a scan batch: ${plural(p.sheets, 'sheet')}, ${count(p.attached)} attached to students, ` +
    plural(list(p.anomalies), 'anomaly', 'anomalies'),
  'grading.names-revealed': (p) =>
    p.revealed === false ? 'hid students’ names from graders' : 'revealed students’ names to graders',
  'grading.comment-saved': (p, q) => `saved a comment for ${q}: “${clip(text(p.text) ?? '')}”`,
  'grading.flagged': (p, q) => `flagged ${q} for a second look: “${clip(text(p.note) ?? '')}”`,
  'grading.unflagged': (_p, q) => `cleared the flag on ${q}`,
  'grading.claim-conflict': (_p, q) => `opened ${q} while another grader held it (refused)`,
  'grade.applied': (p, q) => `${p.previous ? 'regraded' : 'graded'} ${q}: ${gradeWords(p)}`,
  'grade.conflict': (p, q) =>
    `tried to grade ${q}, refused: another grader saved version ${count(p.currentVersion)} first`,
  'grades.imported': (p) => `imported grades: ${count(p.new)} new, ${count(p.changed)} changed`,
  'rubric.edited': (p, q) => `edited the rubric of ${q}${rubricChange(p.change)}`,
  'results.released': () => 'released the results to the students',
  'solutions.released': () => 'released the solutions to the students',
  'release.student': (p) =>
    `set the release for ${text(p.studentNumber) ?? 'a student'}: results ${releaseWords(p.results)}, ` +
    `solutions ${releaseWords(p.solutions)}`,
  'regrade.window': (p) =>
    text(p.until) ? `let students ask for regrades until ${text(p.until) ?? ''}` : 'closed regrade requests',
  'regrade.requested': (p, q) => `asked for a regrade of ${q}: “${clip(text(p.reason) ?? '')}”`,
  'regrade.withdrawn': (_p, q) => `withdrew their regrade request on ${q}`,
  'regrade.accepted': (p, q) =>
    `accepted the regrade request on ${q}${typeof p.gradeVersion === 'number' ? ` (grade version ${count(p.gradeVersion)})` : ''}: “${clip(text(p.reply) ?? '')}”`,
  'regrade.declined': (p, q) => `declined the regrade request on ${q}: “${clip(text(p.reply) ?? '')}”`,
  'answer.refused': (p, q) =>
    `tried to save an answer to ${q}, refused: ${text(p.code) === 'answer-too-long' ? `${count(p.length)} characters, over the limit` : (text(p.code) ?? '?')}`,
  'results.exported': () => 'downloaded the results',
  'analysis.exported': (p) => `downloaded the item analysis (${text(p.file) ?? 'a file'})`,
  'staff.granted': (p, _q, person) => `gave ${person} the ${text(p.role) ?? '?'} role on this exam`,
  'staff.revoked': (_p, _q, person) => `took ${person} off this exam’s staff`,
  'responses.exported': (p) => `downloaded responses.csv ${p.withNames === true ? 'with' : 'without'} names`,
  'audit.exported': () => 'downloaded this audit trail as CSV',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/** A per-student release override in words (decision 0013). */
const releaseWords = (value: unknown): string =>
  value === 'held' ? 'held back' : value === 'released' ? 'released to them' : 'as the sitting';
const count = (value: unknown): string => (typeof value === 'number' ? String(value) : '?');
const list = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

function plural(value: unknown, noun: string, nouns = `${noun}s`): string {
  const n = typeof value === 'number' ? value : undefined;
  return `${n ?? '?'} ${n === 1 ? noun : nouns}`;
}

function letters(value: unknown): string {
  const chosen = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  return chosen.length > 0 ? chosen.join('').toUpperCase() : 'nothing';
}

function clip(value: string, length = 80): string {
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}

/** An answer as a results cell shows it (`B`, `AC tick(D)`, `2.5`), typed text quoted and clipped. */
function answer(value: unknown): string {
  const parsed = RecordedAnswerSchema.safeParse(value);
  if (!parsed.success) return '?';
  const response: Response = parsed.data;
  if (response.kind === 'text') return `“${clip(response.text)}”`;
  if (response.kind === 'blank') return 'blank';
  return formatResponseCell(response);
}

function gradeWords(payload: Payload): string {
  const items = Array.isArray(payload.items) ? payload.items.filter((v) => typeof v === 'string') : [];
  const parts = [items.length > 0 ? `items ${items.join(', ')}` : 'no rubric item'];
  const adjustment = text(payload.adjustment);
  if (adjustment) parts.push(`adjusted ${adjustment.startsWith('-') ? '' : '+'}${adjustment}`);
  const comment = text(payload.comment);
  if (comment) parts.push(`comment “${clip(comment)}”`);
  return `${parts.join(', ')} (version ${count(payload.version)})`;
}

function rubricChange(value: unknown): string {
  const change = PayloadSchema.parse(value);
  const item = text(change.itemId) ?? '?';
  if (change.kind === 'remove') return `: removed item ${item}`;
  if (change.kind === 'set') return `: set item ${item} to ${text(change.points) ?? '?'} points`;
  return '';
}
