import { expect, type Page, test } from '@playwright/test';
import { expectSaved } from './helpers';
import { arrangeRenderProject, takeCount } from './render-api';

const card = (page: Page, shotId: string) => page.locator(`[data-shot-id="${shotId}"]`);
const cardStatus = (page: Page, shotId: string) =>
  card(page, shotId).locator('.card-poster [data-render-status]');

test('renders a storyboard, shows progress, posters, the proxy, re-renders only the changed shot and makes the film', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const { projectId, shotIds } = await arrangeRenderProject(request, 'Harbour film', [
    { action: 'Ava waves from the pier', line: 'Hello there, sailor!' },
    { action: 'Gulls circle the mast', line: null },
  ]);
  const [first, second] = shotIds as [string, string];
  await page.goto(`/projects/${projectId}`);
  await expect(cardStatus(page, first)).toHaveAttribute('data-render-status', 'none');

  // Every value any progress bar shows, from the first event on.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    const record = (el: Element) => {
      const v = Number(el.getAttribute('aria-valuenow'));
      if (el.closest('[data-shot-id]')) seen.push(v);
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (
          r.type === 'attributes' &&
          r.target instanceof Element &&
          r.target.matches('[role="progressbar"]')
        )
          record(r.target);
        for (const n of r.addedNodes)
          if (n instanceof Element) for (const el of n.querySelectorAll('[role="progressbar"]')) record(el);
      }
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    });
  });

  await page.getByRole('toolbar', { name: 'Render' }).getByRole('button', { name: 'Render all' }).click();
  await expect(card(page, first).getByRole('progressbar', { name: 'Render progress' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('1-rendering.png') });
  await expect(cardStatus(page, first)).toHaveAttribute('data-render-status', 'ready', { timeout: 45_000 });
  await expect(cardStatus(page, second)).toHaveAttribute('data-render-status', 'ready', { timeout: 45_000 });
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
  // The bar moved: it showed values strictly between empty and full.
  expect(
    seen.some((v) => v > 0 && v < 100),
    `progress values seen: ${seen.join(',')}`,
  ).toBe(true);
  expect(new Set(seen).size).toBeGreaterThan(2);

  for (const id of shotIds) {
    const poster = card(page, id).locator('.card-poster img');
    await expect(poster).toBeVisible();
    await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  }

  // The inspector: the proxy loads, the filmstrip and the waveform are drawn, one take is listed.
  await card(page, first).locator('.shot-select').click();
  const panel = page.getByRole('region', { name: 'Shot render' });
  const video = panel.getByLabel('Take 1 preview');
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(1);
  expect(await video.evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(1.5);
  const filmstrip = panel.getByRole('img', { name: 'Filmstrip of take 1' });
  await expect.poll(() => filmstrip.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1280);
  const waveform = panel.getByRole('img', { name: 'Sound of take 1' });
  await expect.poll(() => waveform.getAttribute('data-peaks').then(Number)).toBeGreaterThan(100);
  // Something was drawn: the spoken line gives bars taller than the silence hairline.
  const tallest = await waveform.evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let rows = 0;
    for (let y = 0; y < c.height; y++) {
      let lit = false;
      for (let x = 0; x < c.width && !lit; x++) lit = data[(y * c.width + x) * 4 + 3]! > 0;
      if (lit) rows++;
    }
    return rows / c.height;
  });
  expect(tallest).toBeGreaterThan(0.3);
  const takes = page.getByRole('list', { name: 'Takes' });
  await expect(takes.locator('.take')).toHaveCount(1);
  await expect(takes.locator('.take').first()).toContainText('local/animatic-v1');
  await page.screenshot({ path: testInfo.outputPath('2-ready.png') });

  // Edit the second shot: its take is stale now; the first is not.
  await card(page, second).locator('.shot-select').click();
  const inspector = page.getByRole('form', { name: 'Shot 2 inspector' });
  await inspector.getByLabel('Action').fill('Gulls circle the mast at dusk');
  await inspector.getByLabel('Action').blur();
  await expectSaved(page);
  await expect(cardStatus(page, second)).toHaveAttribute('data-render-status', 'stale');
  await expect(cardStatus(page, first)).toHaveAttribute('data-render-status', 'ready');
  await page.screenshot({ path: testInfo.outputPath('3-stale.png') });

  // Render again: only the changed shot gets a new take.
  await page.getByRole('toolbar', { name: 'Render' }).getByRole('button', { name: 'Render all' }).click();
  await expect(cardStatus(page, second)).toHaveAttribute('data-render-status', /queued|rendering/);
  await expect(cardStatus(page, second)).toHaveAttribute('data-render-status', 'ready', { timeout: 45_000 });
  await expect(takes.locator('.take')).toHaveCount(2);
  await expect(takes.locator('.take.chosen')).toContainText('Take 2');
  expect(await takeCount(request, first)).toBe(1);
  expect(await takeCount(request, second)).toBe(2);

  // Compare the two takes of the second shot side by side.
  for (const t of await takes.getByRole('checkbox', { name: 'Compare' }).all()) await t.check();
  const compare = page.getByRole('region', { name: /Compare take/ });
  await expect(compare.locator('video')).toHaveCount(2);
  await expect
    .poll(() =>
      compare.locator('video').evaluateAll((vs: HTMLVideoElement[]) => vs.map((v) => v.readyState >= 1)),
    )
    .toEqual([true, true]);

  // The film.
  await page.getByRole('button', { name: 'Make film' }).click();
  const film = page.getByRole('region', { name: 'Film' });
  const filmVideo = film.getByLabel('Film');
  await expect(filmVideo).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(() => filmVideo.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(1);
  expect(await filmVideo.evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(3.5);
  const download = film.getByRole('link', { name: 'Download film' });
  const href = await download.getAttribute('href');
  expect(href).toContain(`/api/projects/${projectId}/film`);
  expect((await request.get(href!)).headers()['content-type']).toBe('video/mp4');
  await page.screenshot({ path: testInfo.outputPath('4-film.png'), fullPage: true });
});

