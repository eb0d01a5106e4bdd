import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { SAMPLES_DIRECTORY } from '../packages/interop/src/test-support/interop-samples.js';
import { expectAccessible } from './accessibility.js';
import { DEMO } from './api.js';
import { expectImageLoaded, signIn } from './keyboard-grader.js';
import { keepScreenshot } from './screenshots.js';

const SAMPLES = `${SAMPLES_DIRECTORY}/`;
const MOODLE = `${SAMPLES}moodle-xml/amc2moodle_moodle-bank-exemple_math_images_numerical_calculated.xml`;
const QTI3 = `${SAMPLES}qti30/kennisnet_nvon_biology_package_no_max_score.zip`;

/** The browser's drag-and-drop classes, for the function Playwright runs in the page (these tests' TypeScript has no DOM). */
interface BrowserDrop {
  readonly DataTransfer: new () => { readonly items: { add(file: unknown): unknown } };
  readonly File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
}

/** Drops a file on an element as a person dragging it from their files would. */
async function dropFile(page: Page, testId: string, path: string, type: string): Promise<void> {
  const bytes = [...readFileSync(path)];
  const name = path.split('/').pop() ?? 'bank';
  const transfer = await page.evaluateHandle(
    ({ bytes: data, name: fileName, type: mime }) => {
      const browser = globalThis as unknown as BrowserDrop;
      const dataTransfer = new browser.DataTransfer();
      dataTransfer.items.add(new browser.File([new Uint8Array(data)], fileName, { type: mime }));
      return dataTransfer;
    },
    { bytes, name, type },
  );
  await page.getByTestId(testId).dispatchEvent('drop', { dataTransfer: transfer });
}

test('an instructor imports a Moodle bank and a QTI 3.0 package, reads what was not converted, and opens a sitting', async ({
  page,
}) => {
  await signIn(page, DEMO);
  await page.goto('/instructor');
  await dropFile(page, 'bank-drop-zone', QTI3, 'application/zip');
  const report = page.getByTestId('bank-import-report');
  await expect(report).toContainText('from QTI 3.0', { timeout: 60_000 });
  // An interaction Examforge has no type for is kept as a written question, and said so.
  await expect(page.getByTestId('bank-import-notes').locator('[data-kept-as="free-response"]').first()).toBeVisible();
  await expectAccessible(page, 'the import report of a QTI 3.0 package');
  await keepScreenshot(page, 'instructor-bank-import-qti3');

  await page.getByTestId('bank-file').setInputFiles(MOODLE);
  await page.getByTestId('bank-import').click();
  await expect(report).toContainText('from Moodle XML', { timeout: 60_000 });
  await expect(page.getByTestId('bank-import-counts')).toContainText('2 images kept with the exam');
  // What has no equivalent is listed with where it is in the file.
  const notes = page.getByTestId('bank-import-notes');
  await expect(notes.locator('[data-kept-as="left-out"]').first()).toContainText('calculated');
  await expect(notes).toContainText(/amc2moodle_moodle-bank-exemple_math_images_numerical_calculated\.xml:\d+:\d+/);
  await expectAccessible(page, 'the import report of a Moodle XML bank');
  await keepScreenshot(page, 'instructor-bank-import-moodle');

  await page.getByTestId('bank-open-exam').click();
  await expect(page.getByTestId('exam-detail-page')).toBeVisible();
  // And back out for another system: the report says what Aiken cannot hold before the file is downloaded.
  await page.getByTestId('export-format-aiken').check();
  await expect(page.getByTestId('export-summary')).toContainText('Aiken:');
  await expect(page.getByTestId('export-left-out')).toContainText('single-answer');
  await expectAccessible(page, 'the imported exam, with its export report');
  const link = page.getByTestId('export-download');
  const fileName = (await link.textContent())?.replace(/^Download /, '') ?? '';
  const download = page.waitForEvent('download');
  await link.click();
  expect((await download).suggestedFilename()).toBe(fileName);
  // The bank's pictures are kept with the exam and served with it: the preview shows them loaded.
  const examPage = page.url();
  await page.goto(`${examPage}/preview`);
  await expect(page.getByTestId('preview-page')).toBeVisible();
  await expectImageLoaded(page.locator('img[src*="/files/"]').first());
  await page.goto(examPage);
  await page.getByTestId('sitting-title').fill('Imported bank sitting');
  await page.getByTestId('sitting-create').click();
  await expect(page.getByTestId('sitting-page')).toBeVisible();
  await expectAccessible(page, 'the sitting of the imported exam');
});
