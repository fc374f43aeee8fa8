import { SAMPLE_PRODUCTIONS } from '@ministudio/domain';
import { expect, test } from '@playwright/test';
import { expectSaved } from './helpers';

// A fixed-length shot whose line runs past its end: the render is refused, naming the line; the card
// says so and one click (Lengthen) fixes it, after which the studio takes the shot.

const LINE = Array.from(
  { length: 4 },
  (_, i) => `Every ledger in room ${i + 1} lies a little, and I can prove it.`,
).join(' ');

test('speech too long for its shot is refused, shown on the card, and fixed in one click', async ({
  page,
  request,
}) => {
  const doc = structuredClone(SAMPLE_PRODUCTIONS[1]!);
  doc.project.title = 'Too much to say';
  const shot = doc.scenes[0]!.shots[1]!;
  shot.duration = 4;
  shot.dialogue = [{ character: 'sarah', text: LINE }];
  const imported = await request.post('/api/projects/import', { data: doc });
  expect(imported.status()).toBe(201);
  const { id } = (await imported.json()) as { id: string };
  const project = (await (await request.get(`/api/projects/${id}`)).json()) as {
    scenes: { shots: { id: string; duration: number | 'speech' }[] }[];
  };
  const shotId = project.scenes[0]!.shots[1]!.id;

  const refused = await request.post(`/api/projects/${id}/render`, { data: { shotIds: [shotId] } });
  expect(refused.status()).toBe(422);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('speech_does_not_fit');

  await page.goto(`/projects/${id}`);
  const card = page.locator(`[data-shot-id="${shotId}"]`);
  const note = card.getByRole('region', { name: 'Shot 2: the speech does not fit' });
  await expect(note).toContainText('Dr. Sarah Chen’s line “Every ledger in room 1');
  await expect(note).toContainText('but the shot lasts 4 s');
  const lengthen = note.getByRole('button', { name: /^Lengthen to \d+ s$/ });
  const seconds = Number(/\d+/.exec((await lengthen.textContent()) ?? '')![0]);
  expect(seconds).toBeGreaterThan(4);
  await lengthen.click();
  await expectSaved(page);
  await expect(note).toHaveCount(0);
  await expect(card.locator('.shot-duration')).toHaveText(`${seconds} s`);

  const after = (await (await request.get(`/api/projects/${id}`)).json()) as typeof project;
  expect(after.scenes[0]!.shots[1]!.duration).toBe(seconds);
  const check = (await (await request.get(`/api/projects/${id}/render-check`)).json()) as {
    shotId: string;
    violations: { constraint: string }[];
  }[];
  expect(check.find((c) => c.shotId === shotId)!.violations).toEqual([]);

  // Undo puts the old length back, and the warning with it.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expectSaved(page);
  await expect(note).toBeVisible();
});
