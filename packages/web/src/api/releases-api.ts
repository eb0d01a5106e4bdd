import {
  SittingSchema,
  StudentReleaseSchema,
  type Sitting,
  type StudentRelease,
  type StudentReleaseInput,
} from '@examforge/server/api';
import { apiRequest } from './http.js';

const base = (sittingId: string): string => `/api/sittings/${encodeURIComponent(sittingId)}`;

/** Releases the sitting's solutions now; the server refuses (409 `results-not-released`) before the results. */
export function releaseSolutions(sittingId: string): Promise<Sitting> {
  return apiRequest('POST', `${base(sittingId)}/release-solutions`, SittingSchema, { body: {} });
}

/** Every student's release override and what they can see now (instructors only). */
export function fetchStudentReleases(sittingId: string): Promise<readonly StudentRelease[]> {
  return apiRequest('GET', `${base(sittingId)}/student-releases`, StudentReleaseSchema.array());
}

/** Holds back or releases results and solutions for one student, or returns them to the sitting's policy. */
export function setStudentRelease(
  sittingId: string,
  rosterId: string,
  input: StudentReleaseInput,
): Promise<StudentRelease> {
  return apiRequest(
    'PUT',
    `${base(sittingId)}/student-releases/${encodeURIComponent(rosterId)}`,
    StudentReleaseSchema,
    {
      body: input,
    },
  );
}