test('shows provider limits next to the field, and refuses a render the studio cannot make before queueing anything', async ({
  page,
  request,
}, testInfo) => {
  const { projectId, shotIds } = await arrangeRenderProject(request, 'Limits', [
    { action: 'A long slow pan over the bay', line: null, provider: 'gemini-veo', duration: 30 },
    { action: 'A cut to the lighthouse', line: null },
  ]);
  const [long, other] = shotIds as [string, string];
  const jobs = async () => (await (await request.get(`/api/projects/${projectId}/jobs`)).json()) as unknown[];
  await page.goto(`/projects/${projectId}`);
  // Too long for Veo, and Veo has no key in this studio.
  await expect(card(page, long).getByRole('img', { name: '2 provider issues' })).toBeVisible();
  await card(page, long).locator('.shot-select').click();
  const durationIssues = page.getByRole('list', { name: 'Provider limits: duration' });
  await expect(durationIssues).toContainText('longer than the 8 s clips');
  await expect(page.getByLabel('Provider', { exact: true })).toHaveValue('gemini-veo');
  const providerIssues = page.getByRole('list', { name: 'Provider limits: provider' });
  await expect(providerIssues).toContainText('GEMINI_API_KEY');

  // The server refuses the whole render and renders nothing; the notice names the setting.
  await page.getByRole('toolbar', { name: 'Render' }).getByRole('button', { name: 'Render all' }).click();
  await expect(page.getByRole('alert')).toContainText('Nothing was rendered');
  await expect(page.getByRole('alert')).toContainText('Set GEMINI_API_KEY');
  await expect(page.getByRole('alert')).toContainText('more than its provider can do');
  await expect(cardStatus(page, other)).toHaveAttribute('data-render-status', 'none');
  await page.screenshot({ path: testInfo.outputPath('limits.png') });

  // Within the limits but still not configured here: refused at render time, with nothing queued.
  const inspector = page.getByRole('form', { name: 'Shot 1 inspector' });
  await inspector.getByLabel('Duration (seconds)').fill('4');
  await inspector.getByLabel('Duration (seconds)').blur();
  await expectSaved(page);
  await expect(durationIssues).toHaveCount(0);
  await expect(card(page, long).getByRole('img', { name: '1 provider issue' })).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss message' }).first().click();
  const refusal = page.waitForResponse(
    (r) => r.url().endsWith(`/api/projects/${projectId}/render`) && r.request().method() === 'POST',
  );
  await page
    .getByRole('region', { name: 'Shot render' })
    .getByRole('button', { name: 'Render shot' })
    .click();
  const refused = await refusal;
  expect(refused.status()).toBe(422);
  const body = (await refused.json()) as {
    error: { code: string; details: { shots: { shotId: string; violations: { constraint: string }[] }[] } };
  };
  expect(body.error.code).toBe('provider_not_configured');
  expect(body.error.details.shots).toEqual([
    { shotId: long, violations: [expect.objectContaining({ constraint: 'provider_not_configured' })] },
  ]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Set GEMINI_API_KEY');
  await expect(alert).not.toContainText('more than its provider can do');
  await expect(cardStatus(page, long)).toHaveAttribute('data-render-status', 'none');
  await expect(card(page, long).locator('.card-error')).toHaveCount(0);
  expect(await jobs()).toEqual([]);
  expect(await takeCount(request, long)).toBe(0);
  await page.screenshot({ path: testInfo.outputPath('not-configured.png') });

  // The notice leads to the providers page, which says what Veo needs; back to the project.
  await alert.getByRole('link', { name: 'Open the providers page' }).click();
  const veo = page.locator('[data-provider="gemini-veo"]');
  await expect(veo.locator('.provider-state')).toHaveText('not configured');
  await expect(veo).toContainText('GEMINI_API_KEY');
  await page.getByRole('link', { name: '← Back to the project' }).click();

  // The film needs every shot: the ones without a take are highlighted.
  await page.getByRole('button', { name: 'Make film' }).click();
  await expect(page.getByRole('alert')).toContainText('2 shots have none yet');
  await expect(card(page, long).locator('.card-render.missing')).toBeVisible();
  await expect(card(page, other).locator('.card-render.missing')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('failed.png') });
});

