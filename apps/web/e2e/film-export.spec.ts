import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { arrangeRenderProject } from './render-api';

test('exports the film with burned subtitles at 540p and offers the MP4, SRT and WebVTT', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(150_000);
  const { projectId, shotIds } = await arrangeRenderProject(request, 'Harbour export', [
    { action: 'Ava waves from the pier', line: 'Hello there, sailor!' },
    { action: 'Gulls circle the mast', line: null },
  ]);
  // A 720p project, so 540p is a smaller preset (the arranged project is 320x180).
  const { version } = (await (await request.get(`/api/projects/${projectId}`)).json()) as { version: number };
  const resized = await request.patch(`/api/projects/${projectId}`, {
    data: { width: 1280, height: 720 },
    headers: { 'if-match': String(version) },
  });
  expect(resized.ok()).toBe(true);
  await page.goto(`/projects/${projectId}`);
  await page.getByRole('toolbar', { name: 'Render' }).getByRole('button', { name: 'Render all' }).click();
  for (const shotId of shotIds) {
    await expect(
      page.locator(`[data-shot-id="${shotId}"] .card-poster [data-render-status]`),
    ).toHaveAttribute('data-render-status', 'ready', { timeout: 60_000 });
  }

  await page.getByRole('button', { name: 'Export film…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export film' });
  await dialog.getByRole('radio', { name: /Burned in/ }).check();
  await dialog.getByLabel('Resolution').selectOption('540p');
  await expect(dialog.getByText('Re-encodes the picture (slower).')).toBeVisible();
  await page.screenshot({ path: '/tmp/film-export-dialog.png' });
  await dialog.getByRole('button', { name: 'Export' }).click();

  const downloads = dialog.getByRole('navigation', { name: 'Downloads' });
  await expect(downloads).toBeVisible({ timeout: 60_000 });
  const mp4 = await downloads.getByRole('link', { name: 'Download MP4' }).getAttribute('href');
  const srt = await downloads.getByRole('link', { name: 'Download SRT' }).getAttribute('href');
  const vtt = await downloads.getByRole('link', { name: 'Download WebVTT' }).getAttribute('href');
  await page.screenshot({ path: '/tmp/film-export-done.png' });

  const film = await request.get(mp4!);
  expect(film.headers()['content-type']).toBe('video/mp4');
  const file = testInfo.outputPath('burned-540p.mp4');
  writeFileSync(file, await film.body());
  const streams = JSON.parse(
    execFileSync('ffprobe', ['-v', 'quiet', '-print_format', 'json', '-show_streams', file], {
      encoding: 'utf8',
    }),
  ).streams as { codec_type: string; width?: number; height?: number }[];
  expect(streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 960, height: 540 });
  expect(streams.map((s) => s.codec_type)).not.toContain('subtitle');
  const subtitles = await request.get(srt!);
  expect(await subtitles.text()).toContain('Ava: Hello there, sailor!');
  const track = await request.get(vtt!);
  expect(track.headers()['content-type']).toContain('text/vtt');
  const cue = /(\d\d):(\d\d):(\d\d)\.(\d{3}) --> .*\nAva: Hello there, sailor!/.exec(await track.text());
  expect(cue).not.toBeNull();
  // A frame in the middle of the spoken line, to look at the burned text.
  const at = Number(cue![3]) + Number(cue![4]) / 1000 + 0.5;
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-ss',
    String(at),
    '-i',
    file,
    '-frames:v',
    '1',
    '/tmp/film-burned-frame.png',
  ]);

  // The player shows the WebVTT track.
  await dialog.getByRole('button', { name: 'Done' }).click();
  const player = page.getByRole('region', { name: 'Film' }).getByLabel('Film');
  await expect(player).toBeVisible();
  await expect(player.locator('track[kind="subtitles"]')).toHaveAttribute('src', vtt!);
  await page.screenshot({ path: '/tmp/film-export-player.png', fullPage: true });
});
