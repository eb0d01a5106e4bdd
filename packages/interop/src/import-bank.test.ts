import { readdirSync, statSync } from 'node:fs';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBank, sniffFormat } from './import-bank.js';
import { ImportError, type SourceFormat } from './import-result.js';
import { SAMPLES_ROOT, sampleFile } from './test-support/interop-samples.js';

const FOLDER_FORMATS: Record<string, SourceFormat> = {
  aiken: 'aiken',
  gift: 'gift',
  'moodle-xml': 'moodle-xml',
  'canvas-qti12': 'qti12',
  qti21: 'qti21',
  qti30: 'qti30',
};

/** Every sample file (an unpacked package by its imsmanifest.xml) with the format its folder is for. */
function samples(): [string, SourceFormat][] {
  return Object.entries(FOLDER_FORMATS).flatMap(([folder, format]) =>
    readdirSync(new URL(`${folder}/`, SAMPLES_ROOT)).map((name): [string, SourceFormat] => {
      const isPackage = statSync(new URL(`${folder}/${name}`, SAMPLES_ROOT)).isDirectory();
      return [`${folder}/${name}${isPackage ? '/imsmanifest.xml' : ''}`, format];
    }),
  );
}

describe('sniffFormat', () => {
  it.each(samples())('%s is %s', (path, format) => {
    expect(sniffFormat(sampleFile(path))).toBe(format);
  });

  it.each([
    [
      'UTF-16 Moodle XML',
      new Uint8Array([0xff, 0xfe, ...Array.from('<quiz></quiz>', (c) => [c.charCodeAt(0), 0]).flat()]),
      'moodle-xml',
    ],
    ['GIFT with a category only', strToU8('$CATEGORY: a/b\n\n::Q:: 1+1 {=2 ~3}'), 'gift'],
    ['Aiken', strToU8('2+2?\nA. 3\nB. 4\nANSWER: B'), 'aiken'],
    ['Aiken with TeX braces', strToU8('What is $$\\frac{1}{2}$$ of 4?\nA) 2\nB) {3}\nANSWER: A'), 'aiken'],
    ['GIFT true/false and numeric', strToU8('Is 2 even? {T}\n\nHow much? {#4:1}'), 'gift'],
  ])('%s', (_name, bytes, format) => {
    expect(sniffFormat({ name: 'bank', bytes })).toBe(format);
  });

  it('refuses what it cannot tell, with a located message', () => {
    const refuse = (text: string) => () => sniffFormat({ name: 'notes.txt', bytes: strToU8(text) });
    expect(refuse('Just some notes.')).toThrow(ImportError);
    expect(refuse('Just some notes.')).toThrow(/cannot tell the format of notes\.txt/);
    expect(refuse('<html><body>hi</body></html>')).toThrow('notes.txt is XML with root element <html>');
    expect(() => sniffFormat({ name: 'a.zip', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]) })).toThrow(
      /a\.zip is a zip file that cannot be read/,
    );
  });
});

describe('importBank', () => {
  it('dispatches to the importer of the format', () => {
    const imported = importBank(sampleFile('aiken/moodle_fixture_questions.aiken.txt'));
    expect(imported.format).toBe('aiken');
    expect(imported.exam.sections[0]?.questions).toHaveLength(2);
  });

  it('turns any note into an error when strict', () => {
    expect(() => importBank(sampleFile('aiken/moodle_fixture_aiken_errors.txt'), { strict: true })).toThrow(
      /strict import/,
    );
  });
});
