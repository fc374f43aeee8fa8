import { type APIRequestContext, expect, test } from '@playwright/test';

// The timeline under the storyboard, against the real server: clips as wide as their shots last, zoom to
// fit, and the playhead placed by clicking the ruler.

async function post(request: APIRequestContext, path: string, version: number, data: object) {
  const res = await request.post(path, { data, headers: { 'if-match': String(version) } });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as { version: number } & Record<string, { id: string }>;
}

/** A project of two scenes: shots of 2 s and 4 s, then one of 3 s and one as long as its narration. */
async function arrangeTimedProject(request: APIRequestContext): Promise<string> {
  const created = await request.post('/api/projects', { data: { title: 'Timed harbour' } });
  let { version, project } = (await created.json()) as { version: number; project: { id: string } };
  for (const [title, shots] of [
    [
      'Pier',
      [
        { action: 'Ava waves from the pier', duration: 2 },
        { action: 'Gulls circle the mast', duration: 4 },
      ],
    ],
    [
      'Lighthouse',
      [
        { action: 'The lamp turns', shotType: 'wide', duration: 3 },
        {
          action: 'Ava remembers',
          duration: 'speech',
          narration: 'She had kept the light burning for years.',
        },
      ],
    ],
  ] as const) {
    const scene = await post(request, `/api/projects/${project.id}/scenes`, version, { title });
    version = scene.version;
    for (const shot of shots)
      version = (await post(request, `/api/scenes/${scene.scene!.id}/shots`, version, shot)).version;
  }
  return project.id;
}

test('the timeline shows shots as wide as they last, zooms to fit and places the playhead from the ruler', async ({
  page,
  request,
}) => {
  const projectId = await arrangeTimedProject(request);
  await page.goto(`/projects/${projectId}`);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const clip = (n: number) => timeline.getByRole('button', { name: `Shot ${n}`, exact: true });
  await expect(clip(3)).toBeVisible();

  const widthOf = async (n: number) => (await clip(n).boundingBox())!.width;
  const narrow = await widthOf(1);
  expect((await widthOf(2)) / narrow).toBeCloseTo(2, 1);
  await expect(clip(2)).toHaveAttribute('title', /4 s/);
  await expect(clip(4)).toHaveAttribute('title', /follows speech/);

  // Ctrl+wheel zooms in around the pointer: the cut under it stays under it.
  const cutBefore = (await clip(2).boundingBox())!.x;
  await page.mouse.move(cutBefore, (await clip(2).boundingBox())!.y + 10);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect.poll(() => widthOf(1)).toBeGreaterThan(narrow);
  expect(Math.abs((await clip(2).boundingBox())!.x - cutBefore)).toBeLessThan(3);

  await timeline.getByRole('button', { name: 'Zoom to fit' }).click();
  const scroller = timeline.locator('.timeline-scroller');
  const viewWidth = await scroller.evaluate((el) => el.clientWidth);
  const filmWidth = (await widthOf(1)) + (await widthOf(2)) + (await widthOf(3)) + (await widthOf(4));
  // The whole film in view, and most of the view used.
  expect(filmWidth).toBeLessThanOrEqual(viewWidth);
  expect(filmWidth).toBeGreaterThan(viewWidth * 0.8);
  expect((await widthOf(2)) / (await widthOf(1))).toBeCloseTo(2, 1);

  // Clicking the ruler over the cut between shots 1 and 2 puts the playhead at 2 s.
  const ruler = timeline.locator('.timeline-ruler');
  const rulerBox = (await ruler.boundingBox())!;
  const cut = (await clip(2).boundingBox())!.x;
  await ruler.click({ position: { x: cut - rulerBox.x + 1, y: rulerBox.height / 2 } });
  await expect(timeline.getByLabel('Playhead position')).toHaveText('00:00:02:00');
  await expect(timeline.getByRole('slider', { name: 'Playhead' })).toHaveAttribute('aria-valuenow', '48');

  // Clicking a clip opens its shot in the inspector.
  await clip(3).click();
  await expect(page.getByRole('form', { name: 'Shot 3 inspector' })).toBeVisible();
  await page.screenshot({ path: '/tmp/timeline.png' });
});
