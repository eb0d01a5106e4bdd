import {
  AccountSchema,
  AccountWithLinkSchema,
  MeSchema,
  SetupStatusSchema,
  StaffMemberSchema,
  type Account,
  type AccountWithLink,
  type CreateAccount,
  type FirstAdmin,
  type GrantRole,
  type Me,
  type SetupStatus,
  type StaffMember,
} from '@examforge/server/api';
import { fetchMe } from './auth-api.js';
import { setCsrfToken } from './csrf-token.js';
import { apiRequest, IGNORE_REPLY } from './http.js';

const user = (userId: string): string => `/api/users/${encodeURIComponent(userId)}`;
const staff = (examId: string): string => `/api/exams/${encodeURIComponent(examId)}/staff`;

/** Whether the site still needs its first administrator (a production server's first start). */
export function fetchSetupStatus(): Promise<SetupStatus> {
  return apiRequest('GET', '/api/setup', SetupStatusSchema);
}

/** Creates the first administrator with the setup code the server printed, and signs them in. */
export async function setUpFirstAdmin(input: FirstAdmin): Promise<Me> {
  await withSessionToken();
  const me = await apiRequest('POST', '/api/setup', MeSchema, { body: input });
  setCsrfToken(me.csrfToken);
  return me;
}

export function listAccounts(): Promise<readonly Account[]> {
  return apiRequest('GET', '/api/users', AccountSchema.array());
}

export function createAccount(input: CreateAccount): Promise<AccountWithLink> {
  return apiRequest('POST', '/api/users', AccountWithLinkSchema, { body: input });
}

export function setAccountDisabled(userId: string, disabled: boolean): Promise<Account> {
  return apiRequest('POST', `${user(userId)}/${disabled ? 'disable' : 'enable'}`, AccountSchema);
}

export function resetPassword(userId: string): Promise<AccountWithLink> {
  return apiRequest('POST', `${user(userId)}/reset`, AccountWithLinkSchema);
}

export async function setPassword(token: string, password: string): Promise<void> {
  await withSessionToken();
  await apiRequest('POST', '/api/auth/set-password', IGNORE_REPLY, { body: { token, password } });
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await apiRequest('POST', '/api/auth/password', IGNORE_REPLY, { body: { currentPassword, newPassword } });
}

export function listStaff(examId: string): Promise<readonly StaffMember[]> {
  return apiRequest('GET', staff(examId), StaffMemberSchema.array());
}

export function grantRole(examId: string, input: GrantRole): Promise<readonly StaffMember[]> {
  return apiRequest('POST', staff(examId), StaffMemberSchema.array(), { body: input });
}

export function revokeRole(examId: string, userId: string): Promise<readonly StaffMember[]> {
  return apiRequest('DELETE', `${staff(examId)}/${encodeURIComponent(userId)}`, StaffMemberSchema.array());
}

/**
 * These pages are reached from a link, often in a browser already signed in (an administrator trying a link): the
 * session's CSRF token is recovered first, or the server would refuse the request.
 */
async function withSessionToken(): Promise<void> {
  await fetchMe();
}
