import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { arrangeProject } from './api';

test('project list: rename, duplicate, export then import, delete with confirmation', async ({
  page,
  request,
}) => {
  const suffix = Date.now().toString(36);
  const title = `Harbour ${suffix}`;
  await arrangeProject(request, title, ['Boats rock', 'Gulls circle']);
  await page.goto('/');
  // The seeded samples are there for a new user.
  await expect(page.getByRole('link', { name: /^The Last Algorithm/ })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(`^${title}`) })).toContainText('2 shots');

  // Rename.
  await page.getByRole('button', { name: `Rename ${title}`, exact: true }).click();
  const renamed = `Harbour at night ${suffix}`;
  await page.getByLabel(`New title for ${title}`).fill(renamed);
  await page.getByRole('button', { name: 'Save title' }).click();
  await expect(page.getByRole('link', { name: new RegExp(`^${renamed}`) })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(`^${title}`) })).toHaveCount(0);

  // Duplicate.
  await page.getByRole('button', { name: `Duplicate ${renamed}`, exact: true }).click();
  const copy = page.getByRole('link', { name: new RegExp(`^${renamed} \\(copy\\)`) });
  await expect(copy).toBeVisible();
  await expect(copy).toContainText('2 shots');

  // Export, then import the file back.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: `Export ${renamed}`, exact: true }).click();
  const download = await downloadPromise;
  const file = test.info().outputPath('export.json');
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8')) as { format: string; project: { title: string } };
  expect(exported.format).toBe('ministudio/production');
  expect(exported.project.title).toBe(renamed);
  await page.getByLabel('Import production file').setInputFiles(file);
  // The import says what it brought in and opens it.
  await expect(page.getByRole('alert')).toContainText(
    `Imported “${renamed}” from export.json: 1 scene, 2 shots, 0 characters, 0 locations.`,
  );
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  await expect(page.getByLabel('Project title')).toHaveValue(renamed);
  await page.goto('/');
  await expect(page.getByRole('link', { name: new RegExp(`^${renamed} \\d`) })).toHaveCount(2);

  // A broken file is refused with a message, and nothing is added.
  await page.getByLabel('Import production file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"ministudio/production","version":1}'),
  });
  await expect(page.getByRole('alert')).toContainText('Could not import broken.json');

  // Delete looks like an action (the danger colour, at full strength), not like a disabled button.
  const deleteButton = page.getByRole('button', { name: `Delete ${renamed}`, exact: true }).first();
  await expect(deleteButton).toBeEnabled();
  const look = await deleteButton.evaluate((el) => {
    const style = getComputedStyle(el);
    return { color: style.color, opacity: style.opacity };
  });
  expect(look).toEqual({ color: 'rgb(255, 107, 107)', opacity: '1' });

  // Delete asks first; Cancel keeps the project.
  const rows = page.getByRole('link', { name: new RegExp(`^${renamed} \\d`) });
  await page
    .getByRole('button', { name: `Delete ${renamed}`, exact: true })
    .first()
    .click();
  const dialog = page.getByRole('alertdialog', { name: `Delete “${renamed}”?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows).toHaveCount(2);
  await page
    .getByRole('button', { name: `Delete ${renamed}`, exact: true })
    .first()
    .click();
  await dialog.getByRole('button', { name: 'Delete project' }).click();
  await expect(rows).toHaveCount(1);
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(copy).toBeVisible();
});
