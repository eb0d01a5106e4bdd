import type { CreateSitting } from '@examforge/server/api';
import { fromLocalInputValue, toLocalInputValue } from './format-time.js';

type Release = CreateSitting['releaseResults'];

/** The new-sitting form as typed: strings for the fields, as inputs hold them. */
export interface SittingFormValues {
  readonly title: string;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly durationMinutes: string;
  readonly graceSeconds: string;
  readonly shuffleQuestions: boolean;
  readonly shuffleOptions: boolean;
  readonly oneQuestionPerPage: boolean;
  readonly releaseResults: Release;
  readonly releaseSolutions: Release;
}

/**
 * Sensible starting values: opens at the next full hour, closes three hours later, the exam's own duration.
 *
 * @example
 * defaultSittingForm('End-semester', 120, new Date());
 */
export function defaultSittingForm(title: string, durationMinutes: number, now: Date): SittingFormValues {
  const opens = new Date(now);
  opens.setMinutes(0, 0, 0);
  opens.setHours(opens.getHours() + 1);
  const closes = new Date(opens.getTime() + 3 * 3600_000);
  return {
    title,
    opensAt: toLocalInputValue(opens),
    closesAt: toLocalInputValue(closes),
    durationMinutes: String(durationMinutes),
    graceSeconds: '60',
    shuffleQuestions: false,
    shuffleOptions: false,
    oneQuestionPerPage: false,
    releaseResults: 'after-close',
    releaseSolutions: 'after-close',
  };
}

/**
 * The request body for the form's values, or the problems that keep it from being one. The server validates again;
 * this only spares a round trip for what the form can see itself.
 */
export function readSittingForm(
  values: SittingFormValues,
): { ok: true; sitting: CreateSitting } | { ok: false; problems: string[] } {
  const opensAt = fromLocalInputValue(values.opensAt);
  const closesAt = fromLocalInputValue(values.closesAt);
  const durationMinutes = Number(values.durationMinutes);
  const graceSeconds = Number(values.graceSeconds);
  const problems = [
    values.title.trim() === '' ? 'Give the sitting a title.' : '',
    opensAt === undefined ? 'Give the time the window opens.' : '',
    closesAt === undefined ? 'Give the time the window closes.' : '',
    opensAt !== undefined && closesAt !== undefined && closesAt <= opensAt
      ? 'The window must close after it opens.'
      : '',
    !Number.isInteger(durationMinutes) || durationMinutes <= 0 ? 'The duration is a whole number of minutes.' : '',
    !Number.isInteger(graceSeconds) || graceSeconds < 0 ? 'The grace period is a whole number of seconds.' : '',
  ].filter(Boolean);
  if (problems.length > 0 || opensAt === undefined || closesAt === undefined) return { ok: false, problems };
  const { shuffleQuestions, shuffleOptions, oneQuestionPerPage, releaseResults, releaseSolutions } = values;
  return {
    ok: true,
    sitting: {
      title: values.title.trim(),
      opensAt,
      closesAt,
      durationMinutes,
      graceSeconds,
      shuffleQuestions,
      shuffleOptions,
      oneQuestionPerPage,
      releaseResults,
      releaseSolutions,
    },
  };
}
