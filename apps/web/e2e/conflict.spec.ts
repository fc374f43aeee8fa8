import { expect, test } from '@playwright/test';
import { arrangeProject, shotAction } from './api';
import { expectSaved, shotButtons } from './helpers';

test('two pages edit the same shot: the second is told, loses nothing of the first, and shows it', async ({
  browser,
  request,
}) => {
  const { projectId, shotIds } = await arrangeProject(request, 'Conflict', ['The original action']);
  const first = await browser.newPage();
  const second = await browser.newPage();
  for (const page of [first, second]) {
    await page.goto(`/projects/${projectId}`);
    await shotButtons(page).first().click();
    await expect(page.getByRole('textbox', { name: 'Action', exact: true })).toHaveValue(
      'The original action',
    );
  }

  await first.getByRole('textbox', { name: 'Action', exact: true }).fill('Saved by the first page');
  await first.getByRole('textbox', { name: 'Action', exact: true }).blur();
  await expectSaved(first);
  expect(await shotAction(request, projectId, shotIds[0]!)).toBe('Saved by the first page');

  // The second page still shows the old version and edits it.
  await second.getByRole('textbox', { name: 'Action', exact: true }).fill('Typed on the stale second page');
  await second.getByRole('textbox', { name: 'Action', exact: true }).blur();
  await expect(second.getByRole('alert')).toContainText('This project was changed elsewhere');
  await expect(second.getByRole('alert')).toContainText('your last change was not saved');
  await expect(second.getByRole('textbox', { name: 'Action', exact: true })).toHaveValue(
    'Saved by the first page',
  );
  await expect(shotButtons(second).first()).toContainText('Saved by the first page');
  expect(await shotAction(request, projectId, shotIds[0]!)).toBe('Saved by the first page');
  // Its undo history was based on the old state and is gone.
  await expect(second.getByRole('button', { name: 'Undo' })).toBeDisabled();

  // The second page can carry on from the latest version.
  await second.getByRole('textbox', { name: 'Action', exact: true }).fill('Second page, after reloading');
  await second.getByRole('textbox', { name: 'Action', exact: true }).blur();
  await expectSaved(second);
  expect(await shotAction(request, projectId, shotIds[0]!)).toBe('Second page, after reloading');
  await first.close();
  await second.close();
});
