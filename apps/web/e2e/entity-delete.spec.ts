import { SAMPLE_PRODUCTIONS } from '@ministudio/domain';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { expectSaved } from './helpers';
import { makePng } from './png';

// Deleting a character used in shots lists, in one dialog, the shots and lines it removes; Undo brings
// all of it back: the character in its place with its key and reference image, its lines and cast places.
// The same for a location and the scenes set there.

interface Project {
  version: number;
  characters: { id: string; key: string; name: string; references: { sha256: string }[] }[];
  environments: { id: string; key: string; name: string; plate: { sha256: string } | null }[];
  scenes: {
    id: string;
    environmentId: string | null;
    shots: { id: string; dialogue: { character: string; text: string }[]; cast: { character: string }[] }[];
  }[];
}

const load = async (request: APIRequestContext, id: string) =>
  (await (await request.get(`/api/projects/${id}`)).json()) as Project;

async function arrange(request: APIRequestContext, title: string) {
  const doc = structuredClone(SAMPLE_PRODUCTIONS[1]!);
  doc.project.title = title;
  const imported = await request.post('/api/projects/import', { data: doc });
  expect(imported.status(), await imported.text()).toBe(201);
  const { id } = (await imported.json()) as { id: string };
  let project = await load(request, id);
  const sarah = project.characters.find((c) => c.key === 'sarah')!;
  const upload = await request.post(`/api/characters/${sarah.id}/references`, {
    headers: { 'if-match': String(project.version) },
    multipart: {
      file: {
        name: 'sarah.png',
        mimeType: 'image/png',
        buffer: makePng(64, 48, [200, 80, 60], [30, 40, 90]),
      },
    },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  project = await load(request, id);
  const lab = project.environments[0]!;
  const plate = await request.put(`/api/environments/${lab.id}/plate`, {
    headers: { 'if-match': String(project.version) },
    multipart: {
      file: { name: 'lab.png', mimeType: 'image/png', buffer: makePng(64, 36, [10, 20, 30], [90, 90, 120]) },
    },
  });
  expect(plate.status(), await plate.text()).toBe(200);
  return { id, before: await load(request, id) };
}

const linesOf = (p: Project, key: string) =>
  p.scenes.flatMap((s) => s.shots.flatMap((shot) => shot.dialogue.filter((l) => l.character === key)));
const castOf = (p: Project, key: string) =>
  p.scenes.flatMap((s) =>
    s.shots.filter((shot) => shot.cast.some((m) => m.character === key)).map((x) => x.id),
  );

test('deleting a character lists its shots and lines in one dialog, and undo brings all of it back', async ({
  page,
  request,
}) => {
  const { id, before } = await arrange(request, 'Delete a character');
  const sarah = before.characters.find((c) => c.key === 'sarah')!;
  const lines = linesOf(before, 'sarah');
  expect(lines.length).toBeGreaterThan(0);

  await page.goto(`/projects/${id}`);
  await page
    .getByRole('complementary', { name: 'Cast and locations' })
    .getByRole('button', { name: /Dr\. Sarah Chen/ })
    .click();
  await page.getByRole('button', { name: 'Delete character' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete Dr. Sarah Chen?' });
  await expect(dialog).toBeVisible();
  const listed = dialog.getByRole('list', { name: 'What the delete removes' }).getByRole('listitem');
  const shotsUsing = before.scenes.flatMap((s) =>
    s.shots.filter(
      (x) => x.dialogue.some((l) => l.character === 'sarah') || x.cast.some((m) => m.character === 'sarah'),
    ),
  );
  await expect(listed).toHaveCount(shotsUsing.length);
  await expect(dialog).toContainText(`${lines.length} ${lines.length === 1 ? 'line' : 'lines'}`);
  await expect(dialog).toContainText(lines[0]!.text.slice(0, 30));
  await expect(dialog).toContainText('Undo (Ctrl+Z) brings all of it back');
  // One dialog: confirming deletes, with no second question.
  await dialog.getByRole('button', { name: 'Delete and remove from shots' }).click();
  await expectSaved(page);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  const deleted = await load(request, id);
  expect(deleted.characters.map((c) => c.key)).not.toContain('sarah');
  expect(linesOf(deleted, 'sarah')).toEqual([]);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expectSaved(page);
  await expect(
    page
      .getByRole('complementary', { name: 'Cast and locations' })
      .getByRole('button', { name: /Dr\. Sarah Chen/ }),
  ).toBeVisible();
  const restored = await load(request, id);
  expect(restored.characters.map((c) => c.key)).toEqual(before.characters.map((c) => c.key));
  const back = restored.characters.find((c) => c.key === 'sarah')!;
  expect(back.name).toBe(sarah.name);
  expect(back.references.map((r) => r.sha256)).toEqual(sarah.references.map((r) => r.sha256));
  // Every shot has its lines and cast as before, in order.
  expect(restored.scenes.map((s) => s.shots.map((x) => x.dialogue))).toEqual(
    before.scenes.map((s) => s.shots.map((x) => x.dialogue)),
  );
  expect(castOf(restored, 'sarah').length).toBe(castOf(before, 'sarah').length);
});

test('deleting a location lists the scenes set there, and undo sets them there again with its plate', async ({
  page,
  request,
}) => {
  const { id, before } = await arrange(request, 'Delete a location');
  const lab = before.environments[0]!;
  const scenesThere = before.scenes.filter((s) => s.environmentId === lab.id);
  expect(scenesThere.length).toBeGreaterThan(0);

  await page.goto(`/projects/${id}`);
  await page
    .getByRole('complementary', { name: 'Cast and locations' })
    .getByRole('button', { name: new RegExp(lab.name) })
    .click();
  await page.getByRole('button', { name: 'Delete location' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Delete ${lab.name}?` });
  await expect(
    dialog.getByRole('list', { name: 'What the delete removes' }).getByRole('listitem'),
  ).toHaveCount(scenesThere.length);
  await dialog.getByRole('button', { name: 'Delete location' }).click();
  await expectSaved(page);
  expect((await load(request, id)).scenes.filter((s) => s.environmentId !== null).length).toBe(
    before.scenes.filter((s) => s.environmentId !== null).length - scenesThere.length,
  );

  await page.getByRole('button', { name: 'Undo' }).click();
  await expectSaved(page);
  const restored = await load(request, id);
  expect(restored.environments.map((e) => e.key)).toEqual(before.environments.map((e) => e.key));
  const back = restored.environments[0]!;
  expect(back.plate?.sha256).toBe(lab.plate!.sha256);
  expect(restored.scenes.filter((s) => s.environmentId === back.id).map((s) => s.id)).toEqual(
    scenesThere.map((s) => s.id),
  );
});
