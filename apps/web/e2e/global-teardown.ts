import { rmSync } from 'node:fs';

// The data folder and the editor's build were made for this run only.
export default function globalTeardown(): void {
  for (const dir of [process.env.MINISTUDIO_E2E_DATA, process.env.MINISTUDIO_E2E_WEB]) {
    if (dir?.includes('ministudio-e2e-')) rmSync(dir, { recursive: true, force: true });
  }
}
