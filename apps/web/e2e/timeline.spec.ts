import { type APIRequestContext, expect, test } from '@playwright/test';
import { openTimeline } from './helpers';

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
  const { timeline, clip } = await openTimeline(page, projectId);
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

test('the timeline edits: trim by the edge with a visible snap, split at the playhead, multi-select and delete, Alt+Right, each undoable', async ({
  page,
  request,
}) => {
  const projectId = await arrangeTimedProject(request);
  const { timeline, clip } = await openTimeline(page, projectId);
  const clips = timeline.locator('.timeline-clip');
  await expect(clip(4)).toBeVisible();
  await expect(clip(1)).toHaveAttribute('title', /Shot 1: 2 s/);

  // Trim shot 1 by dragging its right edge: 2 s at 40 px/s, so 40 px further is about 3 s.
  const box = (await clip(1).boundingBox())!;
  await page.mouse.move(box.x + box.width - 3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 20, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width + 41, box.y + box.height / 2, { steps: 4 });
  // While dragging: a trim ghost and a snap line with its label, the clips after slide along (about
  // 40 px later); nothing written yet.
  await expect(timeline.locator('.timeline-snap-label')).toBeVisible();
  await expect(clip(1)).toHaveAttribute('title', /Shot 1: 2 s/);
  await expect.poll(async () => (await clip(2).boundingBox())!.x - (box.x + box.width)).toBeGreaterThan(35);
  expect((await clip(2).boundingBox())!.x - (box.x + box.width)).toBeLessThan(45);
  await page.screenshot({ path: '/tmp/timeline-trim-snap.png' });
  await page.mouse.up();
  await expect(clip(1)).toHaveAttribute('title', /Shot 1: 3 s/);
  await page.keyboard.press('Control+z');
  await expect(clip(1)).toHaveAttribute('title', /Shot 1: 2 s/);

  // Split at the playhead: the ruler at 1 s (inside shot 1), then S.
  const ruler = timeline.locator('.timeline-ruler');
  const rulerBox = (await ruler.boundingBox())!;
  const c1 = (await clip(1).boundingBox())!;
  await ruler.click({ position: { x: c1.x - rulerBox.x + c1.width / 2, y: rulerBox.height / 2 } });
  await expect(timeline.getByLabel('Playhead position')).toHaveText('00:00:01:00');
  await page.keyboard.press('s');
  await expect(clips).toHaveCount(5);
  await expect(clip(1)).toHaveAttribute('title', /Shot 1: 1 s/);
  await expect(clip(2)).toHaveAttribute('title', /Shot 2: 1 s/);
  await page.keyboard.press('Control+z');
  await expect(clips).toHaveCount(4);
  await expect(clip(1)).toHaveAttribute('title', /Shot 1: 2 s/);

  // With shot 1 selected and the playhead at 1 s, `]` trims its end to the playhead, `[` its head.
  await clip(1).click();
  await page.keyboard.press(']');
  await expect(clip(1)).toHaveAttribute('title', /Shot 1: 1 s/);
  await page.keyboard.press('Control+z');
  await expect(clip(1)).toHaveAttribute('title', /Shot 1: 2 s/);
  await page.keyboard.press('[');
  await expect(clip(1)).toHaveAttribute('title', /Shot 1: 1 s/);
  await page.keyboard.press('Control+z');
  await expect(clip(1)).toHaveAttribute('title', /Shot 1: 2 s/);

  // Click shot 2, Shift-click shot 3: both selected; Delete removes both, one undo brings both back.
  await clip(2).click();
  await clip(3).click({ modifiers: ['Shift'] });
  await expect(clip(2)).toHaveClass(/selected/);
  await expect(clip(3)).toHaveClass(/selected/);
  await page.keyboard.press('Delete');
  await expect(clips).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(clips).toHaveCount(4);
  await expect(clip(3)).toHaveAttribute('title', /Shot 3: 3 s/);

  // Alt+Right moves the selected shot one place later: shot 1 (2 s) swaps with shot 2 (4 s).
  await clip(1).click();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(clip(1)).toHaveAttribute('title', /Shot 1: 4 s/);
  await expect(clip(2)).toHaveAttribute('title', /Shot 2: 2 s/);
  await page.keyboard.press('Control+z');
  await expect(clip(1)).toHaveAttribute('title', /Shot 1: 2 s/);
});

