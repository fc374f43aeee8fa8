import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// The editor as a new user meets it, end to end against the real server, the local renderer and a real
// browser: a sample film rendered from the Edit view, played across its cuts, edited and undone, one shot
// changed and rendered again, and the film exported with soft subtitles and checked with ffprobe.

const SAMPLE = path.resolve(
  import.meta.dirname,
  '../../../packages/domain/samples/the-contextbytes-brand-story.json',
);

interface ShotStateLike {
  shotId: string;
  stale: boolean;
  durationSeconds: number | null;
}

/** HH:MM:SS:FF as seconds. */
const secondsOf = (timecode: string, fps: number) => {
  const [h, m, s, f] = timecode.split(':').map(Number) as [number, number, number, number];
  return h * 3600 + m * 60 + s + f / fps;
};

/** SRT times (00:00:01,500) as seconds. */
const srtSeconds = (t: string) => {
  const [h, m, rest] = t.split(':') as [string, string, string];
  const [s, ms] = rest.split(',') as [string, string];
  return Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000;
};

test('a sample film: render all, play across cuts, trim and split with undo, re-render a changed shot, export with soft subtitles', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(420_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  const imported = await request.post('/api/projects/import', {
    data: JSON.parse(readFileSync(SAMPLE, 'utf8')),
  });
  expect(imported.status()).toBe(201);
  const { id: projectId } = (await imported.json()) as { id: string };
  const project = (await (await request.get(`/api/projects/${projectId}`)).json()) as {
    fps: number;
    scenes: { shots: { id: string; duration: number | 'speech' }[] }[];
  };
  const fps = project.fps;
  const shotIds = project.scenes.flatMap((s) => s.shots.map((shot) => shot.id));
  expect(shotIds.length).toBeGreaterThanOrEqual(4);

  await page.goto(`/projects/${projectId}`);
  await page.getByRole('tablist', { name: 'View' }).getByRole('tab', { name: 'Edit' }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const player = page.getByRole('region', { name: 'Player' });
  await expect(player.locator('video').first()).toBeAttached();
  await timeline.getByRole('button', { name: 'Zoom to fit' }).click();
  const clip = (n: number) => timeline.getByRole('button', { name: `Shot ${n}`, exact: true });
  const badge = (n: number) => clip(n).locator('[data-render-status]');

  // Render everything with the local provider; the clips show their progress, then ready.
  await page.getByRole('button', { name: 'Render all' }).click();
  await expect(timeline.locator('[data-render-status="rendering"]').first()).toContainText('%', {
    timeout: 60_000,
  });
  await page.screenshot({ path: testInfo.outputPath('rendering.png') });
  for (let n = 1; n <= shotIds.length; n++) {
    await expect(badge(n)).toHaveAttribute('data-render-status', 'ready', { timeout: 240_000 });
  }
  // The finished takes are on their clips as filmstrips, without a reload.
  await expect(clip(1).locator('.clip-filmstrip')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('rendered.png') });

  // Play: the time advances across at least two cuts, and the film has sound.
  const states = (await (
    await request.get(`/api/projects/${projectId}/shot-states`)
  ).json()) as ShotStateLike[];
  const lengths = shotIds.map((id) => states.find((s) => s.shotId === id)!.durationSeconds!);
  const secondCut = lengths[0]! + lengths[1]!;
  const timecode = player.getByRole('status', { name: 'Player timecode' });
  await page.keyboard.press('Home');
  await page.keyboard.press('Space');
  await expect
    .poll(async () => secondsOf((await timecode.textContent()) ?? '', fps), { timeout: 60_000 })
    .toBeGreaterThan(secondCut + 0.5);
  const audioBytes = await player
    .locator('video[style*="visibility: visible"]')
    .evaluate(
      (v: HTMLVideoElement & { webkitAudioDecodedByteCount?: number }) => v.webkitAudioDecodedByteCount,
    );
  expect(audioBytes).toBeGreaterThan(0);
  await page.keyboard.press('k');

  // Trim shot 1 by its right edge, split shot 3 at the playhead; undo both.
  const title = async (n: number) => (await clip(n).getAttribute('title')) ?? '';
  const before1 = await title(1);
  const box = (await clip(1).boundingBox())!;
  await page.mouse.move(box.x + box.width - 3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - box.width / 3, box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => title(1)).not.toBe(before1);

  const ruler = timeline.locator('.timeline-ruler');
  const rulerBox = (await ruler.boundingBox())!;
  const c3 = (await clip(3).boundingBox())!;
  await ruler.click({ position: { x: c3.x - rulerBox.x + c3.width / 2, y: rulerBox.height / 2 } });
  const clips = timeline.locator('.timeline-clip');
  const count = await clips.count();
  await page.keyboard.press('s');
  await expect(clips).toHaveCount(count + 1);

  await page.keyboard.press('Control+z');
  await expect(clips).toHaveCount(count);
  await page.keyboard.press('Control+z');
  await expect.poll(() => title(1)).toBe(before1);
  const restored = (await (await request.get(`/api/projects/${projectId}`)).json()) as typeof project;
  expect(restored.scenes.flatMap((s) => s.shots.map((shot) => [shot.id, shot.duration]))).toEqual(
    project.scenes.flatMap((s) => s.shots.map((shot) => [shot.id, shot.duration])),
  );
  for (let n = 1; n <= shotIds.length; n++)
    await expect(badge(n)).toHaveAttribute('data-render-status', 'ready');

  // Change shot 2's action: only shot 2 turns stale. Render it again.
  await clip(2).click();
  const action = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Action');
  await action.fill('The logo assembles from falling letters, slower this time');
  await action.blur();
  await expect(badge(2)).toHaveAttribute('data-render-status', 'stale');
  for (let n = 1; n <= shotIds.length; n++) {
    if (n !== 2) await expect(badge(n)).toHaveAttribute('data-render-status', 'ready');
  }
  await page.getByRole('button', { name: 'Render stale (1)' }).click();
  await expect(badge(2)).toHaveAttribute('data-render-status', 'ready', { timeout: 120_000 });

  // Export with soft subtitles; download the mp4 and the SRT.
  await page.getByRole('button', { name: 'Export film…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export film' });
  await dialog.getByRole('radio', { name: /^Soft/ }).check();
  await dialog.getByRole('button', { name: 'Export' }).click();
  const downloads = dialog.getByRole('navigation', { name: 'Downloads' });
  await expect(downloads).toBeVisible({ timeout: 120_000 });
  const mp4 = await downloads.getByRole('link', { name: 'Download MP4' }).getAttribute('href');
  const srt = await downloads.getByRole('link', { name: 'Download SRT' }).getAttribute('href');
  const file = testInfo.outputPath('film.mp4');
  writeFileSync(file, await (await request.get(mp4!)).body());
  const srtText = await (await request.get(srt!)).text();

  const final = (await (
    await request.get(`/api/projects/${projectId}/shot-states`)
  ).json()) as ShotStateLike[];
  const shotSeconds = shotIds.map((id) => final.find((s) => s.shotId === id)!.durationSeconds!);
  const total = shotSeconds.reduce((a, b) => a + b, 0);
  const probe = JSON.parse(
    execFileSync('ffprobe', ['-v', 'quiet', '-print_format', 'json', '-show_format', '-show_streams', file], {
      encoding: 'utf8',
    }),
  ) as { format: { duration: string }; streams: { codec_type: string }[] };
  expect(Math.abs(Number(probe.format.duration) - total)).toBeLessThanOrEqual(shotIds.length / fps);
  const kinds = probe.streams.map((s) => s.codec_type);
  expect(kinds).toEqual(expect.arrayContaining(['video', 'audio', 'subtitle']));

  // Every cue falls inside one shot.
  const starts = shotSeconds.map((_, i) => shotSeconds.slice(0, i).reduce((a, b) => a + b, 0));
  const cues = [...srtText.matchAll(/(\d\d:\d\d:\d\d,\d{3}) --> (\d\d:\d\d:\d\d,\d{3})/g)].map((m) => ({
    from: srtSeconds(m[1]!),
    to: srtSeconds(m[2]!),
  }));
  expect(cues.length).toBeGreaterThan(0);
  const frame = 1 / fps;
  for (const cue of cues) {
    const inside = starts.some(
      (start, i) => cue.from >= start - frame && cue.to <= start + shotSeconds[i]! + frame,
    );
    expect(inside, `cue ${cue.from}–${cue.to} inside a shot`).toBe(true);
  }
  await page.screenshot({ path: testInfo.outputPath('exported.png') });
});
