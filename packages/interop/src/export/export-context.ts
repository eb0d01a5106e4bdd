import type { ExportNote } from '../export-result.js';

/**
 * Reads a file the exam refers to (an image) by its path as written in the exam, relative to the exam file; undefined
 * when there is no such file. The exporters stay pure: the CLI and the server read the files.
 */
export type ReadAsset = (path: string) => Uint8Array | undefined;

/** The export report being written: each note once, in the order met. */
export class ExportNotes {
  private readonly notes: ExportNote[] = [];
  private readonly seen = new Set<string>();

  add(questionId: string | undefined, keptAs: ExportNote['keptAs'], reason: string): void {
    const key = `${questionId ?? ''}\n${keptAs}\n${reason}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.notes.push({ ...(questionId !== undefined && { questionId }), keptAs, reason });
  }

  list(): readonly ExportNote[] {
    return [...this.notes];
  }
}
