import { expect, type Page, test } from '@playwright/test';
import { arrangeProject, arrangeScene, sceneOutline } from './api';
import { expectSaved, shotButtons } from './helpers';

/** The board as the page shows it: each scene's title and its shots' actions, in order. */
function outline(page: Page) {
  return page.locator('section.scene').evaluateAll((sections) =>
    sections.map((s) => ({
      title: (s.getAttribute('aria-label') ?? '').replace(/^Scene \d+: /, ''),
      shots: [...s.querySelectorAll('.shot-action')].map((a) => a.textContent ?? ''),
    })),
  );
}

test('scenes reorder and shots move between scenes, by button, keyboard and drag, with undo', async ({
  page,
  request,
}) => {
  const { projectId } = await arrangeProject(request, 'Reorder', ['A1', 'A2']);
  await arrangeScene(request, projectId, 'Closing', ['B1']);
  await page.goto(`/projects/${projectId}`);
  await expect
    .poll(() => outline(page))
    .toEqual([
      { title: 'Opening', shots: ['A1', 'A2'] },
      { title: 'Closing', shots: ['B1'] },
    ]);

  // Scene 2 goes above scene 1 with its button.
  const second = page.getByRole('region', { name: 'Scene 2: Closing' });
  await second.getByRole('button', { name: 'Move scene up' }).click();
  await expectSaved(page);
  await expect(page.getByRole('region', { name: 'Scene 1: Closing' })).toBeVisible();
  const swapped = [
    { title: 'Closing', shots: ['B1'] },
    { title: 'Opening', shots: ['A1', 'A2'] },
  ];
  await expect.poll(() => outline(page)).toEqual(swapped);

  // B1 is the last shot of its scene: Alt+ArrowDown carries it to the start of the next scene.
  await shotButtons(page).first().click();
  await page.keyboard.press('Alt+ArrowDown');
  await expectSaved(page);
  const keyed = [
    { title: 'Closing', shots: [] },
    { title: 'Opening', shots: ['B1', 'A1', 'A2'] },
  ];
  await expect.poll(() => outline(page)).toEqual(keyed);
  await expect(shotButtons(page).first()).toBeFocused();

  // Drag A2 onto the (now empty) first scene's shot list.
  const from = await shotButtons(page).nth(2).boundingBox();
  const to = await page.getByRole('button', { name: 'Add shot to scene 1' }).boundingBox();
  if (!from || !to) throw new Error('board not laid out');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 - 20, from.y + from.height / 2, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
  await expectSaved(page);
  const dragged = [
    { title: 'Closing', shots: ['A2'] },
    { title: 'Opening', shots: ['B1', 'A1'] },
  ];
  await expect.poll(() => outline(page)).toEqual(dragged);
  expect(await sceneOutline(request, projectId)).toEqual(dragged);

  // Undo once restores the step before (on the page and on the server); redo brings the drag back.
  await shotButtons(page).first().focus();
  await page.keyboard.press('Control+z');
  await expectSaved(page);
  await expect.poll(() => outline(page)).toEqual(keyed);
  expect(await sceneOutline(request, projectId)).toEqual(keyed);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expectSaved(page);

  await page.reload();
  await expect.poll(() => outline(page)).toEqual(dragged);

  // From the keyboard on the scene's drag handle, then undo.
  await page.getByRole('button', { name: 'Drag scene 1' }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expectSaved(page);
  const reversed = [dragged[1], dragged[0]];
  await expect.poll(() => outline(page)).toEqual(reversed);
  expect(await sceneOutline(request, projectId)).toEqual(reversed);
  await expect(page.getByRole('button', { name: 'Drag scene 2' })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expectSaved(page);
  await expect.poll(() => outline(page)).toEqual(dragged);
  expect(await sceneOutline(request, projectId)).toEqual(dragged);

  // And with the mouse: scene 2's handle dragged above scene 1.
  const handle = await page.getByRole('button', { name: 'Drag scene 2' }).boundingBox();
  const top = await page.getByRole('region', { name: /^Scene 1/ }).boundingBox();
  if (!handle || !top) throw new Error('scenes not laid out');
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2, handle.y - 20, { steps: 4 });
  await page.mouse.move(handle.x + handle.width / 2, top.y + 10, { steps: 12 });
  await page.screenshot({ path: test.info().outputPath('scene-drag.png') });
  await page.mouse.up();
  await expectSaved(page);
  await expect.poll(() => outline(page)).toEqual(reversed);
  expect(await sceneOutline(request, projectId)).toEqual(reversed);
});
