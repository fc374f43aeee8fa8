import { expect, type Page } from '@playwright/test';

/** Creates a project from the list page and waits for its editor. */
export async function createProject(page: Page, title: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('New project title').fill(title);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByLabel('Project title')).toHaveValue(title);
}

/** Waits until every queued write has been answered. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('All changes saved');
}

export function shotButtons(page: Page) {
  return page.locator('.shot-select');
}

export async function shotActions(page: Page): Promise<string[]> {
  return shotButtons(page).locator('.shot-action').allTextContents();
}

/** Opens a project's page and answers its timeline region and a finder for its clips by number. */
export async function openTimeline(page: Page, projectId: string) {
  await page.goto(`/projects/${projectId}`);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const clip = (n: number) => timeline.getByRole('button', { name: `Shot ${n}`, exact: true });
  return { timeline, clip };
}
