import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { arrangeRenderProject } from './render-api';

test('hands the edit on: downloads the MLT zip with its clips and the storyboard PDF from the export dialog', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(300_000);
  const { projectId, shotIds } = await arrangeRenderProject(request, 'Harbour handoff', [
    { action: 'Ava waves from the pier', line: 'Hello there, sailor!' },
    { action: 'Gulls circle the mast', line: null },
  ]);
  await page.goto(`/projects/${projectId}`);

  // Before anything is rendered the edit is refused, naming the shots; the dialog stays open.
  await page.getByRole('button', { name: 'Export film…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export film' });
  const handoff = dialog.getByRole('region', { name: 'Edit for another editor' });
  await handoff.getByRole('button', { name: 'Download edit (zip)' }).click();
  await expect(handoff.getByRole('alert')).toContainText('2 shot(s) have no finished take yet');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('toolbar', { name: 'Render' }).getByRole('button', { name: 'Render all' }).click();
  for (const shotId of shotIds) {
    await expect(
      page.locator(`[data-shot-id="${shotId}"] .card-poster [data-render-status]`),
    ).toHaveAttribute('data-render-status', 'ready', { timeout: 120_000 }); // 2 cores shared
  }

  await page.getByRole('button', { name: 'Export film…' }).click();
  await handoff.getByRole('radio', { name: /MLT/ }).check();
  const zipDownload = page.waitForEvent('download');
  await handoff.getByRole('button', { name: 'Download edit (zip)' }).click();
  const zip = await zipDownload;
  expect(zip.suggestedFilename()).toBe('Harbour handoff (mlt).zip');
  const zipFile = testInfo.outputPath('handoff.zip');
  await zip.saveAs(zipFile);
  const listing = execFileSync('unzip', ['-Z1', zipFile], { encoding: 'utf8' }).trim().split('\n').sort();
  expect(listing.filter((name) => name.endsWith('.mp4'))).toHaveLength(2);
  expect(listing).toContain('Harbour handoff/Harbour handoff.mlt');
  expect(listing).toContain('Harbour handoff/subtitles.srt');
  const mlt = execFileSync('unzip', ['-p', zipFile, 'Harbour handoff/Harbour handoff.mlt'], {
    encoding: 'utf8',
  });
  for (const clip of listing.filter((name) => name.endsWith('.mp4')))
    expect(mlt).toContain(`<property name="resource">${clip.replace('Harbour handoff/', '')}</property>`);

  const pdfDownload = page.waitForEvent('download');
  await handoff.getByRole('link', { name: 'Storyboard PDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe('Harbour handoff storyboard.pdf');
  const pdfFile = testInfo.outputPath('storyboard.pdf');
  await pdf.saveAs(pdfFile);
  expect(readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  expect(text).toContain('Ava waves from the pier');
  expect(text).toContain('AVA: Hello there, sailor!');
});
