/**
 * The workspace packages that take long to load (typesetting and PDF drawing, the analysis report's charts, the
 * question-bank converters: together about three quarters of the server's import time), loaded on first use. A server
 * process, or a test, that never prints, exports or analyses then starts without them. Each loads once per process:
 * later calls return the same module.
 */
export const loadPaper = () => import('@examforge/paper');
export const loadReport = () => import('@examforge/report');
export const loadInterop = () => import('@examforge/interop');
