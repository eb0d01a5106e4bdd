import { useState } from 'react';

/** How a scanned answer is shown: magnified, turned, and the box alone or the whole page. */
export interface ScanView {
  readonly zoom: number;
  readonly rotation: 0 | 90 | 180 | 270;
  readonly wholePage: boolean;
}

export const INITIAL_SCAN_VIEW: ScanView = { zoom: 1, rotation: 0, wholePage: false };

export type ScanViewChange = 'zoom-in' | 'zoom-out' | 'rotate' | 'whole-page';

/** The view after one change: zoom in steps of a quarter between 0.5× and 4×, rotation by quarter turns. */
export function changeScanView(view: ScanView, change: ScanViewChange): ScanView {
  switch (change) {
    case 'zoom-in':
      return { ...view, zoom: Math.min(4, view.zoom + 0.25) };
    case 'zoom-out':
      return { ...view, zoom: Math.max(0.5, view.zoom - 0.25) };
    case 'rotate':
      return { ...view, rotation: ((view.rotation + 90) % 360) as ScanView['rotation'] };
    case 'whole-page':
      return { ...view, wholePage: !view.wholePage };
  }
}

/** The whole scanned page beside a box crop: the same route with `page.jpg` for `crop.jpg`. */
export function wholePageUrl(cropUrl: string): string {
  return cropUrl.replace(/crop\.jpg(?=$|\?)/, 'page.jpg');
}

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
