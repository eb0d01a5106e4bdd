import {
  isChoiceQuestion,
  listQuestions,
  MISSING,
  type Exam,
  type Question,
  type Response,
  type StudentResponses,
} from '@examforge/core';
import type { Kysely } from 'kysely';
import { RecordedAnswerSchema, type RecordedAnswer, type Save } from '../api/index.js';
import type { AnswersTable, Database } from '../db/schema.js';
import { badRequest } from './access.js';

/** Each exam's questions by id, made once per exam object (a cached version is checked on every save). */
const questionsByExam = new WeakMap<Exam, ReadonlyMap<string, Question>>();

function questionsOf(exam: Exam): ReadonlyMap<string, Question> {
  let questions = questionsByExam.get(exam);
  if (!questions) {
    questions = new Map(listQuestions(exam).map(({ question }) => [question.id, question]));
    questionsByExam.set(exam, questions);
  }
  return questions;
}

/** Checks saves against the exam: known question, an answer of the question's kind, options it has. */
export function validateSaves(exam: Exam, saves: readonly Save[]): void {
  const questions = questionsOf(exam);
  for (const save of saves) {
    const question = questions.get(save.questionId);
    if (!question) throw badRequest('unknown-question', `this exam has no question \`${save.questionId}\``);
    const { answer } = save;
    if (answer.kind === 'blank') continue;
    const expected = isChoiceQuestion(question) ? 'choice' : question.kind === 'numeric' ? 'numeric' : 'text';
    if (answer.kind !== expected) {
      throw badRequest(
        'wrong-answer-kind',
        `question \`${save.questionId}\` takes a ${expected} answer, not ${answer.kind}`,
      );
    }
    if (answer.kind === 'choice' && isChoiceQuestion(question)) {
      const outside = answer.selected.find((letter) => letter.charCodeAt(0) - 97 >= question.options.length);
      if (outside) throw badRequest('unknown-option', `question \`${save.questionId}\` has no option (${outside})`);
    }
  }
}

export async function loadAnswers(db: Kysely<Database>, attemptId: string): Promise<AnswersTable[]> {
  return db.selectFrom('answers').selectAll().where('attempt_id', '=', attemptId).execute();
}

/** Every stored answer of a sitting's attempts in one query, by attempt id (results read them all at once). */
export async function loadSittingAnswers(
  db: Kysely<Database>,
  sittingId: string,
): Promise<Map<string, AnswersTable[]>> {
  const rows = await db
    .selectFrom('answers')
    .innerJoin('attempts', 'attempts.id', 'answers.attempt_id')
    .selectAll('answers')
    .where('attempts.sitting_id', '=', sittingId)
    .execute();
  const byAttempt = new Map<string, AnswersTable[]>();
  for (const row of rows) {
    const list = byAttempt.get(row.attempt_id);
    if (list) list.push(row);
    else byAttempt.set(row.attempt_id, [row]);
  }
  return byAttempt;
}

/** A stored answer, parsed at the boundary: online answers and paper readings (with their invalid marks) alike. */
export function readStoredAnswer(row: Pick<AnswersTable, 'answer_json'>): RecordedAnswer {
  return RecordedAnswerSchema.parse(JSON.parse(row.answer_json));
}

/** Stored answers as scoring input; a paper answer's invalid marks reach the scorer, which applies the exam's policy. */
export function toStudentResponses(rows: readonly AnswersTable[]): StudentResponses {
  const answers: Record<string, Response> = {};
  for (const row of rows) answers[row.question_id] = readStoredAnswer(row);
  return { answers };
}

/**
 * Writes an answer that does not come from the student's browser (a paper reading, a reviewer's decision): it
 * replaces what is stored, with the next sequence number, inside the caller's transaction.
 */
export async function writeRecordedAnswer(
  trx: Kysely<Database>,
  attemptId: string,
  questionId: string,
  answer: Response,
  savedAt: string,
): Promise<void> {
  const existing = await trx
    .selectFrom('answers')
    .select('seq')
    .where('attempt_id', '=', attemptId)
    .where('question_id', '=', questionId)
    .executeTakeFirst();
  const values = { answer_json: JSON.stringify(answer), flagged: 0, saved_at: savedAt };
  if (existing) {
    await trx
      .updateTable('answers')
      .set({ ...values, seq: existing.seq + 1 })
      .where('attempt_id', '=', attemptId)
      .where('question_id', '=', questionId)
      .execute();
  } else {
    await trx
      .insertInto('answers')
      .values({ ...values, attempt_id: attemptId, question_id: questionId, seq: 1 })
      .execute();
  }
}

/**
 * Records that a question's answer was not read from a scan (its sheet page is missing from the batch or
 * unreadable), unless an answer is already stored: a page missing from this batch never erases what an earlier scan
 * of that page read, nor a reviewer's decision. Inside the caller's transaction.
 */
export async function recordAnswerNotRead(
  trx: Kysely<Database>,
  attemptId: string,
  questionId: string,
  savedAt: string,
): Promise<void> {
  await trx
    .insertInto('answers')
    .values({
      attempt_id: attemptId,
      question_id: questionId,
      answer_json: JSON.stringify(MISSING),
      flagged: 0,
      seq: 1,
      saved_at: savedAt,
    })
    .onConflict((conflict) => conflict.columns(['attempt_id', 'question_id']).doNothing())
    .execute();
}