test('the providers page lists every provider, configured or not, and never a key', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Providers' }).click();
  await expect(page.getByRole('heading', { name: 'Providers', level: 1 })).toBeVisible();
  const local = page.locator('[data-provider="local"]');
  await expect(local.locator('.provider-state')).toHaveText('configured');
  await expect(local).toContainText('0.5–120 s');
  const unconfigured = page.locator('.provider-card:not(.configured)');
  expect(await unconfigured.count()).toBeGreaterThan(0);
  const veo = page.locator('[data-provider="gemini-veo"]');
  await expect(veo.locator('.provider-state')).toHaveText('not configured');
  await expect(veo).toContainText('GEMINI_API_KEY');
  await expect(veo).toContainText('4 s, 6 s, 8 s');
  // The only fields are an owner's key forms, and they are empty: a set key is never sent back.
  const filled = await page
    .locator('input')
    .evaluateAll(
      (inputs) =>
        inputs.filter((i) => (i as HTMLInputElement).value !== '' || !i.closest('.provider-keys')).length,
    );
  expect(filled).toBe(0);
  // The real path of this studio's settings file, wherever its data folder is.
  await expect(page.locator('.settings-path')).toHaveText(/^\/.*\/providers\.json$/);
  await page.screenshot({ path: testInfo.outputPath('providers.png'), fullPage: true });
});

test('provider selects: the project default, and a per-shot override saved to the shot', async ({
  page,
  request,
}) => {
  const { projectId, shotIds } = await arrangeRenderProject(request, 'Defaults', [
    { action: 'x', line: null },
  ]);
  await page.goto(`/projects/${projectId}`);
  const projectDefault = page.getByLabel('Default provider');
  await expect(projectDefault).toHaveValue('local');
  // Unconfigured providers are listed but cannot be chosen.
  await expect(projectDefault.locator('option[value="gemini-veo"]')).toBeDisabled();

  await card(page, shotIds[0]!).locator('.shot-select').click();
  const override = page
    .getByRole('form', { name: 'Shot 1 inspector' })
    .getByLabel('Provider', { exact: true });
  await expect(override).toHaveValue('');
  await expect(override.locator('option[value=""]')).toHaveText('Project default (local)');
  await override.selectOption('local');
  await expectSaved(page);
  const shotProvider = async () =>
    (
      (await (await request.get(`/api/projects/${projectId}`)).json()) as {
        scenes: { shots: { provider: string | null }[] }[];
      }
    ).scenes[0]!.shots[0]!.provider;
  expect(await shotProvider()).toBe('local');
  await override.selectOption('');
  await expectSaved(page);
  expect(await shotProvider()).toBeNull();

  await page.getByRole('toolbar', { name: 'Render' }).getByRole('link', { name: 'Providers' }).click();
  await page.getByRole('link', { name: '← Back to the project' }).click();
  await expect(page.getByLabel('Default provider')).toHaveValue('local');
});
