import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { intSetting, loadSettings } from '../src/config';
import { createProviderRegistry } from '../src/index';
import { fixtures } from './fakes/fixtures';
import { testJob, videoRequest } from './fakes/request';
import { startRunwayFake } from './fakes/runway';

const SECRET = 'key_REGISTRY_runway_5f5f5f5f5f5f';

describe('createProviderRegistry', () => {
  it('lists every provider, configured or not, and describes them without values', () => {
    const registry = createProviderRegistry({
      env: { GEMINI_API_KEY: 'AIza-REGISTRY-gem-123456' },
      dataDir: null,
      fetch: null,
    });
    const described = registry.describe();
    expect(described.map((d) => d.id)).toEqual([
      'local',
      'comfyui',
      'gemini-veo',
      'vertex-veo',
      'runway',
      'luma',
      'replicate',
      'fal',
      'espeak',
      'google-tts',
      'openai-speech',
      'elevenlabs',
    ]);
    const gemini = described.find((d) => d.id === 'gemini-veo');
    expect(gemini).toMatchObject({ kind: 'video', configured: true, required: [['GEMINI_API_KEY']] });
    // A long secret is described by where it is set and its last four characters, never more.
    expect(gemini?.settings).toContainEqual({
      name: 'GEMINI_API_KEY',
      set: true,
      secret: true,
      source: 'env',
      hint: '…3456',
    });
    expect(gemini?.models.map((m) => m.model)).toContain('veo-3.1-generate-preview');
    expect(described.find((d) => d.id === 'runway')?.configured).toBe(false);
    expect(described.find((d) => d.id === 'local')?.configured).toBe(true);
    expect(JSON.stringify(described)).not.toContain('AIza-REGISTRY-gem-123456');
    expect(registry.video('nope')).toBeNull();
    expect(registry.speech('elevenlabs')?.configured()).toBe(false);
  });

  it('reads <dataDir>/providers.json; the environment wins', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'providers-config-'));
    writeFileSync(
      join(dataDir, 'providers.json'),
      JSON.stringify({ LUMAAI_API_KEY: 'luma-from-file-123', FAL_KEY: 'fal-from-file-123' }),
    );
    const registry = createProviderRegistry({ env: { FAL_KEY: '' }, dataDir, fetch: null });
    expect(registry.video('luma')?.configured()).toBe(true);
    expect(registry.video('fal')?.configured()).toBe(true);
    const registry2 = createProviderRegistry({ env: {}, dataDir: join(dataDir, 'missing'), fetch: null });
    expect(registry2.video('luma')?.configured()).toBe(false);
    writeFileSync(join(dataDir, 'providers.json'), '{"LUMAAI_API_KEY": "luma-broken');
    expect(() => createProviderRegistry({ env: {}, dataDir, fetch: null })).toThrow(/not valid JSON/);
    try {
      createProviderRegistry({ env: {}, dataDir, fetch: null });
    } catch (error) {
      expect(String(error)).not.toContain('luma-broken');
    }
  });

  it('honours base URLs, poll settings and the log sink, and redacts the log', async () => {
    const fake = await startRunwayFake({ key: SECRET, scenario: 'slow', hang: false }, fixtures().mp4);
    const lines: string[] = [];
    try {
      const registry = createProviderRegistry({
        env: {
          RUNWAYML_API_SECRET: SECRET,
          MINISTUDIO_RUNWAY_BASE_URL: fake.url,
          MINISTUDIO_PROVIDER_POLL_MS: '5',
        },
        dataDir: null,
        fetch: globalThis.fetch,
        log: (l) => lines.push(l),
      });
      const result = await registry
        .video('runway')
        ?.generate(videoRequest({ model: 'gen4.5', durationSeconds: 4 }), testJob().ctx);
      expect(result?.mime).toBe('video/mp4');
      expect(lines.some((l) => l.includes('/v1/tasks/task-1'))).toBe(true);
      expect(lines.join('\n')).not.toContain(SECRET);
    } finally {
      await fake.close();
    }
  });
});

describe('tuning settings', () => {
  it('takes positive whole numbers and falls back on anything else', () => {
    const settings = loadSettings({ A: '250', B: '2.6', C: '0.3', D: '-5', E: 'soon', F: '' }, null);
    expect(intSetting(settings, 'A', 7)).toBe(250);
    expect(intSetting(settings, 'B', 7)).toBe(3);
    // 0.3 rounds to 0, which is no positive interval.
    expect(intSetting(settings, 'C', 7)).toBe(7);
    expect(intSetting(settings, 'D', 7)).toBe(7);
    expect(intSetting(settings, 'E', 7)).toBe(7);
    expect(intSetting(settings, 'F', 7)).toBe(7);
    expect(intSetting(settings, 'MISSING', 7)).toBe(7);
  });
});
