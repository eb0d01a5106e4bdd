import { makeVariant, studentView, type Exam, type StudentExamView, type StudentQuestionView } from '@examforge/core';
import { StudentExamViewSchema, StudentQuestionViewSchema } from '../api/index.js';
import type { AttemptsTable, SittingsTable } from '../db/schema.js';
import { sittingShuffle } from './sittings.js';

/**
 * Views kept (each about 10 KB: the stems are shared with the exam, only the order and the small objects are the
 * view's own): the most recent few thousand students, those who reload or reconnect.
 */
const CACHED_VIEWS = 4_000;
const views = new Map<string, StudentExamView>();

type ViewSitting = Pick<SittingsTable, 'exam_version_id' | 'shuffle_questions' | 'shuffle_options'>;
type ViewAttempt = Pick<AttemptsTable, 'variant_seed' | 'generated_json'>;

/**
 * The exam as one student sees it (their variant's order, no keys), built once per exam version, variant seed and
 * shuffle settings and then reused: a reload or a reconnect during exam day's join ramp costs no rebuilding. An
 * attempt with computed questions has its own instances, so its view is built each time (it is not shared).
 */
export function attemptView(exam: Exam, sitting: ViewSitting, attempt: ViewAttempt): StudentExamView {
  const shuffle = sittingShuffle(sitting);
  const build = () => studentView(exam, makeVariant(exam, attempt.variant_seed, shuffle));
  if (attempt.generated_json !== null) return build();
  const key = `${sitting.exam_version_id}|${attempt.variant_seed}|${shuffle.shuffleQuestions}|${shuffle.shuffleOptions}`;
  const cached = views.get(key);
  if (cached) return cached;
  const view = build();
  // Oldest first out: a Map iterates in insertion order.
  if (views.size >= CACHED_VIEWS) views.delete(views.keys().next().value as string);
  views.set(key, view);
  return view;
}

/** A cached view's JSON, made once: held as long as the view is (a reload sends the same bytes again). */
const viewJson = new WeakMap<StudentExamView, string>();

/**
 * The student's view as JSON, exactly as the response schema (StudentExamViewSchema, a filter: fields it does not
 * name never reach a student) would serialise it, without putting the whole view through zod on every start: each
 * question is filtered and serialised once per exam version and option order and the view is put together from
 * those pieces (every student of a shuffled sitting has their own order, but the orders of one question are few).
 * An attempt with computed questions has its own text, so its view goes through the schema whole.
 */
export function attemptViewJson(exam: Exam, sitting: ViewSitting, attempt: ViewAttempt): string {
  const view = attemptView(exam, sitting, attempt);
  if (attempt.generated_json !== null) return JSON.stringify(StudentExamViewSchema.parse(view));
  let json = viewJson.get(view);
  if (json === undefined) {
    json = assembleViewJson(view, sitting.exam_version_id);
    viewJson.set(view, json);
  }
  return json;
}

const ViewHeadSchema = StudentExamViewSchema.omit({ sections: true });

function assembleViewJson(view: StudentExamView, versionId: string): string {
  // `sections` is the schema's last field: the head's fields, then the sections.
  const head = JSON.stringify(ViewHeadSchema.parse(view)).slice(0, -1);
  const sections = view.sections.map(
    (section) =>
      `{"id":${JSON.stringify(section.id)},"title":${JSON.stringify(section.title)},"questions":[${section.questions
        .map((question) => questionJson(question, versionId))
        .join(',')}]}`,
  );
  return `${head},"sections":[${sections.join(',')}]}`;
}

/**
 * Serialised questions, split around their number (a shuffled sitting gives one question many positions): the
 * version, the question and its option order say everything else. Bounded like the views: a few questions times their
 * option orders in practice.
 */
const CACHED_QUESTIONS = 20_000;
const questionPieces = new Map<string, readonly [string, string]>();
const NUMBER_FIELD = ',"number":0,';

function questionJson(question: StudentQuestionView, versionId: string): string {
  const key = `${versionId}|${question.id}|${question.options?.map((option) => option.letter).join('') ?? ''}`;
  let pieces = questionPieces.get(key);
  if (!pieces) {
    // `id` comes before `number` in the schema, and a quote inside a JSON string is escaped: the first match is it.
    const json = JSON.stringify(StudentQuestionViewSchema.parse({ ...question, number: 0 }));
    const at = json.indexOf(NUMBER_FIELD);
    pieces = [json.slice(0, at + NUMBER_FIELD.length - 2), json.slice(at + NUMBER_FIELD.length - 1)];
    if (questionPieces.size >= CACHED_QUESTIONS) questionPieces.delete(questionPieces.keys().next().value as string);
    questionPieces.set(key, pieces);
  }
  return `${pieces[0]}${question.number}${pieces[1]}`;
}
