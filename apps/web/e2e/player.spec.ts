import { type APIRequestContext, expect, test } from '@playwright/test';
import { arrangeRenderProject } from './render-api';

// The Edit view's whole-film player against the real server and real renders (the local provider): it plays
// the chosen takes end to end across a cut, a shot without a take as its card with its speech, and its keys
// move the time.

interface ShotStateLike {
  shotId: string;
  videoUrl: string | null;
  durationSeconds: number | null;
}

async function renderShots(request: APIRequestContext, projectId: string, shotIds: string[]) {
  const res = await request.post(`/api/projects/${projectId}/render`, { data: { shotIds } });
  expect(res.ok()).toBe(true);
  await expect
    .poll(
      async () => {
        const states = (await (
          await request.get(`/api/projects/${projectId}/shot-states`)
        ).json()) as ShotStateLike[];
        return shotIds.every((id) => states.find((s) => s.shotId === id)?.videoUrl);
      },
      { timeout: 60_000, intervals: [500] },
    )
    .toBeTruthy();
  const states = (await (
    await request.get(`/api/projects/${projectId}/shot-states`)
  ).json()) as ShotStateLike[];
  return {
    videos: new Map(states.map((s) => [s.shotId, s.videoUrl])),
    // A take can run a few frames past its shot (speech longer than the picture): the film plays the take.
    seconds: new Map(states.map((s) => [s.shotId, s.durationSeconds])),
  };
}

/** HH:MM:SS:FF at 24 fps as seconds. */
const secondsOf = (tc: string) => {
  const [h, m, s, f] = tc.split(':').map(Number) as [number, number, number, number];
  return h * 3600 + m * 60 + s + f / 24;
};

