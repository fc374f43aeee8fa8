import { readFileSync } from 'node:fs';
import path from 'node:path';
import { longProduction } from '@ministudio/domain/testing';
import { expect, test } from '@playwright/test';
import {
  type EditorFigures,
  measureDrag,
  measurePlaybackClipRenders,
  measureScroll,
  openEditor,
} from '../bench/editor-measure';

// The editor on a 500-shot project, measured as `pnpm bench editor` measures it, against the committed
// baseline: scrolling and dragging may not lose more than 10% of the baseline's frame rate, and a
// moving playhead may not re-render clips more than the baseline did. (API times and bundle size
// are the bench's: `pnpm bench editor --check`.)

const baseline = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../bench/editor-baseline.json'), 'utf8'),
) as EditorFigures;

// A trace records every DOM change: it would be the thing measured.
test.use({ trace: 'off' });

test('scrolling and dragging on a 500-shot timeline keep within 10% of the baseline frame rate', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const imported = await request.post('/api/projects/import', { data: longProduction() });
  expect(imported.status()).toBe(201);
  const { id } = (await imported.json()) as { id: string };

  await openEditor(page, id);
  await expect(page.getByRole('region', { name: 'Timeline' }).locator('[aria-label="Shot 3"]')).toBeVisible();
  const scroll = await measureScroll(page, 2000);
  const drag = await measureDrag(page);
  const playback = await measurePlaybackClipRenders(page, 1000);

  expect(scroll.fps, `scroll fps ${scroll.fps}`).toBeGreaterThanOrEqual(baseline.scroll_fps * 0.9);
  expect(drag.fps, `drag fps ${drag.fps}`).toBeGreaterThanOrEqual(baseline.drag_fps * 0.9);
  expect(playback.per_second).toBeLessThanOrEqual(baseline.playback_clip_renders * 1.1);
});