test('the timeline reorders by dragging: a marquee selection moves together across scenes, one undo', async ({
  page,
  request,
}) => {
  const projectId = await arrangeTimedProject(request);
  const { timeline, clip } = await openTimeline(page, projectId);
  await expect(clip(4)).toBeVisible();

  // A marquee from the empty track after the film back into shots 3 and 4 selects both.
  const c3 = (await clip(3).boundingBox())!;
  const c4 = (await clip(4).boundingBox())!;
  const y = c3.y + c3.height / 2;
  await page.mouse.move(c4.x + c4.width + 40, y);
  await page.mouse.down();
  await page.mouse.move(c3.x + c3.width / 2, y, { steps: 6 });
  await expect(timeline.locator('.timeline-marquee')).toBeVisible();
  await page.mouse.up();
  await expect(clip(3)).toHaveClass(/selected/);
  await expect(clip(4)).toHaveClass(/selected/);
  await expect(clip(1)).not.toHaveClass(/selected/);

  // Drag them to the very start, into scene 1: ghosts and an insertion marker while dragging, nothing written.
  const c1 = (await clip(1).boundingBox())!;
  await page.mouse.move(c3.x + 10, y);
  await page.mouse.down();
  await page.mouse.move(c1.x + 20, y, { steps: 8 });
  await page.mouse.move(c1.x + 3, y, { steps: 2 });
  await expect(timeline.locator('.timeline-ghost')).toHaveCount(2);
  await expect(timeline.locator('.timeline-insert-marker')).toBeVisible();
  await expect(clip(1)).toHaveAttribute('title', /Shot 1: 2 s/);
  await page.screenshot({ path: '/tmp/timeline-move-drag.png' });
  await page.mouse.up();
  await expect(clip(1)).toHaveAttribute('title', /Shot 1: 3 s/);
  await expect(clip(2)).toHaveAttribute('title', /follows speech/);
  await expect(clip(3)).toHaveAttribute('title', /Shot 3: 2 s/);
  // Both now open scene 1 (the Pier): the Lighthouse scene holds nothing, so it has no length.
  const lighthouse = timeline.locator('.timeline-scene', { hasText: 'Lighthouse' });
  await expect(lighthouse).toHaveAttribute('style', /width: 0px/);

  await page.keyboard.press('Control+z');
  await expect(clip(1)).toHaveAttribute('title', /Shot 1: 2 s/);
  await expect(clip(3)).toHaveAttribute('title', /Shot 3: 3 s/);
  await expect(clip(4)).toHaveAttribute('title', /follows speech/);
});

