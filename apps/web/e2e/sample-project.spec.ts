import path from 'node:path';
import { expect, test } from '@playwright/test';
import { shotButtons } from './helpers';

const shots = path.join(import.meta.dirname, '../test-results');

test('a seeded sample opens with its cast, locations, scenes and shots, navigable from the keyboard', async ({
  page,
}) => {
  await page.goto('/');
  await page.screenshot({ path: path.join(shots, 'project-list.png') });
  await page.getByRole('link', { name: /^The Last Algorithm/ }).click();
  await expect(page.getByRole('heading', { name: 'Cast' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Dr\. Sarah Chen/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Scene 2/ })).toBeVisible();
  const count = await shotButtons(page).count();
  expect(count).toBeGreaterThan(3);

  // Arrow keys walk the shots in reading order, across scenes.
  await page.keyboard.press('ArrowDown');
  await expect(shotButtons(page).nth(0)).toBeFocused();
  for (let i = 1; i < count; i++) await page.keyboard.press('ArrowRight');
  await expect(shotButtons(page).nth(count - 1)).toBeFocused();
  await expect(shotButtons(page).nth(count - 1)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('form', { name: `Shot ${count} inspector` })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'sample-project.png') });

  await page.getByRole('button', { name: /Dr\. Sarah Chen/ }).click();
  await expect(
    page.getByRole('form', { name: 'Character Dr. Sarah Chen' }).getByLabel('Trait 1', { exact: true }),
  ).toHaveValue('hair');
  await page.screenshot({ path: path.join(shots, 'character-editor.png') });
});
