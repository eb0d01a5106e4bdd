import { createHash } from 'node:crypto';
import type { AnswerGroup, GroupGrade } from '../api/index.js';
import type { UserRow } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { badRequest } from './access.js';
import { applyGrades } from './apply-grade.js';
import { loadQueue } from './grading-queue.js';
import type { GradingScope } from './grading-scope.js';

/**
 * What two typed answers have in common when they are "the same answer": case and runs of whitespace do not count,
 * nor spacing inside math (`$x + y$` reads as `$x+y$`).
 *
 * @example
 * normaliseAnswer('  The  answer is $x + y$ ') === normaliseAnswer('the answer is $x+y$'); // true
 */
export function normaliseAnswer(text: string): string {
  const spaced = text.replace(
    /(\$\$?)([^$]*)\1/g,
    (_whole, fence: string, math: string) => `${fence}${math.replace(/\s+/g, '')}${fence}`,
  );
  return spaced.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Group ids by answer text: the queue asks for every answer's group on each move, and the texts do not change. */
const keysByText = new Map<string, string>();

/** A group's id: a hash of the normalised answer, stable across requests and servers. */
export function groupKey(text: string): string {
  const known = keysByText.get(text);
  if (known !== undefined) return known;
  const key = createHash('sha256').update(normaliseAnswer(text)).digest('hex').slice(0, 16);
  if (keysByText.size >= 100_000) keysByText.clear();
  keysByText.set(text, key);
  return key;
}

/** Typed answers to the question that read the same once normalised, two or more to a group, largest first. */
export async function listAnswerGroups(context: AppContext, scope: GradingScope): Promise<AnswerGroup[]> {
  const state = await loadQueue(context, scope);
  const groups = new Map<string, AnswerGroup>();
  for (const answer of state.answers) {
    if (answer.answer.kind !== 'text') continue;
    const id = groupKey(answer.answer.text);
    const group = groups.get(id) ?? { id, text: answer.answer.text, members: [] };
    const grade = state.grades.get(answer.attemptId);
    group.members.push({ attemptId: answer.attemptId, version: grade?.version ?? 0, graded: grade !== undefined });
    groups.set(id, group);
  }
  return [...groups.values()]
    .filter((group) => group.members.length > 1)
    .sort((a, b) => b.members.length - a.members.length || (a.id < b.id ? -1 : 1));
}

/**
 * Grades the members of a group in one action, each with its own grade and audit event. The members named must
 * belong to the group (a member split out is simply left out of the list); any stale member refuses them all.
 */
export async function gradeGroup(
  context: AppContext,
  user: UserRow,
  scope: GradingScope,
  groupId: string,
  input: GroupGrade,
): Promise<AnswerGroup> {
  const group = (await listAnswerGroups(context, scope)).find((candidate) => candidate.id === groupId);
  if (!group) throw notFound('answer group');
  const members = new Set(group.members.map((member) => member.attemptId));
  const outsider = input.members.find((member) => !members.has(member.attemptId));
  if (outsider) throw badRequest('not-in-group', `answer ${outsider.attemptId} is not in this group`);
  const { members: targets, ...grade } = input;
  await applyGrades(context, user, scope, targets, grade);
  const updated = (await listAnswerGroups(context, scope)).find((candidate) => candidate.id === groupId);
  return updated ?? group;
}
