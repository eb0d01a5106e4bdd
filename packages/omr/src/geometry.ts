import type { Rect } from '@examforge/core';
import { project, type Homography, type Point } from './homography.js';

/** Pixels per point around a sheet point: the homography's local stretch (rotation does not change it). */
export function localScale(homography: Homography, point: Point): number {
  const a = project(homography, point);
  const b = project(homography, { x: point.x + 1, y: point.y });
  const c = project(homography, { x: point.x, y: point.y + 1 });
  return (Math.hypot(b.x - a.x, b.y - a.y) + Math.hypot(c.x - a.x, c.y - a.y)) / 2;
}

/** A rectangle of the sheet (points) as the pixel rectangle that holds it on the page image, rotation included. */
export function projectRect(homography: Homography, area: Rect): Rect {
  const corners = [
    { x: area.x, y: area.y },
    { x: area.x + area.width, y: area.y },
    { x: area.x, y: area.y + area.height },
    { x: area.x + area.width, y: area.y + area.height },
  ].map((corner) => project(homography, corner));
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** The smallest rectangle holding circles (x, y, r), grown by `margin` times each radius. */
export function circlesRect(circles: readonly { x: number; y: number; r: number }[], margin: number): Rect {
  const x = Math.min(...circles.map((c) => c.x - c.r * margin));
  const y = Math.min(...circles.map((c) => c.y - c.r * margin));
  const right = Math.max(...circles.map((c) => c.x + c.r * margin));
  const bottom = Math.max(...circles.map((c) => c.y + c.r * margin));
  return { x, y, width: right - x, height: bottom - y };
}

/** The rectangle grown by `pad` on every side. */
export function grow(area: Rect, pad: number): Rect {
  return { x: area.x - pad, y: area.y - pad, width: area.width + 2 * pad, height: area.height + 2 * pad };
}
