import { expect, type Page, test } from '@playwright/test';
import { expectSaved } from './helpers';
import { arrangeRenderProject } from './render-api';

const cardStatus = (page: Page, shotId: string) =>
  page.locator(`[data-shot-id="${shotId}"] .card-poster [data-render-status]`);

test('project settings: the size follows the ratio, a style change warns of stale shots, settings are kept', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const { projectId, shotIds } = await arrangeRenderProject(request, 'Lighthouse', [
    { action: 'The keeper climbs the stairs', line: null },
  ]);
  const shotId = shotIds[0]!;
  await page.goto(`/projects/${projectId}`);

  await page.getByRole('button', { name: 'Settings' }).click();
  const panel = page.getByRole('dialog', { name: 'Project settings' });
  await expect(panel).toBeVisible();
  // Keyboard first: focus starts in the panel, and Shift+Tab from the top wraps round, not to the page.
  await expect(panel.getByLabel('Title')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(panel.getByRole('button', { name: /Play sample/ })).toBeFocused();
  const size = panel.getByLabel('Size');

  // Nothing is rendered yet, so the ratio changes at once, and the size with it.
  await panel.getByLabel('Aspect ratio').selectOption('9:16');
  await expect(size).toHaveValue('720x1280');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  // A smaller frame of the same shape keeps the render below quick.
  await size.selectOption('480x854');
  await expectSaved(page);
  await expect(page.locator('.project-facts')).toContainText('9:16 · 480×854');

  // Escape closes the panel; Undo would take back one setting at a time.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /change frame size/);

  const render = await request.post(`/api/projects/${projectId}/render`, { data: { shotIds: [shotId] } });
  expect(render.status()).toBe(202);
  await expect(cardStatus(page, shotId)).toHaveAttribute('data-render-status', 'ready', { timeout: 60_000 });

  await page.getByRole('button', { name: 'Settings' }).click();
  await panel.getByLabel('Style', { exact: true }).selectOption('cyberpunk');
  const warning = panel.getByRole('alert');
  await expect(warning).toContainText('This makes 1 shot stale.');
  // Not applied until Apply.
  await expect(page.locator('.project-facts')).not.toContainText('cyberpunk');
  await page.screenshot({ path: '/tmp/settings-panel.png' });
  await warning.getByRole('button', { name: 'Apply' }).click();
  await expect(warning).toBeHidden();
  await expectSaved(page);
  await expect(page.locator('.project-facts')).toContainText('cyberpunk');
  await expect(cardStatus(page, shotId)).toHaveAttribute('data-render-status', 'stale');

  // The voice is picked from espeak's list, and a sample can be heard.
  const voice = panel.getByLabel('Voice', { exact: true });
  expect(await voice.locator('option').count()).toBeGreaterThan(5);
  const sample = page.waitForResponse((r) => r.url().endsWith('/voices/sample'));
  await panel.getByRole('button', { name: /Play sample/ }).click();
  const answer = await sample;
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toContain('audio/wav');

  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(panel.getByLabel('Aspect ratio')).toHaveValue('9:16');
  await expect(size).toHaveValue('480x854');
  await expect(panel.getByLabel('Style', { exact: true })).toHaveValue('cyberpunk');
});
