import type { RosterTable, UsersTable } from '../db/schema.js';

/** Who is calling: resolved once per request from the session cookie (sessions.ts). */
export type Identity =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'user'; readonly sessionId: string; readonly csrfToken: string; readonly user: UserRow }
  | { readonly kind: 'student'; readonly sessionId: string; readonly csrfToken: string; readonly student: RosterRow };

export type UserRow = Omit<UsersTable, 'password_hash'>;
export type RosterRow = RosterTable;
