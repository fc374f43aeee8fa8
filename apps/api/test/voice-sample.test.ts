import { describe, expect, it } from 'vitest';
import { errorOf, useStudio } from './helpers';

describe('POST /api/providers/:id/voices/sample', () => {
  const studio = useStudio({ env: { OPENAI_API_KEY: '' } });
  const sample = (id: string, payload: Record<string, unknown>) =>
    studio.app.inject({ method: 'POST', url: `/api/providers/${id}/voices/sample`, payload });

  it('speaks a sample line with espeak-ng as a WAV file', async () => {
    const res = await sample('espeak', { voiceId: 'en-gb', rate: 1.2, pitch: 2 });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('audio/wav');
    expect(res.rawPayload.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(res.rawPayload.length).toBeGreaterThan(10_000);
  });

  it('refuses an unknown provider, one not configured, and a voice id that is not one', async () => {
    expect(errorOf(await sample('nobody', { voiceId: 'x', rate: 1, pitch: 0 })).code).toBe('not_found');
    const unconfigured = await sample('openai-speech', { voiceId: 'alloy', rate: 1, pitch: 0 });
    expect(unconfigured.statusCode).toBe(422);
    expect(errorOf(unconfigured).code).toBe('provider_not_configured');
    const badVoice = await sample('espeak', { voiceId: '--help; rm', rate: 1, pitch: 0 });
    expect(badVoice.statusCode).toBe(422);
    expect((await sample('espeak', { voiceId: 'en', rate: 9, pitch: 0 })).statusCode).toBe(400);
  });
});
