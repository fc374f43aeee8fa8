import { expect, test } from '@playwright/test';
import { arrangeProject, shotAction } from './api';
import { expectSaved, shotActions, shotButtons } from './helpers';

test('undo and redo a shot edit and a delete from the keyboard', async ({ page, request }) => {
  const { projectId, shotIds } = await arrangeProject(request, 'Undo', ['First shot', 'Second shot']);
  await page.goto(`/projects/${projectId}`);
  await shotButtons(page).first().click();

  const action = page.getByRole('textbox', { name: 'Action', exact: true });
  // Typing several times in a row is ONE edit.
  await action.click();
  await action.press('End');
  await action.pressSequentially(' at dawn', { delay: 20 });
  await action.blur();
  await expectSaved(page);
  expect(await shotAction(request, projectId, shotIds[0]!)).toBe('First shot at dawn');
  await page.getByLabel('Shot type').selectOption('close-up');
  await expectSaved(page);

  await shotButtons(page).first().focus();
  await page.keyboard.press('Control+z');
  await expectSaved(page);
  await expect(page.getByLabel('Shot type')).toHaveValue('medium');
  await page.keyboard.press('Control+z');
  await expectSaved(page);
  await expect(action).toHaveValue('First shot');
  expect(await shotAction(request, projectId, shotIds[0]!)).toBe('First shot');

  await page.keyboard.press('Control+Shift+z');
  await expectSaved(page);
  await expect(action).toHaveValue('First shot at dawn');
  expect(await shotAction(request, projectId, shotIds[0]!)).toBe('First shot at dawn');

  // Delete the selected shot with the Delete key, then bring it back.
  await shotButtons(page).first().focus();
  await page.keyboard.press('Delete');
  await expectSaved(page);
  await expect.poll(() => shotActions(page)).toEqual(['Second shot']);
  await page.keyboard.press('Control+z');
  await expectSaved(page);
  await expect.poll(() => shotActions(page)).toEqual(['First shot at dawn', 'Second shot']);
  // The restored shot is a new record, and older history still applies to it.
  await page.keyboard.press('Control+z');
  await expectSaved(page);
  await expect.poll(() => shotActions(page)).toEqual(['First shot', 'Second shot']);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expectSaved(page);
  await page.reload();
  await expect.poll(() => shotActions(page)).toEqual(['First shot at dawn', 'Second shot']);
});