test('the Edit view plays the takes across a cut, a shot without a take as its card, and steps by frames', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const { projectId, shotIds } = await arrangeRenderProject(request, 'Harbour cut', [
    { action: 'Ava waves from the pier', line: 'Hello there, sailor!' },
    { action: 'Gulls circle the mast', line: null },
    { action: 'The lamp turns in the lighthouse', line: 'Keep it burning.' },
  ]);
  const { videos, seconds } = await renderShots(request, projectId, shotIds.slice(0, 2));
  const firstCut = seconds.get(shotIds[0]!)!;
  const secondCut = firstCut + seconds.get(shotIds[1]!)!;
  const filmEnd = secondCut + 2;

  await page.goto(`/projects/${projectId}`);
  // Storyboard first; Edit is one press away and is remembered for the project.
  await expect(page.locator('.shot-select').first()).toBeVisible();
  await page.getByRole('tablist', { name: 'View' }).getByRole('tab', { name: 'Edit' }).click();
  const player = page.getByRole('region', { name: 'Player' });
  await expect(player).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Cast and locations' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
  const timecode = player.getByRole('status', { name: 'Player timecode' });
  await expect(timecode).toHaveText('00:00:00:00');
  // Shot 1's take is on screen, loaded.
  const visibleVideo = player.locator('video[style*="visibility: visible"]');
  await expect(visibleVideo).toHaveCount(1);
  await expect
    .poll(() => visibleVideo.evaluate((v: HTMLVideoElement) => v.readyState))
    .toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: testInfo.outputPath('edit-view.png') });

  // Every change of the timecode, with when it happened, to find stalls at the cut.
  await page.evaluate(() => {
    // How far into a card's speech playback got.
    const w = window as unknown as { speechHeard: number };
    w.speechHeard = 0;
    for (const audio of document.querySelectorAll<HTMLAudioElement>('audio[data-player-speech]'))
      audio.addEventListener('timeupdate', () => {
        if (!audio.paused) w.speechHeard = Math.max(w.speechHeard, audio.currentTime);
      });
    const seen: { at: number; tc: string; src: string; playing: boolean }[] = [];
    (window as unknown as { tcSeen: typeof seen }).tcSeen = seen;
    const out = document.querySelector('[aria-label="Player timecode"]')!;
    new MutationObserver(() => {
      const video = document.querySelector<HTMLVideoElement>('video[style*="visibility: visible"]');
      seen.push({
        at: performance.now(),
        tc: out.textContent ?? '',
        src: video?.dataset.src ?? '',
        playing: video ? !video.paused : false,
      });
    }).observe(out, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await page.keyboard.press('Space');
  await expect
    .poll(async () => secondsOf((await timecode.textContent()) ?? ''), { timeout: 10_000 })
    .toBeGreaterThan(2.5);
  // The timeline's playhead follows the player.
  await expect
    .poll(async () =>
      secondsOf((await page.getByRole('status', { name: 'Playhead position' }).textContent()) ?? ''),
    )
    .toBeGreaterThan(2.5);
  // Into the third shot: no take, so its storyboard card.
  await expect(player.locator('[data-player-card="3"]')).toBeVisible({ timeout: 10_000 });
  await expect(player.locator('[data-player-card="3"]')).toContainText('Keep it burning.');
  // The card plays with its speech: the shot's speech preview in a hidden audio element, its time moving
  // on while it plays (recorded as it happens: on a loaded machine the short card may be over before
  // the test looks).
  await expect(
    player.locator('audio[data-player-speech][data-src*="speech-preview"]').first(),
  ).toBeAttached();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { speechHeard: number }).speechHeard), {
      timeout: 10_000,
    })
    .toBeGreaterThan(0.3);
  await page.screenshot({ path: testInfo.outputPath('edit-view-card.png') });
  // K stops (Space would start again if the film has already played to its end).
  await page.keyboard.press('k');

  const seen = await page.evaluate(
    () =>
      (window as unknown as { tcSeen: { at: number; tc: string; src: string; playing: boolean }[] }).tcSeen,
  );
  // Before the cut shot 1's take played, after it shot 2's: a different video, playing.
  const inShot = (from: number, to: number) =>
    seen.filter((s) => secondsOf(s.tc) > from && secondsOf(s.tc) < to);
  expect(inShot(0.2, firstCut - 0.1).length).toBeGreaterThan(0);
  expect(inShot(0.2, firstCut - 0.1).every((s) => s.src === videos.get(shotIds[0]!) && s.playing)).toBe(true);
  expect(inShot(firstCut + 0.1, secondCut - 0.1).length).toBeGreaterThan(0);
  expect(
    inShot(firstCut + 0.1, secondCut - 0.1).every((s) => s.src === videos.get(shotIds[1]!) && s.playing),
  ).toBe(true);
  const cut = seen.findIndex((s) => secondsOf(s.tc) >= firstCut - 1e-6);
  expect(cut).toBeGreaterThan(0);
  // Across the cut the film time keeps up with the wall clock: what it fell behind, from the last sample
  // before the cut to the next that is at least a few frames after it, is the stall at the cut (the
  // animation frames of a loaded headless machine come far apart, so single gaps say nothing).
  const before = seen[cut - 1]!;
  const after = seen.slice(cut).find((s) => secondsOf(s.tc) >= firstCut + 0.1) ?? seen[cut]!;
  const stall = (after.at - before.at) / 1000 - (secondsOf(after.tc) - secondsOf(before.tc));
  testInfo.annotations.push({ type: 'cut-stall-ms', description: (stall * 1000).toFixed(0) });
  console.log(
    `stall at the cut: ${(stall * 1000).toFixed(0)} ms`,
    JSON.stringify(seen.slice(cut - 3, cut + 4)),
  );
  // Two frames, plus a frame for the timecode's rounding at each end.
  expect(stall).toBeLessThan(4 / 24);

  await page.keyboard.press('Home');
  await expect(timecode).toHaveText('00:00:00:00');
  await page.keyboard.press('Period');
  await expect(timecode).toHaveText('00:00:00:01');
  await page.keyboard.press('Comma');
  await expect(timecode).toHaveText('00:00:00:00');
  await page.keyboard.press('End');
  // The end of the film: the takes' lengths and the card's 2 s (within the frame the timecode rounds to).
  await expect
    .poll(async () => Math.abs(secondsOf((await timecode.textContent()) ?? '') - filmEnd))
    .toBeLessThan(1.01 / 24);

  // Playing from the middle of the card (half a second into shot 3) starts its speech half a second in,
  // and what comes out is sound: a WebAudio analyser on the element reads samples well above silence.
  for (let i = 0; i < 36; i++) await page.keyboard.press('Comma');
  await expect
    .poll(async () => Math.abs(secondsOf((await timecode.textContent()) ?? '') - (secondCut + 0.5)))
    .toBeLessThan(1.01 / 24);
  const speechTime = () =>
    page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLAudioElement>('audio[data-player-speech]')].find((a) => !a.paused)
          ?.currentTime ?? -1,
    );
  await page.evaluate(async () => {
    const w = window as unknown as { speechFirst: number; loudest: number };
    w.speechFirst = -1;
    w.loudest = 0;
    const ctx = new AudioContext();
    await ctx.resume();
    const analyser = ctx.createAnalyser();
    analyser.connect(ctx.destination);
    for (const audio of document.querySelectorAll<HTMLAudioElement>('audio[data-player-speech]')) {
      ctx.createMediaElementSource(audio).connect(analyser);
      audio.addEventListener('timeupdate', () => {
        if (!audio.paused && w.speechFirst < 0) w.speechFirst = audio.currentTime;
      });
    }
    const buffer = new Float32Array(analyser.fftSize);
    setInterval(() => {
      analyser.getFloatTimeDomainData(buffer);
      for (const v of buffer) w.loudest = Math.max(w.loudest, Math.abs(v));
    }, 10);
  });
  await page.keyboard.press('Space');
  // The first time it reports is half a second in, not the start (timeupdate comes every 250 ms at most)…
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { speechFirst: number }).speechFirst))
    .toBeGreaterThanOrEqual(0.4);
  // …and what comes out is sound, well above silence.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { loudest: number }).loudest))
    .toBeGreaterThan(0.05);
  await page.keyboard.press('k');
  await expect.poll(speechTime).toBe(-1);

  // Marks: in at 1 s, out at 3 s; they show on the scrub bar.
  await page.keyboard.press('Home');
  for (let i = 0; i < 24; i++) await page.keyboard.press('Period');
  await page.keyboard.press('i');
  for (let i = 0; i < 48; i++) await page.keyboard.press('Period');
  await page.keyboard.press('o');
  await expect(player.getByRole('button', { name: /^In 00:00:01:00/ })).toBeVisible();
  await expect(player.getByRole('button', { name: /^Out 00:00:03:00/ })).toBeVisible();
  await expect(player.getByTestId('player-range')).toBeVisible();

  // Scrubbing the timeline while paused moves the player: the timeline's playhead keys.
  await page.getByRole('slider', { name: 'Playhead' }).focus();
  await page.keyboard.press('End');
  await expect
    .poll(async () => Math.abs(secondsOf((await timecode.textContent()) ?? '') - filmEnd))
    .toBeLessThan(1.01 / 24);

  // The view is remembered for the project.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Player' })).toBeVisible();
});
