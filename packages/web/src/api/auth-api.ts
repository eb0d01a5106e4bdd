import { MeSchema, type Me } from '@examforge/server/api';
import { setCsrfToken } from './csrf-token.js';
import { apiRequest, IGNORE_REPLY } from './http.js';

/** Who is signed in; also recovers the CSRF token after a reload. */
export async function fetchMe(): Promise<Me> {
  return remember(await apiRequest('GET', '/api/auth/me', MeSchema));
}

export async function logIn(email: string, password: string): Promise<Me> {
  return remember(await apiRequest('POST', '/api/auth/login', MeSchema, { body: { email, password } }));
}

export async function joinExam(accessCode: string): Promise<Me> {
  return remember(await apiRequest('POST', '/api/student/join', MeSchema, { body: { accessCode } }));
}

export async function logOut(): Promise<void> {
  await apiRequest('POST', '/api/auth/logout', IGNORE_REPLY);
  setCsrfToken(undefined);
}

function remember(me: Me): Me {
  setCsrfToken(me.csrfToken);
  return me;
}
