import { describe, expect, it } from 'vitest';
import { defaultSittingForm, readSittingForm } from './sitting-form.js';

// TZ=UTC: local times are UTC.
describe('sitting form', () => {
  const defaults = defaultSittingForm('Main sitting', 120, new Date('2025-01-06T08:20:00Z'));

  it('starts at the next full hour with the exam’s duration', () => {
    expect(defaults).toMatchObject({
      opensAt: '2025-01-06T09:00',
      closesAt: '2025-01-06T12:00',
      durationMinutes: '120',
    });
  });

  it('turns the values into the request body', () => {
    expect(readSittingForm(defaults)).toEqual({
      ok: true,
      sitting: {
        title: 'Main sitting',
        opensAt: '2025-01-06T09:00:00.000Z',
        closesAt: '2025-01-06T12:00:00.000Z',
        durationMinutes: 120,
        graceSeconds: 60,
        shuffleQuestions: false,
        shuffleOptions: false,
        oneQuestionPerPage: false,
        releaseResults: 'after-close',
        releaseSolutions: 'after-close',
      },
    });
  });

  it('lists what is wrong', () => {
    const result = readSittingForm({ ...defaults, title: ' ', closesAt: '2025-01-06T08:00', durationMinutes: '1.5' });
    expect(result).toEqual({
      ok: false,
      problems: [
        'Give the sitting a title.',
        'The window must close after it opens.',
        'The duration is a whole number of minutes.',
      ],
    });
  });
});
