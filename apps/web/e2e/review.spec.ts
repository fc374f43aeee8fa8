import { type APIRequestContext, expect, test } from '@playwright/test';
import { arrangeRenderProject, takeCount } from './render-api';

// The Review view against the real studio, the real local renders and the real drift engine: three shots
// of Ava, her sweater red in the first two and blue in the third. Review shows the strip of chosen takes,
// Measure drift runs the engine with a progress bar, and the cut into the blue sweater is banded with a
// finding about Ava with its number; clicking it selects that shot in the editor, and its fix re-renders it.

async function patchShot(request: APIRequestContext, projectId: string, shotId: string, data: unknown) {
  const project = (await (await request.get(`/api/projects/${projectId}`)).json()) as { version: number };
  const res = await request.patch(`/api/shots/${shotId}`, {
    data,
    headers: { 'if-match': String(project.version) },
  });
  if (!res.ok()) throw new Error(`patch shot: ${res.status()} ${await res.text()}`);
}

async function renderAll(request: APIRequestContext, projectId: string, shotIds: string[]) {
  const res = await request.post(`/api/projects/${projectId}/render`, { data: { shotIds } });
  expect(res.ok()).toBe(true);
  await expect
    .poll(
      async () => {
        const states = (await (await request.get(`/api/projects/${projectId}/shot-states`)).json()) as {
          shotId: string;
          videoUrl: string | null;
        }[];
        return shotIds.every((id) => states.find((s) => s.shotId === id)?.videoUrl);
      },
      { timeout: 90_000, intervals: [500] },
    )
    .toBeTruthy();
}

test('Review measures the chosen takes and shows the cut where a sweater changes colour', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const { projectId, shotIds } = await arrangeRenderProject(request, 'Sweater drift', [
    { action: 'Ava stands on the pier', line: null },
    { action: 'Ava looks at the sea', line: null },
    { action: 'Ava turns back', line: null },
  ]);
  const wearing = (clothing: string) => ({ cast: [{ character: 'ava', state: { clothing } }] });
  await patchShot(request, projectId, shotIds[0]!, wearing('red sweater'));
  await patchShot(request, projectId, shotIds[1]!, wearing('red sweater'));
  // Shot 3 also cut loose from shot 2 (no continuity), which the finding's fix turns back on.
  await patchShot(request, projectId, shotIds[2]!, { ...wearing('blue sweater'), continuity: false });
  await renderAll(request, projectId, shotIds);

  await page.goto(`/projects/${projectId}`);
  await page.getByRole('tab', { name: 'Review' }).click();
  await expect(page.getByRole('tab', { name: 'Review' })).toHaveAttribute('aria-selected', 'true');
  const strip = page.getByRole('list', { name: 'Film strip' });
  await expect(strip.getByRole('button', { name: /^Shot \d$/ })).toHaveCount(3);
  await expect(strip.getByRole('button', { name: /^Cut / })).toHaveCount(2);
  await expect(page.getByText('Not measured yet: press Measure drift.')).toBeVisible();

  await page.getByRole('button', { name: 'Measure drift' }).click();
  // The run is short for three 2-second shots; the button says it is measuring until the report is in.
  await expect(page.getByRole('button', { name: 'Measure drift again' })).toBeVisible({ timeout: 90_000 });

  // Every shot and cut now has a level band, and the cut into the blue sweater is at least visible.
  await expect(strip.locator('[data-level]')).toHaveCount(5);
  const cut23 = strip.getByRole('button', { name: 'Cut 2 → 3' });
  await expect(cut23.locator('[data-level]')).toHaveAttribute('data-level', /visible|obvious/);
  await expect(cut23).toHaveAttribute('aria-pressed', 'true'); // Review opens on the worst cut.
  await expect(page.getByText('Last frame of shot 2')).toBeVisible();
  await expect(page.getByText('First frame of shot 3')).toBeVisible();

  const findings = page.getByRole('list', { name: 'Findings' });
  const ava = findings.getByRole('listitem').filter({ hasText: /Ava/ }).first();
  await expect(ava).toContainText(/\d+\.\d/);
  await expect(ava).toContainText(/Visible|Obvious/);
  await page.screenshot({ path: testInfo.outputPath('review.png'), fullPage: true });

  // The cut's heatmap lays over the earlier frame only, so the later frame's colours stay as rendered.
  await page.getByRole('checkbox', { name: 'Heatmap' }).check();
  await expect(page.locator('.review-heatmap')).toHaveCount(1);
  // The PNG the studio serves really loads (an image that fails has no natural width).
  await expect
    .poll(() => page.locator('.review-heatmap').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);

  // A finding selects its shot: the inspector shows shot 3.
  await ava.getByRole('button').first().click();
  await expect(page.getByRole('form', { name: 'Shot 3 inspector' })).toBeVisible();

  // The comparison's other views draw from the grabbed frames.
  await page.getByRole('radio', { name: 'Difference' }).check();
  await expect(page.getByRole('img', { name: 'Difference of the two frames' })).toBeVisible();
  await expect(page.getByText(/mean \d+\.\d of 255/)).toBeVisible();
  await page.getByRole('radio', { name: 'Wipe' }).check();
  await expect(page.getByRole('slider', { name: 'Wipe' })).toBeVisible();
  await expect(page.getByText('Wipe: left last frame of shot 2, right first frame of shot 3')).toBeVisible();

  // Accepting the cut's sweater change as intended: the report keeps it, marked, and it no longer offers itself.
  const atCut = findings.getByRole('listitem').filter({ hasText: /Ava.*at the end of the previous shot/ });
  await atCut.getByRole('button', { name: 'Accept as intended' }).click();
  await expect(atCut.getByText('accepted')).toBeVisible();
  await expect(atCut.getByRole('button', { name: 'Accept as intended' })).toHaveCount(0);

  // The fix on the finding: shot 3 continues from shot 2's last frame and renders a new take.
  await ava.getByRole('button', { name: 'Re-render with continuity from the previous shot' }).click();
  await expect.poll(() => takeCount(request, shotIds[2]!), { timeout: 60_000 }).toBe(2);
  const project = (await (await request.get(`/api/projects/${projectId}`)).json()) as {
    scenes: { shots: { id: string; continuity: boolean }[] }[];
  };
  expect(project.scenes[0]!.shots.find((s) => s.id === shotIds[2])!.continuity).toBe(true);
});
