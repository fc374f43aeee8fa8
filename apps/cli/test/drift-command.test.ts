import { describe, expect, it } from 'vitest';
import { ministudio } from './helpers';

describe('ministudio drift', () => {
  it('is the drift review’s command line: its help, and exit 2 with the reason for a clip that is not there', async () => {
    const help = await ministudio(['drift', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout + help.stderr).toMatch(/--fail-on/);
    const missing = await ministudio(['drift', 'no-such-a.mp4', 'no-such-b.mp4']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-a\.mp4/);
    const listed = await ministudio(['--help']);
    expect(listed.stdout).toMatch(/\n {2}drift +measure drift/);
  }, 60_000);
});
