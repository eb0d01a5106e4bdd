import { describe, expect, it } from 'vitest';
import { changeScanView, INITIAL_SCAN_VIEW, wholePageUrl } from './scan-view.js';

describe('the view of a scanned answer', () => {
  it('zooms in quarter steps between 0.5× and 4×, turns by quarter turns, and toggles the whole page', () => {
    let view = INITIAL_SCAN_VIEW;
    for (let i = 0; i < 20; i += 1) view = changeScanView(view, 'zoom-in');
    expect(view.zoom).toBe(4);
    for (let i = 0; i < 20; i += 1) view = changeScanView(view, 'zoom-out');
    expect(view.zoom).toBe(0.5);
    const turned = [1, 2, 3, 4].map(() => (view = changeScanView(view, 'rotate')).rotation);
    expect(turned).toEqual([90, 180, 270, 0]);
    expect(changeScanView(view, 'whole-page').wholePage).toBe(true);
    expect(changeScanView(changeScanView(view, 'whole-page'), 'whole-page').wholePage).toBe(false);
  });

  it("finds the whole page beside a box crop's URL", () => {
    expect(wholePageUrl('/api/sittings/s/paper-answers/a/q/crop.jpg')).toBe(
      '/api/sittings/s/paper-answers/a/q/page.jpg',
    );
    expect(wholePageUrl('/x/crop.jpg?v=2')).toBe('/x/page.jpg?v=2');
    expect(wholePageUrl('/x/other.png')).toBe('/x/other.png');
  });
});
