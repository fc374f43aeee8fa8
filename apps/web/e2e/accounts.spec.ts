import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';

// Accounts change the whole studio: once an owner exists every request must sign in, and no owner can
// remove the last one. So this spec runs a studio of its own (its own port and data folder, the editor
// built for this run) and the shared studio of the other specs stays open.

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const OWNER = { name: 'ada', password: 'lighthouse-keeper-42' };
const EDITOR = { name: 'ben', password: 'harbour-at-night-7' };
const VIEWER = { name: 'cy', password: 'gulls-circle-3x' };

let server: ChildProcess | null = null;
let dataDir = '';
let base = '';

function freePort(): number {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const webDir = process.env.MINISTUDIO_E2E_WEB;
  if (!webDir) throw new Error('MINISTUDIO_E2E_WEB is set by playwright.config.ts: run through Playwright');
  const port = freePort();
  base = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(path.join(tmpdir(), 'ministudio-accounts-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    MINISTUDIO_DATA: dataDir,
    MINISTUDIO_WEB_DIR: webDir,
    LOG_LEVEL: 'warn',
  };
  // A first owner from the environment would skip what this spec is about: making it in the editor.
  delete env.MINISTUDIO_OWNER_PASSWORD;
  // One process (node with tsx's loader), so stopping it stops the studio and not only a wrapper.
  server = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'apps/api/src/main.ts')], {
    cwd: repoRoot,
    env,
    stdio: 'ignore',
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('the accounts studio did not start within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    // A graceful stop waits for open event streams; past a few seconds there is nothing left to keep.
    const late = setTimeout(() => server?.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(late);
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: base });
  return context.newPage();
}

