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
