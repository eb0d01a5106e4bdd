import type { AnswerForGrading } from '@examforge/server/api';
import { Markdown } from '../components/markdown-view.js';
import type { ScanView, ScanViewChange } from '../lib/grading/scan-view.js';
import { ScanCropView } from './scan-crop-view.js';

interface AnswerPaneProps {
  readonly answer: AnswerForGrading['answer'];
  readonly pageUrl: string | undefined;
  readonly view: ScanView;
  readonly onViewChange: (change: ScanViewChange) => void;
  readonly label: string;
}

/** The answer as the student gave it: typed text with its math rendered as they saw it, or their scanned box. */
export function AnswerPane({ answer, pageUrl, view, onViewChange, label }: AnswerPaneProps) {
  switch (answer.kind) {
    case 'text':
      return (
        // Focusable: a wide formula scrolls sideways, and a keyboard user must be able to scroll it.
        <div
          className="answer-given"
          tabIndex={0}
          role="region"
          aria-label={`Text of ${label}`}
          data-testid="answer-text"
        >
          <Markdown source={answer.text} />
        </div>
      );
    case 'crop':
      return <ScanCropView url={answer.url} pageUrl={pageUrl} view={view} onChange={onViewChange} label={label} />;
  }
}
