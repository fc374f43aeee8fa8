import { expect, type Page, test } from '@playwright/test';
import { expectSaved } from './helpers';
import { arrangeRenderProject, takeCount } from './render-api';

const bar = (page: Page) => page.getByRole('toolbar', { name: 'Render' });
/** The newest render of a shot: the queue lists running, then waiting, then finished newest first. */
const entry = (page: Page, title: string) =>
  page
    .getByRole('region', { name: 'Render queue' })
    .getByRole('listitem', { name: `${title} render` })
    .first();

test('the render queue: render all, cancel a waiting shot, retry it, then render only the stale one', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(150_000);
  const { projectId, shotIds } = await arrangeRenderProject(request, 'Queue film', [
    { action: 'Ava walks down the pier', line: 'Morning!' },
    { action: 'Gulls over the mast', line: null },
    { action: 'The ferry docks', line: null },
    { action: 'Rope thrown ashore', line: null },
  ]);
  await page.goto(`/projects/${projectId}`);
  await expect(bar(page).getByRole('button', { name: 'Render stale (4)' })).toBeVisible();
  await bar(page).getByRole('button', { name: 'Queue (0)' }).click();
  const queue = page.getByRole('region', { name: 'Render queue' });
  await expect(queue).toBeVisible();

  // Everything: two renders at a time, so the last shot waits and can be cancelled before it starts.
  await bar(page).getByRole('button', { name: 'Render all' }).click();
  await expect(entry(page, 'Shot 4')).toHaveAttribute('data-status', 'queued');
  await expect(bar(page).getByRole('button', { name: /^Queue \([1-4]\)$/ })).toBeVisible();
  await queue.screenshot({ path: testInfo.outputPath('queue-running.png') });
  await entry(page, 'Shot 4').getByRole('button', { name: 'Cancel Shot 4' }).click();
  await expect(entry(page, 'Shot 4')).toHaveAttribute('data-status', 'cancelled');
  await expect(entry(page, 'Shot 4').getByRole('button', { name: 'Retry Shot 4' })).toBeVisible();

  // The other three finish, each listed with its stages.
  for (const n of [1, 2, 3])
    await expect(entry(page, `Shot ${n}`)).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await expect(entry(page, 'Shot 1').locator('[data-kind="speech"]')).toHaveAttribute(
    'data-status',
    'succeeded',
  );
  await expect(entry(page, 'Shot 1').locator('[data-kind="picture"]')).toHaveAttribute(
    'data-status',
    'succeeded',
  );
  expect(await takeCount(request, shotIds[3]!)).toBe(1);
  await queue.screenshot({ path: testInfo.outputPath('queue-cancelled.png') });

  // Retry queues the shot again; it renders and the stale count falls to none.
  await expect(bar(page).getByRole('button', { name: 'Render stale (1)' })).toBeVisible();
  await entry(page, 'Shot 4').getByRole('button', { name: 'Retry Shot 4' }).click();
  await expect(entry(page, 'Shot 4')).toHaveAttribute('data-status', /queued|running/);
  await expect(entry(page, 'Shot 4')).toHaveAttribute('data-status', 'succeeded', { timeout: 45_000 });
  expect(await takeCount(request, shotIds[3]!)).toBe(2);
  // The cancelled render stays listed, without Retry now that a newer one succeeded.
  await expect(queue.getByRole('listitem', { name: 'Shot 4 render' })).toHaveCount(2);
  await expect(queue.getByRole('button', { name: 'Retry Shot 4' })).toHaveCount(0);
  await expect(bar(page).getByRole('button', { name: 'Render stale (0)' })).toBeDisabled();
  await expect(bar(page).getByRole('button', { name: 'Queue (0)' })).toBeVisible();

  // Change one shot: exactly it is stale, and rendering the stale ones renders only it.
  await page.locator(`[data-shot-id="${shotIds[1]}"] .shot-select`).click();
  const inspector = page.getByRole('form', { name: 'Shot 2 inspector' });
  await inspector.getByLabel('Action').fill('Gulls over the mast at dusk');
  await inspector.getByLabel('Action').blur();
  await expectSaved(page);
  await expect(bar(page).getByRole('button', { name: 'Render stale (1)' })).toBeVisible();
  await bar(page).getByRole('button', { name: 'Render stale (1)' }).click();
  await expect(entry(page, 'Shot 2')).toHaveAttribute('data-status', /queued|running/);
  await expect(entry(page, 'Shot 2')).toHaveAttribute('data-status', 'succeeded', { timeout: 45_000 });
  expect(await takeCount(request, shotIds[1]!)).toBe(2);
  expect(await takeCount(request, shotIds[0]!)).toBe(1);
  await expect(bar(page).getByRole('button', { name: 'Render stale (0)' })).toBeDisabled();
  await queue.screenshot({ path: testInfo.outputPath('queue-done.png') });

  // The shot's two takes: each says what made it and plays in place; "Compare all" puts them side by side.
  const takes = page.getByRole('list', { name: 'Takes' });
  await expect(takes.locator('.take')).toHaveCount(2);
  await expect(takes.locator('.take').first()).toContainText(
    /local\/animatic-v1 · (seed \d+|no seed).* · 2\.0 s/,
  );
  await takes.getByRole('button', { name: 'Play take 1' }).click();
  const player = takes.getByLabel('Take 1 player');
  await expect
    .poll(() => player.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(1);
  await page.getByRole('button', { name: 'Compare all' }).click();
  const compare = page.getByRole('region', { name: 'Compare take 1 and take 2' });
  await expect(compare.locator('video')).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('editor.png') });
});
