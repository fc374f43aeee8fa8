import { expect, test } from '@playwright/test';
import { arrangeRenderProject } from './render-api';

test('the render bar says what a render will cost, unknown prices as unknown, and warns past the owner’s limit', async ({
  page,
  request,
}) => {
  const { projectId } = await arrangeRenderProject(request, 'Spend look', [
    {
      action: 'Ava waves from the pier',
      line: 'Hello there!',
      provider: 'fal:fal-ai/kling-video/v2.1/master',
      duration: 5,
    },
    {
      action: 'Gulls circle the mast',
      line: null,
      provider: 'fal:fal-ai/kling-video/v2.1/master',
      duration: 10,
    },
    { action: 'The boat leaves', line: null, provider: 'luma:ray-2', duration: 5 },
  ]);
  await page.setViewportSize({ width: 1400, height: 700 });
  await page.goto(`/projects/${projectId}`);
  // Kling on fal has a published price; Luma's could not be read: unknown, not counted, never $0.
  await expect(page.locator('.render-estimate')).toHaveText(
    'Render stale (3): 2 shots, 15 s on Kling 2.1 Master (fal) ≈ $4.20 · 1 shot, 5 s on Luma Ray 2: price unknown — not counted · total ≈ $4.20',
    { timeout: 20_000 },
  );
  await page.getByRole('button', { name: 'Spend limits…' }).click();
  const studio = page.getByRole('form', { name: 'Limits for Whole studio' });
  await studio.getByLabel('Daily $').fill('2');
  await studio.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.render-estimate')).toContainText('over the studio daily limit: $2.00 left', {
    timeout: 20_000,
  });
  // The suite shares one studio: leave it without limits.
  const cleared = await request.put('/api/spend/limits/studio', {
    data: { dailyMicros: null, monthlyMicros: null },
  });
  expect(cleared.ok()).toBe(true);
});
