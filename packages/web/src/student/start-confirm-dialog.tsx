import { useEffect, useRef } from 'react';

interface StartConfirmDialogProps {
  readonly open: boolean;
  /** The student's own time, in words. */
  readonly ownTime: string;
  readonly pending: boolean;
  readonly onConfirm: () => void;
  /** Escape, "Not yet", or a close for any other reason. */
  readonly onClose: () => void;
}

/**
 * "Start the exam now?" as a modal `<dialog>`: the browser keeps focus inside it (the page behind is inert), Escape
 * closes it, and the parent returns focus to the button that opened it. The clock starts only on "Start now".
 */
export function StartConfirmDialog({ open, ownTime, pending, onConfirm, onClose }: StartConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="start-dialog-title"
      aria-describedby="start-dialog-text"
      onClose={onClose}
      data-testid="start-dialog"
    >
      <h2 id="start-dialog-title">Start the exam now?</h2>
      <p id="start-dialog-text">
        The timer starts at once and gives you {ownTime}. It keeps running if you close this page.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          onClick={onConfirm}
          disabled={pending}
          data-testid="confirm-start"
        >
          {pending ? 'Starting…' : 'Start now'}
        </button>
        <button type="button" className="button" onClick={onClose} disabled={pending} data-testid="cancel-start">
          Not yet
        </button>
      </div>
    </dialog>
  );
}