async function signIn(page: Page, who: { name: string; password: string }) {
  await page.getByLabel('Name').fill(who.name);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a new team: first owner, sign-in, people, a token shown once, a viewer refused, sign-out', async ({
  browser,
}) => {
  test.setTimeout(240_000);

  // The open studio: everyone on this machine is its owner; the Account page offers the first owner.
  const owner = await freshPage(browser);
  await owner.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await owner.goto('/');
  await expect(owner.getByRole('link', { name: /^The Last Algorithm/ })).toBeVisible();
  await owner.getByRole('link', { name: 'Accounts' }).click();
  await expect(owner).toHaveURL(`${base}/account`);
  const first = owner.getByRole('region', { name: 'Make the first owner account' });
  await expect(first).toContainText('asks everyone to sign in');
  await expect(first).toContainText('before sharing the studio on a network');
  await owner.screenshot({ path: '/tmp/accounts-open.png', fullPage: true });
  await first.getByLabel('Owner name').fill(OWNER.name);
  await first.getByLabel('Password', { exact: true }).fill(OWNER.password);
  await first.getByLabel('Password again').fill('not the same password');
  await first.getByRole('button', { name: 'Make owner account' }).click();
  await expect(first.getByRole('alert')).toHaveText('The two passwords differ.');
  await first.getByLabel('Password again').fill(OWNER.password);
  await first.getByRole('button', { name: 'Make owner account' }).click();
  // Making it signed this browser in as the owner.
  await expect(owner.getByRole('button', { name: `Account: ${OWNER.name} (owner)` })).toBeVisible();
  const people = owner.getByRole('table', { name: 'People' });
  await expect(people).toContainText(`${OWNER.name} (you)`);

  // Anyone else now meets the sign-in page, at the address they asked for.
  const other = await freshPage(browser);
  await other.goto('/providers');
  await expect(other.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
  await other.screenshot({ path: '/tmp/accounts-sign-in.png' });
  await signIn(other, { name: OWNER.name, password: 'not-my-password' });
  await expect(other.getByRole('alert').filter({ hasText: 'do not match' })).toHaveText(
    'That name and password do not match an account. Check both and try again.',
  );
  await signIn(other, OWNER);
  // Back where they were: the providers page.
  await expect(other.getByRole('heading', { name: 'Providers' })).toBeVisible();
  await expect(other).toHaveURL(`${base}/providers`);

  // The owner adds an editor and a viewer.
  for (const [who, role] of [
    [EDITOR, 'editor'],
    [VIEWER, 'viewer'],
  ] as const) {
    const form = owner.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Name').fill(who.name);
    await form.getByLabel('Password').fill(who.password);
    await form.getByLabel('Role').selectOption(role);
    await form.getByRole('button', { name: 'Add person' }).click();
    await expect(people.getByRole('row', { name: new RegExp(`^${who.name} ${role}`) })).toBeVisible();
  }

  // The last owner cannot be removed: the studio's own words.
  await owner.getByRole('button', { name: `Remove ${OWNER.name}` }).click();
  await owner.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect(owner.getByRole('alert').filter({ hasText: 'last owner' })).toHaveText(
    `Could not remove ${OWNER.name}: This is the last owner: make another owner first.`,
  );
  await expect(people.getByRole('row')).toHaveCount(4);

  // A viewer token: its secret once, with a copy button and the warning.
  const tokenForm = owner.getByRole('form', { name: 'Make an API token' });
  await tokenForm.getByLabel('Token name').fill('review script');
  await tokenForm.getByLabel('Role').selectOption('viewer');
  await tokenForm.getByRole('button', { name: 'Make token' }).click();
  const secretBox = owner.getByRole('region', { name: 'New token secret' });
  await expect(secretBox).toContainText('it will not be shown again');
  const secret = await secretBox.getByLabel('Token secret').inputValue();
  expect(secret.length).toBeGreaterThan(20);
  await secretBox.getByRole('button', { name: 'Copy' }).click();
  await expect(secretBox.getByRole('status')).toHaveText('Copied to the clipboard.');
  expect(await owner.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await owner.screenshot({ path: '/tmp/accounts-owner.png', fullPage: true });
  // The token works for reading, and not for changing anything.
  const asToken = { authorization: `Bearer ${secret}` };
  expect((await fetch(`${base}/api/projects`, { headers: asToken })).status).toBe(200);
  const tokenWrite = await fetch(`${base}/api/projects`, {
    method: 'POST',
    headers: { ...asToken, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Not allowed' }),
  });
  expect(tokenWrite.status).toBe(403);
  // Once dismissed (or after a reload) the secret is nowhere on the page.
  await secretBox.getByRole('button', { name: 'Done' }).click();
  await owner.reload();
  const tokens = owner.getByRole('table', { name: 'API tokens' });
  const tokenRow = tokens.getByRole('row', { name: /^review script viewer/ });
  await expect(tokenRow).toContainText('active');
  await expect(tokenRow).not.toContainText('never');
  expect(await owner.content()).not.toContain(secret);
  await owner.getByRole('button', { name: 'Revoke review script' }).click();
  await owner.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(tokenRow).toContainText('revoked');
  expect((await fetch(`${base}/api/projects`, { headers: asToken })).status).toBe(401);

  // Too many wrong passwords for one account: the sign-in says how long to wait.
  const guesser = await freshPage(browser);
  await guesser.goto('/');
  for (let i = 0; i < 5; i++) {
    await signIn(guesser, { name: EDITOR.name, password: `wrong-guess-${i}` });
    await expect(guesser.getByRole('alert').filter({ hasText: 'do not match' })).toBeVisible();
    await expect(guesser.getByLabel('Password')).toHaveValue('');
  }
  await signIn(guesser, EDITOR);
  await expect(guesser.getByRole('alert').filter({ hasText: 'Too many attempts' })).toHaveText(
    /^Too many attempts — try again in \d+ s( \(about \d+ min\))?\.$/,
  );
  await guesser.getByLabel('Password').fill(EDITOR.password);
  await expect(guesser.getByRole('button', { name: 'Sign in' })).toBeDisabled();

  // The viewer: sees the projects, is told plainly that changing one needs the editor role.
  const viewer = await freshPage(browser);
  await viewer.goto('/');
  await signIn(viewer, VIEWER);
  await expect(viewer.getByRole('button', { name: `Account: ${VIEWER.name} (viewer)` })).toBeVisible();
  await expect(viewer.getByText('Making or changing one needs the editor role.')).toBeVisible();
  await expect(viewer.getByLabel('New project title')).toHaveCount(0);
  await viewer.getByRole('link', { name: /^The Last Algorithm/ }).click();
  const title = viewer.getByLabel('Project title');
  await expect(title).toHaveValue('The Last Algorithm');
  await title.fill('The Last Algorithm, recut');
  await title.blur();
  await expect(viewer.getByRole('alert').filter({ hasText: 'editor role' })).toContainText(
    'Could not rename project: This needs the editor role; you have viewer. Ask an owner of this studio for a higher role.',
  );
  await expect(title).toHaveValue('The Last Algorithm');

  // Signing out from the account menu brings the sign-in back.
  await viewer.getByRole('button', { name: `Account: ${VIEWER.name} (viewer)` }).click();
  await viewer.getByRole('button', { name: 'Sign out' }).click();
  await expect(viewer.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
  const afterSignOut = await viewer.context().request.get(`${base}/api/projects`);
  expect(afterSignOut.status()).toBe(401);

  // A session that ends while working: the sign-in comes over the page and the change is saved after it.
  await other.goto('/');
  await other.getByRole('link', { name: /^The Last Algorithm/ }).click();
  const otherTitle = other.getByLabel('Project title');
  await expect(otherTitle).toHaveValue('The Last Algorithm');
  await other.context().clearCookies();
  await otherTitle.fill('The Last Algorithm (director’s cut)');
  await otherTitle.blur();
  const again = other.getByRole('dialog', { name: 'Sign in again' });
  await expect(again).toContainText('the changes you made are kept');
  await again.getByLabel('Password').fill(OWNER.password);
  await again.getByRole('button', { name: 'Sign in' }).click();
  await expect(again).toHaveCount(0);
  await expect(other.getByRole('status', { name: 'Save status' })).toHaveText('All changes saved');
  const saved = await other.context().request.get(`${base}/api/projects`);
  const titles = ((await saved.json()) as { title: string }[]).map((p) => p.title);
  expect(titles).toContain('The Last Algorithm (director’s cut)');
  for (const page of [owner, other, guesser, viewer]) await page.context().close();
});
