/** What the status line says about saving. It must always be true: "saved" only after the server acknowledged. */
export type SaveStatus =
  /** Nothing waiting; `at` is the server's time of the last acknowledgement (or of loading the attempt). */
  | { readonly kind: 'saved'; readonly at?: string }
  | { readonly kind: 'saving'; readonly waiting: number }
  | { readonly kind: 'offline'; readonly waiting: number }
  /** The server asked us to wait (it is saturated); the answers stay here and go again on their own. */
  | { readonly kind: 'busy'; readonly waiting: number }
  | { readonly kind: 'failed'; readonly code: string; readonly message: string; readonly waiting: number }
  /** Everything is saved except answers refused for their own content (too long): shown at each such question. */
  | { readonly kind: 'refused'; readonly questionIds: readonly string[] }
  | { readonly kind: 'closed'; readonly message: string; readonly waiting: number };

/**
 * The status line's words.
 *
 * @example
 * describeSaveStatus({ kind: 'offline', waiting: 1 }, formatTime);
 * // 'Offline — 1 answer kept on this device, it will be sent when the connection returns; keep working'
 */
export function describeSaveStatus(status: SaveStatus, formatTime: (iso: string) => string): string {
  switch (status.kind) {
    case 'saved':
      return status.at === undefined ? 'All answers saved' : `All answers saved · ${formatTime(status.at)}`;
    case 'saving':
      return 'Saving…';
    case 'offline':
      return status.waiting === 0
        ? 'Offline — all answers saved, keep working'
        : `Offline — ${answers(status.waiting)} kept on this device, ${status.waiting === 1 ? 'it' : 'they'} will be sent when the connection returns; keep working`;
    case 'busy':
      return `Server busy — ${answers(status.waiting)} kept on this device, sent again in a few seconds`;
    case 'failed':
      return `Not saved: ${status.message} — ${answers(status.waiting)} kept on this device`;
    case 'refused':
      return status.questionIds.length === 1
        ? 'One answer is too long to save (see its question) — all other answers saved'
        : `${status.questionIds.length} answers are too long to save (see their questions) — all other answers saved`;
    case 'closed':
      return status.waiting === 0
        ? `Saving stopped: ${status.message}`
        : `Saving stopped: ${status.message} — ${answers(status.waiting)} could not be saved`;
  }
}

function answers(count: number): string {
  return `${count} answer${count === 1 ? '' : 's'}`;
}
