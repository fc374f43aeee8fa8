import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ProviderSettingsFile } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import { json, useStudio } from './helpers';

// The providers page shows the real path of this data folder's providers.json and an example of it;
// the names the file sets are told, their values never.

const studio = useStudio();

describe('the provider settings file', () => {
  it('is described by its real path, with an example and without a value', async () => {
    const before = json<ProviderSettingsFile>(await studio.app.inject('/api/providers/settings-file'));
    expect(before.path).toBe(path.resolve(studio.dataDir, 'providers.json'));
    expect(path.isAbsolute(before.path)).toBe(true);
    expect(before.exists).toBe(false);
    expect(before.namesSet).toEqual([]);
    const example = JSON.parse(before.example) as Record<string, string>;
    expect(Object.keys(example)).toEqual(
      expect.arrayContaining(['RUNWAYML_API_SECRET', 'GEMINI_API_KEY', 'FAL_KEY', 'COMFYUI_URL']),
    );
    expect(Object.keys(example).some((n) => n.startsWith('MINISTUDIO_'))).toBe(false);

    const secret = 'key_live_do-not-show-7a3f';
    writeFileSync(
      before.path,
      JSON.stringify({ RUNWAYML_API_SECRET: secret, COMFYUI_URL: 'http://gpu:8188' }),
    );
    const response = await studio.app.inject('/api/providers/settings-file');
    expect(response.body).not.toContain(secret);
    expect(response.body).not.toContain('gpu:8188');
    const after = json<ProviderSettingsFile>(response);
    expect(after.exists).toBe(true);
    expect(after.namesSet).toEqual(['COMFYUI_URL', 'RUNWAYML_API_SECRET']);
  });
});
