/**
 * The CSRF token of the current session, from the login or join reply or from `GET /api/auth/me` after a reload.
 * Kept in memory only: the cookie carries the session, this token proves a request came from our own page.
 */
let current: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  current = token;
}

export function currentCsrfToken(): string | undefined {
  return current;
}
