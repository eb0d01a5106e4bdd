import { useState } from 'react';
import { wholePageUrl, type ScanView, type ScanViewChange } from '../lib/grading/scan-view.js';

interface ScanCropViewProps {
  readonly url: string;
  /** The whole page, when the server says where it is; else the crop's URL with `page.jpg`. */
  readonly pageUrl?: string;
  readonly view: ScanView;
  readonly onChange: (change: ScanViewChange) => void;
  /** Says whose answer it is, for the image's text alternative. */
  readonly label: string;
}

/** A handwritten answer: the scanned box (or its whole page) with zoom and rotate; a missing image is said so. */
export function ScanCropView({ url, pageUrl, view, onChange, label }: ScanCropViewProps) {
  const source = view.wholePage ? (pageUrl ?? wholePageUrl(url)) : url;
  const [failed, setFailed] = useState<string | undefined>();
  return (
    <div className="scan-view" data-testid="scan-view">
      <div className="button-row" role="toolbar" aria-label="Scan view">
        <button type="button" className="button button-small" onClick={() => onChange('zoom-in')}>
          Zoom in <kbd>+</kbd>
        </button>
        <button type="button" className="button button-small" onClick={() => onChange('zoom-out')}>
          Zoom out <kbd>−</kbd>
        </button>
        <button type="button" className="button button-small" onClick={() => onChange('rotate')}>
          Rotate <kbd>r</kbd>
        </button>
        <button
          type="button"
          className="button button-small"
          aria-pressed={view.wholePage}
          onClick={() => onChange('whole-page')}
          data-testid="scan-whole-page"
        >
          Whole page <kbd>w</kbd>
        </button>
        <span className="muted">{Math.round(view.zoom * 100)} %</span>
      </div>
      {failed === source ? (
        <p className="notice notice-warning" data-testid="scan-missing">
          {view.wholePage
            ? 'The whole page could not be loaded (it may not be stored yet). Press w to go back to the box.'
            : 'The scanned box could not be loaded.'}
        </p>
      ) : (
        <div className="scan-frame" tabIndex={0} role="region" aria-label={`Scan of ${label}, scrollable`}>
          <img
            key={source}
            src={source}
            alt={`${view.wholePage ? 'Whole scanned page' : 'Scanned answer box'} of ${label}`}
            className="scan-image"
            style={{ width: `${view.zoom * 100}%`, transform: `rotate(${view.rotation}deg)` }}
            onError={() => setFailed(source)}
            data-testid="scan-image"
          />
        </div>
      )}
    </div>
  );
}
