import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createProject, expectSaved, shotActions, shotButtons } from './helpers';
import { makePng } from './png';

test('a new user builds a storyboard, reorders it, reloads and finds everything as they left it', async ({
  page,
}, testInfo) => {
  await createProject(page, 'Lighthouse');

  // A character with a real reference image.
  await page.getByLabel('New character name').fill('Emma Hale');
  await page.getByRole('button', { name: 'Add character' }).click();
  const characterForm = page.getByRole('form', { name: 'Character Emma Hale' });
  await expect(characterForm).toBeVisible();
  const png = makePng(64, 48, [200, 60, 40], [40, 90, 200]);
  const pngPath = testInfo.outputPath('emma.png');
  await import('node:fs/promises').then((fs) => fs.writeFile(pngPath, png));
  await characterForm.getByLabel('Upload reference image').setInputFiles(pngPath);
  const reference = characterForm.getByRole('img', { name: /Reference images .* of Emma Hale/ });
  await expect(reference).toBeVisible();
  await expect.poll(() => reference.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await characterForm.getByLabel('Clothing').fill('blue wool sweater');
  await characterForm.getByLabel('Clothing').blur();
  await expectSaved(page);

  // A location, a scene set there, and three shots.
  await page.getByLabel('New location name').fill('Lamp room');
  await page.getByRole('button', { name: 'Add location' }).click();
  const envForm = page.getByRole('form', { name: 'Location Lamp room' });
  await envForm.getByLabel('Place').fill('top of a stone lighthouse');
  await envForm.getByLabel('Place').blur();
  await page.getByRole('button', { name: '+ Add scene' }).click();
  const scene = page.getByRole('region', { name: /^Scene 1/ });
  await expect(scene).toBeVisible();
  await scene.getByLabel('Location').selectOption({ label: 'Lamp room' });
  await scene.getByLabel('Scene title').fill('Storm night');
  await scene.getByLabel('Scene title').blur();
  await expectSaved(page);

  for (const action of [
    'Alpha: waves hit the rocks',
    'Bravo: Emma climbs the stairs',
    'Charlie: the lamp turns',
  ]) {
    await scene.getByRole('button', { name: 'Add shot to scene 1' }).click();
    const inspector = page.getByRole('form', { name: /^Shot \d+ inspector$/ });
    await expect(inspector.getByLabel('Action')).toHaveValue('');
    await inspector.getByLabel('Action').fill(action);
    await inspector.getByLabel('Action').blur();
    await expectSaved(page);
  }
  await expect
    .poll(() => shotActions(page))
    .toEqual(['Alpha: waves hit the rocks', 'Bravo: Emma climbs the stairs', 'Charlie: the lamp turns']);

  // Put Emma in the second shot.
  await shotButtons(page).nth(1).click();
  await page.getByLabel('Emma Hale in shot').click();
  await expect(page.getByLabel('Emma Hale in shot')).toBeChecked();
  await expectSaved(page);
  await expect(shotButtons(page).nth(1)).toContainText('Emma Hale');

  // Drag the third card onto the first.
  const from = await shotButtons(page).nth(2).boundingBox();
  const to = await shotButtons(page).nth(0).boundingBox();
  if (!from || !to) throw new Error('cards not laid out');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 - 20, from.y + from.height / 2, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
  await expectSaved(page);
  await expect
    .poll(() => shotActions(page))
    .toEqual(['Charlie: the lamp turns', 'Alpha: waves hit the rocks', 'Bravo: Emma climbs the stairs']);

  // And one move from the keyboard: select the first card, Alt+ArrowDown.
  await shotButtons(page).nth(0).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+ArrowDown');
  await expectSaved(page);
  const expected = ['Alpha: waves hit the rocks', 'Charlie: the lamp turns', 'Bravo: Emma climbs the stairs'];
  await expect.poll(() => shotActions(page)).toEqual(expected);
  await expect(shotButtons(page).nth(1)).toBeFocused();

  await page.screenshot({ path: testInfo.outputPath('project-page.png') });
  await page.screenshot({ path: path.join(import.meta.dirname, '../test-results/project-page.png') });

  await page.reload();
  await expect.poll(() => shotActions(page)).toEqual(expected);
  await expect(page.getByRole('region', { name: /^Scene 1/ }).getByLabel('Location')).toHaveValue(/.+/);
  await expect(
    page
      .getByRole('region', { name: /^Scene 1/ })
      .getByLabel('Location')
      .locator('option:checked'),
  ).toHaveText('Lamp room');
  await expect(page.getByLabel('Scene title')).toHaveValue('Storm night');
  await expect(shotButtons(page).nth(2)).toContainText('Emma Hale');
  const castEntry = page.getByRole('button', { name: /Emma Hale/ });
  await expect(castEntry.locator('img.thumb')).toBeVisible();
  await castEntry.click();
  await expect(page.getByRole('form', { name: 'Character Emma Hale' }).getByLabel('Clothing')).toHaveValue(
    'blue wool sweater',
  );
  await page.getByRole('button', { name: /Lamp room/ }).click();
  await expect(page.getByRole('form', { name: 'Location Lamp room' }).getByLabel('Place')).toHaveValue(
    'top of a stone lighthouse',
  );
});
