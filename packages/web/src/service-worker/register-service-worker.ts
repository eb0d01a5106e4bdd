/**
 * Registers /sw.js, which keeps the app shell and a started exam for an offline reload. Only in a build: the dev
 * server has no worker, and a worker left from a build would serve stale files to it.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // After the page's own requests: the worker's downloads must not slow the first paint.
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without a worker the exam works as before, only not across an offline reload; nothing to tell the student.
    });
  });
}
