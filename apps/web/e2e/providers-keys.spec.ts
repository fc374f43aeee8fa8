import { expect, test } from '@playwright/test';
// The fake that speaks Luma's real protocol, from the providers package's own test fakes.
import { startLumaFake } from '../../../packages/providers/test/fakes/luma';

// An owner types a provider's key on the providers page: it goes to the studio's providers.json, applies
// without a restart, is tested at once, and never comes back to the page (its last four at most).

const KEY = 'luma-key-typed-in-e2e-3f9b';
let luma: Awaited<ReturnType<typeof startLumaFake>>;

test.beforeAll(async () => {
  luma = await startLumaFake({ key: KEY, scenario: 'success', hang: false }, Buffer.alloc(0));
});

test.afterAll(async ({ request }) => {
  // The shared studio of the other specs: leave Luma unconfigured as it was.
  await request.put('/api/providers/settings', {
    data: { values: { LUMAAI_API_KEY: null, MINISTUDIO_LUMA_BASE_URL: null } },
  });
  await luma?.close();
});

test('an owner enters, tests and clears a provider key on the providers page', async ({
  page,
  request,
}, testInfo) => {
  // The base-URL override is for tests and proxies, not the form: point Luma at the fake through the API.
  const pointed = await request.put('/api/providers/settings', {
    data: { values: { MINISTUDIO_LUMA_BASE_URL: `${luma.url}/dream-machine/v1` } },
  });
  expect(pointed.status()).toBe(200);

  await page.goto('/providers');
  const card = page.locator('[data-provider="luma"]');
  await expect(card.locator('.provider-state')).toHaveText('not configured');
  await card.getByText('Change settings').click();
  const form = card.getByRole('form', { name: /to change$/ });
  const field = form.getByRole('textbox', { name: 'LUMAAI_API_KEY' });
  await expect(field).toHaveAttribute('type', 'password');
  await field.fill(KEY);
  await form.getByRole('button', { name: 'Save and test' }).click();

  await expect(form.getByRole('status')).toHaveText('Saved to providers.json; in use now.');
  await expect(card.locator('.provider-state')).toHaveText('configured');
  await expect(card.getByRole('status', { name: /^Connection to/ })).toHaveText(
    '✓ Connected to Luma: the account has 3 generations.',
  );
  await expect(field).toHaveValue('');
  await expect(field).toHaveAttribute('placeholder', 'set in providers.json (…3f9b)');
  await expect(card.locator('.provider-settings')).toContainText('…3f9b');
  expect(await page.content()).not.toContain(KEY);
  expect(luma.requests.some((r) => r.path === '/dream-machine/v1/generations')).toBe(true);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('providers-keys.png') });
  await card.screenshot({ path: testInfo.outputPath('luma-card.png') });

  await form.getByRole('button', { name: 'Clear LUMAAI_API_KEY' }).click();
  await expect(field).toHaveAttribute('placeholder', 'will be removed');
  await form.getByRole('button', { name: 'Save and test' }).click();
  await expect(card.locator('.provider-state')).toHaveText('not configured');
  await expect(card.getByRole('status', { name: /^Connection to/ })).toContainText('not configured here');
});