test('the timeline trims a clip’s head as a ripple (the clips after slide live, one undo) and says why a split at a cut is not made', async ({
  page,
  request,
}) => {
  const projectId = await arrangeTimedProject(request);
  const { timeline, clip } = await openTimeline(page, projectId);
  const clips = timeline.locator('.timeline-clip');
  await expect(clip(4)).toBeVisible();
  await expect(clip(2)).toHaveAttribute('title', /Shot 2: 4 s/);

  // Shot 2's left edge dragged 1 s right (40 px at 40 px/s): it keeps its start and becomes 3 s long, so
  // shot 3 moves 1 s earlier, live while the pointer is down.
  const c2 = (await clip(2).boundingBox())!;
  const c3 = (await clip(3).boundingBox())!;
  const y = c2.y + c2.height / 2;
  await page.mouse.move(c2.x + 3, y);
  await page.mouse.down();
  await page.mouse.move(c2.x + 20, y, { steps: 4 });
  await page.mouse.move(c2.x + 41, y, { steps: 4 });
  await expect(timeline.locator('.timeline-trim-ghost')).toBeVisible();
  await expect(timeline.locator('.timeline-snap-label')).toContainText('3 s');
  await expect.poll(async () => c3.x - (await clip(3).boundingBox())!.x).toBeGreaterThan(35);
  expect(c3.x - (await clip(3).boundingBox())!.x).toBeLessThan(45);
  await expect(clip(2)).toHaveAttribute('title', /Shot 2: 4 s/);
  await page.screenshot({ path: '/tmp/timeline-head-trim.png' });
  await page.mouse.up();
  await expect(clip(2)).toHaveAttribute('title', /Shot 2: 3 s/);
  // Its start stayed; the shot after it now starts 1 s sooner, for good.
  expect(Math.abs((await clip(2).boundingBox())!.x - c2.x)).toBeLessThan(2);
  await expect.poll(async () => c3.x - (await clip(3).boundingBox())!.x).toBeGreaterThan(35);
  await page.keyboard.press('Control+z');
  await expect(clip(2)).toHaveAttribute('title', /Shot 2: 4 s/);
  await expect.poll(async () => Math.abs((await clip(3).boundingBox())!.x - c3.x)).toBeLessThan(2);

  // The playhead on the cut between shots 1 and 2: a split there says why it is not made.
  const ruler = timeline.locator('.timeline-ruler');
  const rulerBox = (await ruler.boundingBox())!;
  // (A frame is under 2 px at this zoom: the click goes a fraction of a pixel past the cut.)
  await ruler.click({ position: { x: c2.x - rulerBox.x + 0.2, y: rulerBox.height / 2 } });
  await expect(timeline.getByLabel('Playhead position')).toHaveText('00:00:02:00');
  await timeline.getByRole('button', { name: 'Split' }).click();
  await expect(timeline.getByRole('status').filter({ hasText: 'split at a cut' })).toBeVisible();
  await expect(clips).toHaveCount(4);
});

test('two fingers pinch the timeline’s zoom around the point between them, and move nothing', async ({
  page,
  request,
}) => {
  const projectId = await arrangeTimedProject(request);
  const { timeline, clip } = await openTimeline(page, projectId);
  await expect(clip(4)).toBeVisible();
  const before = (await clip(1).boundingBox())!;
  const c2 = (await clip(2).boundingBox())!;
  const y = before.y + before.height / 2;
  // Touch pointers as a touch screen sends them: one finger on shot 1, a second on shot 2, then apart.
  const touch = (type: string, pointerId: number, x: number) =>
    timeline.locator('.timeline-track').evaluate(
      (track, { type, pointerId, x, y }) => {
        // A touch stays with the element it began on (implicit capture): every event goes to the track.
        track.dispatchEvent(
          new PointerEvent(type, {
            pointerId,
            pointerType: 'touch',
            isPrimary: pointerId === 1,
            clientX: x,
            clientY: y,
            button: type === 'pointermove' ? -1 : 0,
            buttons: type === 'pointerup' ? 0 : 1,
            bubbles: true,
            cancelable: true,
          }),
        );
      },
      { type, pointerId, x, y },
    );
  const a = before.x + 20;
  const b = c2.x + 20;
  await touch('pointerdown', 1, a);
  await touch('pointerdown', 2, b);
  // Apart to twice the distance, around the same middle, in a few moves.
  const mid = (a + b) / 2;
  const half = (b - a) / 2;
  for (const k of [1.25, 1.5, 1.75, 2]) {
    await touch('pointermove', 1, mid - half * k);
    await touch('pointermove', 2, mid + half * k);
  }
  await touch('pointerup', 2, mid + half * 2);
  await touch('pointerup', 1, mid - half * 2);
  // The moves' factors multiply to the fingers' final distance over their first: twice as wide.
  await expect.poll(async () => (await clip(1).boundingBox())!.width / before.width).toBeGreaterThan(1.9);
  expect((await clip(1).boundingBox())!.width / before.width).toBeLessThan(2.1);
  // Nothing was dragged, trimmed or selected by the fingers.
  await expect(timeline.locator('.timeline-ghost')).toHaveCount(0);
  await expect(clip(1)).toHaveAttribute('title', /Shot 1: 2 s/);
  await expect(clip(2)).toHaveAttribute('title', /Shot 2: 4 s/);
});
