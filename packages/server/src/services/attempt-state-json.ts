import { AttemptStateSchema, type AttemptState } from '../api/index.js';

const StateWithoutExamSchema = AttemptStateSchema.omit({ exam: true });
const FIELDS = Object.keys(AttemptStateSchema.shape);

/**
 * The student's attempt state as the JSON its response schema would give (AttemptStateSchema: filtered and in its
 * field order), with the exam's view already serialised (`attemptViewJson`): the few small fields go through zod,
 * the view, which is most of the bytes and most of zod's work, does not again on every start and reload.
 */
export function attemptStateJson(state: Omit<AttemptState, 'exam'>, examJson: string | undefined): string {
  const parsed = StateWithoutExamSchema.safeParse(state);
  // As the schema serializer does: a reply that breaks its own contract is the server's fault (500), never sent.
  if (!parsed.success) throw new Error(`the attempt state does not match its schema: ${parsed.error.message}`);
  const fields = parsed.data as Record<string, unknown>;
  const parts: string[] = [];
  for (const field of FIELDS) {
    const value = field === 'exam' ? examJson : fields[field] === undefined ? undefined : JSON.stringify(fields[field]);
    if (value !== undefined) parts.push(`"${field}":${value}`);
  }
  return `{${parts.join(',')}}`;
}
