import { readFileSync } from 'node:fs';
import type { ScanContextSpec } from '@examforge/omr';
import { describe, expect, it, vi } from 'vitest';
import { lendScanReaders, stopIdleScanReaders } from './scan-readers.js';

const examSource = readFileSync(new URL('../../../../exams/dl-endsem-winter-2025/exam.md', import.meta.url), 'utf8');
/** A spec no other test file makes (readers are kept per spec, in this module): the exam as version `version`. */
const spec = (version: number): ScanContextSpec => ({
  examSource,
  layouts: {
    kind: 'seeded',
    versions: [[version, examSource]],
    shuffle: { shuffleQuestions: false, shuffleOptions: false },
    sheet: { pageSize: 'A4', studentNumberDigits: 8 },
  },
});

describe('page readers kept between scan batches', () => {
  it('lends the same thread to the next batch of a spec, and a new one for another spec', async () => {
    const first = lendScanReaders(spec(9001));
    await first.giveBack(false);
    const next = lendScanReaders(spec(9001));
    const other = lendScanReaders(spec(9002));
    expect(next.readers).toBe(first.readers);
    expect(other.readers).not.toBe(first.readers);
    await Promise.all([next.giveBack(false), other.giveBack(false)]);
    await stopIdleScanReaders();
    await vi.waitFor(() => expect([first.readers.running(), other.readers.running()]).toEqual([false, false]));
  });

  it('never lends a thread again after a batch failed with it, nor once it has stopped', async () => {
    const failing = lendScanReaders(spec(9003));
    await failing.giveBack(true);
    await vi.waitFor(() => expect(failing.readers.running()).toBe(false));
    const after = lendScanReaders(spec(9003));
    expect(after.readers).not.toBe(failing.readers);
    await after.giveBack(false);
    // The thread stops while nothing reads with it (here: closed from outside): the next batch gets a new one.
    await after.readers.close();
    await vi.waitFor(() => expect(after.readers.running()).toBe(false));
    const again = lendScanReaders(spec(9003));
    expect(again.readers).not.toBe(after.readers);
    expect(again.readers.running()).toBe(true);
    await again.giveBack(false);
    await stopIdleScanReaders();
  });

  it('keeps a thread another batch is using when one batch fails, and stops it when that batch is done', async () => {
    const reading = lendScanReaders(spec(9004));
    const failing = lendScanReaders(spec(9004));
    expect(failing.readers).toBe(reading.readers);
    await failing.giveBack(true);
    expect(reading.readers.running()).toBe(true);
    await reading.giveBack(false);
    await vi.waitFor(() => expect(reading.readers.running()).toBe(false));
  });
});
