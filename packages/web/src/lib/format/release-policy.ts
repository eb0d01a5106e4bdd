import type { Sitting } from '@examforge/server/api';

/**
 * Whether a release policy has released by now, as the server decides it; the browser's clock only chooses what a
 * page shows, never what students get.
 *
 * @example
 * isReleasedNow('after-close', sitting.closesAt); // true once the window has closed
 */
export function isReleasedNow(policy: Sitting['releaseResults'], closesAt: string, now = Date.now()): boolean {
  if (policy === 'immediately') return true;
  return policy === 'after-close' && now >= new Date(closesAt).getTime();
}
