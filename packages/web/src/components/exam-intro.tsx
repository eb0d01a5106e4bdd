import type { StudentExamView } from '@examforge/core';
import { Markdown } from './markdown-view.js';

/** The top of an exam as a student reads it: title, term and instructions (the exam page and the preview share it). */
export function ExamIntro({ view }: { readonly view: StudentExamView }) {
  return (
    <>
      <h1 className="exam-title">{view.title}</h1>
      {view.term !== undefined && <p className="lead">{view.term}</p>}
      {view.instructions !== undefined && (
        <section className="instructions" aria-labelledby="instructions-title">
          <h2 id="instructions-title">Instructions</h2>
          <Markdown source={view.instructions} />
        </section>
      )}
    </>
  );
}
