import type { PageSize } from '@examforge/core';
import type { PrintJob, PrintSetSpec } from '@examforge/paper';
import type { AppContext } from '../context.js';
import { loadPaper } from '../heavy-packages.js';
import { limitConcurrency } from '../limit-concurrency.js';
import { badRequest } from './access.js';
import { generateInstances, readInstances } from './attempt-exam.js';
import { loadExamVersion } from './exams.js';
import { variantSeed } from './paper-layouts.js';
import { findSittingRow, sittingShuffle } from './sittings.js';

/** A sitting's rendered question papers. */
export interface RenderedPapers {
  readonly pdf: Buffer;
  readonly pages: number;
  readonly students: number;
  /** The exam version printed (named in the audit trail). */
  readonly version: number;
}

export interface RenderProgress {
  /** Called once the roster is read: how many papers will be drawn. */
  readonly onTotal?: (students: number) => void;
  /** Called after each student's paper is drawn, in whichever worker thread drew it. */
  readonly onSet?: () => void;
  /** Stops the workers (a node shutting down); the call then rejects. */
  readonly signal?: AbortSignal;
}

/**
 * One rendering at a time per node, whoever asks (the background job or the direct download): each starts
 * `paperWorkers` threads, and two at once would take twice the cores from the node's requests.
 */
const rendering = limitConcurrency(1);
let renderingOrWaiting = 0;

/** Whether this node is drawing papers (or has a drawing waiting): its job loop then claims no job, whose lease would run out while it waits. */
export const drawingPapers = (): boolean => renderingOrWaiting > 0;

/**
 * Sets per part of the merged file. Parts are what workers share, so a class of 60 still uses every worker; but each
 * worker typesets the exam's formulas once before its first paper, so a part has at least 10 students (a handful of
 * papers is quicker on one worker than on several).
 */
const partSetsFor = (students: number, workers: number) => Math.min(50, Math.max(10, Math.ceil(students / workers)));

/**
 * The sitting's question papers as one PDF, in roster order, each in its student's variant: their question and option
 * order, and their own instances of the computed questions — those stored with their attempt when they have one,
 * otherwise generated from the same variant seed (what a scanned sheet's attempt will store). So a student's paper
 * shows the questions their screen shows, and their answer sheet (whose layout does not depend on the instances) is
 * scored against them. Drawn on `@examforge/paper`'s worker threads at low priority and joined there in parts: the
 * request thread only reads the roster and joins the parts' bytes.
 */
export async function renderSittingQuestionPapers(
  context: AppContext,
  sittingId: string,
  pageSize: PageSize,
  progress: RenderProgress = {},
): Promise<RenderedPapers> {
  const sitting = await findSittingRow(context, sittingId);
  const version = await context.db
    .selectFrom('exam_versions')
    .select(['version', 'source'])
    .where('id', '=', sitting.exam_version_id)
    .executeTakeFirstOrThrow();
  const roster = await sittingRoster(context, sittingId);
  progress.onTotal?.(roster.length);
  const job: PrintJob = { examSource: version.source, pageSize, questionPapers: true, answerSheets: false };
  const exam = await loadExamVersion(context, sitting.exam_version_id);
  const seeds = roster.map((student) => variantSeed(sitting.id, student.id));
  const stored = await storedInstances(context, sittingId);
  const missing = seeds.filter((seed) => !stored.has(seed));
  const generated = await generateInstances(exam, missing);
  missing.forEach((seed, index) => stored.set(seed, generated[index] ?? null));
  const shuffle = sittingShuffle(sitting);
  const specs = roster.map((student, index): PrintSetSpec => {
    const seed = seeds[index] ?? '';
    const json = stored.get(seed);
    return {
      seed,
      shuffle,
      studentName: student.name,
      identity: { examId: exam.id, version: version.version, variant: seed, studentNumber: student.student_number },
      ...(json ? { instances: readInstances(json) } : {}),
    };
  });
  const { printMerged } = await loadPaper();
  const workers = context.settings.paperWorkers;
  renderingOrWaiting += 1;
  const merged = await rendering(() =>
    printMerged(job, specs, {
      workers,
      offMainThread: true,
      lowPriority: true,
      partSets: partSetsFor(specs.length, workers),
      title: `${exam.title}: question papers`,
      ...(progress.onSet ? { onSet: progress.onSet } : {}),
      ...(progress.signal ? { signal: progress.signal } : {}),
    }),
  ).finally(() => (renderingOrWaiting -= 1));
  const last = merged.sets.at(-1);
  return {
    pdf: merged.pdf,
    pages: last ? last.answerSheet.firstPage - 1 : 0,
    students: roster.length,
    version: version.version,
  };
}

/** The sitting's roster in student-number order; papers are printed per student, so an empty one is refused. */
export async function sittingRoster(context: AppContext, sittingId: string) {
  const roster = await context.db
    .selectFrom('roster')
    .selectAll()
    .where('sitting_id', '=', sittingId)
    .orderBy('student_number')
    .execute();
  if (roster.length === 0) throw badRequest('empty-roster', 'import the roster first: papers are printed per student');
  return roster;
}

/** The instances stored with the sitting's attempts, by variant seed. */
async function storedInstances(context: AppContext, sittingId: string): Promise<Map<string, string | null>> {
  const rows = await context.db
    .selectFrom('attempts')
    .select(['variant_seed', 'generated_json'])
    .where('sitting_id', '=', sittingId)
    .where('generated_json', 'is not', null)
    .execute();
  return new Map(rows.map((row) => [row.variant_seed, row.generated_json]));
}
