import { rmSync } from 'node:fs';

// The data folder was made for this run only.
export default function globalTeardown(): void {
  const dir = process.env.MINISTUDIO_E2E_DATA;
  if (dir?.includes('ministudio-e2e-')) rmSync(dir, { recursive: true, force: true });
}
