import { useEffect, useState } from 'react';
import { errorCode } from '../api/api-error.js';
import { renewClaim } from '../api/grading-api.js';

/** The lease is 2 minutes; renewing every 45 s keeps it through a slow request or two. */
const RENEW_EVERY_MS = 45_000;

/**
 * Keeps the grader's claim on the open answer while it is open, so that other graders are not sent it. Says when
 * another grader took it over (the lease ran out, e.g. the laptop slept): a save may then conflict.
 */
export function useClaimRenewal(sittingId: string, questionId: string, attemptId: string | undefined): boolean {
  const [lost, setLost] = useState(false);
  useEffect(() => {
    setLost(false);
    if (attemptId === undefined) return;
    const timer = setInterval(() => {
      renewClaim(sittingId, questionId, attemptId).then(
        () => setLost(false),
        (failure: unknown) => setLost(errorCode(failure) === 'answer-claimed'),
      );
    }, RENEW_EVERY_MS);
    return () => clearInterval(timer);
  }, [attemptId, questionId, sittingId]);
  return lost;
}
