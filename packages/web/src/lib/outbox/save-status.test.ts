import { describe, expect, it } from 'vitest';
import { describeSaveStatus, type SaveStatus } from './save-status.js';

const formatTime = (iso: string): string => iso.slice(11, 19);

describe('describeSaveStatus', () => {
  it.each<[SaveStatus, string]>([
    [{ kind: 'saved', at: '2025-01-01T12:03:14.000Z' }, 'All answers saved · 12:03:14'],
    [{ kind: 'saved' }, 'All answers saved'],
    [{ kind: 'saving', waiting: 2 }, 'Saving…'],
    [
      { kind: 'offline', waiting: 3 },
      'Offline — 3 answers kept on this device, they will be sent when the connection returns; keep working',
    ],
    [
      { kind: 'offline', waiting: 1 },
      'Offline — 1 answer kept on this device, it will be sent when the connection returns; keep working',
    ],
    [{ kind: 'offline', waiting: 0 }, 'Offline — all answers saved, keep working'],
    [
      { kind: 'refused', questionIds: ['essay'] },
      'One answer is too long to save (see its question) — all other answers saved',
    ],
    [
      { kind: 'refused', questionIds: ['a', 'b'] },
      '2 answers are too long to save (see their questions) — all other answers saved',
    ],
    [{ kind: 'closed', message: 'Time is up.', waiting: 0 }, 'Saving stopped: Time is up.'],
    [
      { kind: 'closed', message: 'Time is up.', waiting: 2 },
      'Saving stopped: Time is up. — 2 answers could not be saved',
    ],
  ])('%o → %s', (status, text) => {
    expect(describeSaveStatus(status, formatTime)).toBe(text);
  });
});
