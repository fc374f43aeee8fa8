import { describe, expect, it } from 'vitest';
import { errorOf, json, useStudio } from './helpers';
import { smallProduction } from './render-harness';

type Project = {
  id: string;
  version: number;
  scenes: { shots: { id: string; dialogue: unknown[]; narration: string }[] }[];
};

/** The samples of a mono 16-bit PCM WAV (the chunks walked, not a fixed header assumed) and its rate. */
function pcm(wav: Buffer): { rate: number; samples: Float32Array } {
  expect(wav.subarray(0, 4).toString('ascii')).toBe('RIFF');
  let at = 12;
  let rate = 0;
  while (at + 8 <= wav.length) {
    const id = wav.subarray(at, at + 4).toString('ascii');
    const size = wav.readUInt32LE(at + 4);
    if (id === 'fmt ') {
      expect(wav.readUInt16LE(at + 8 + 2)).toBe(1); // mono
      rate = wav.readUInt32LE(at + 8 + 4);
      expect(wav.readUInt16LE(at + 8 + 14)).toBe(16);
    }
    if (id === 'data') {
      const data = wav.subarray(at + 8, at + 8 + size);
      const samples = new Float32Array(data.length / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = data.readInt16LE(i * 2) / 32768;
      return { rate, samples };
    }
    at += 8 + size + (size % 2);
  }
  throw new Error('no data chunk');
}

const peak = (s: Float32Array, from: number, to: number) => {
  let max = 0;
  for (let i = Math.max(0, from); i < Math.min(s.length, to); i++) max = Math.max(max, Math.abs(s[i]!));
  return max;
};

describe('GET /api/shots/:id/speech-preview', () => {
  const studio = useStudio();
  const get = (shotId: string, headers: Record<string, string> = {}) =>
    studio.app.inject({ method: 'GET', url: `/api/shots/${shotId}/speech-preview`, headers });

  async function project(): Promise<Project> {
    const doc = smallProduction(3);
    // A third shot with nothing to say.
    doc.scenes[0]!.shots.push({ ...doc.scenes[0]!.shots[1]!, key: 'quiet', narration: '', dialogue: [] });
    const created = await studio.app.inject({ method: 'POST', url: '/api/projects/import', payload: doc });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = json<{ id: string }>(created);
    return json<Project>(await studio.app.inject({ method: 'GET', url: `/api/projects/${id}` }));
  }

  it('speaks the shot’s lines with espeak where a render places them, once, and revalidates by ETag', async () => {
    const p = await project();
    const [spoken, narrated] = p.scenes[0]!.shots;
    const first = await get(spoken!.id);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['content-type']).toContain('audio/wav');
    expect(first.headers['cache-control']).toBe('no-cache');
    const { rate, samples } = pcm(first.rawPayload);
    // The renderer's placing: 0.3 s of lead-in before the first line, then the line itself.
    expect(peak(samples, 0, Math.round(0.28 * rate))).toBeLessThan(0.01);
    expect(peak(samples, Math.round(0.3 * rate), samples.length)).toBeGreaterThan(0.1);
    expect(samples.length / rate).toBeGreaterThan(0.5);

    const assetsBefore = await studio.app.db.asset.count();
    const again = await get(spoken!.id);
    expect(again.statusCode).toBe(200);
    expect(Buffer.compare(again.rawPayload, first.rawPayload)).toBe(0);
    expect(await studio.app.db.asset.count()).toBe(assetsBefore);
    const etag = String(first.headers.etag);
    expect(etag).toBeTruthy();
    expect((await get(spoken!.id, { 'if-none-match': etag })).statusCode).toBe(304);

    // Narration is speech too; and a changed line is a new preview (a new ETag), not the old one again.
    expect((await get(narrated!.id)).statusCode).toBe(200);
    const changed = await studio.app.inject({
      method: 'PATCH',
      url: `/api/shots/${spoken!.id}`,
      headers: { 'if-match': String(p.version) },
      payload: { dialogue: [{ character: 'emma', text: 'Hello there, how long it has been.' }] },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const longer = await get(spoken!.id, { 'if-none-match': etag });
    expect(longer.statusCode).toBe(200);
    expect(longer.headers.etag).not.toBe(etag);
    expect(pcm(longer.rawPayload).samples.length).toBeGreaterThan(samples.length);
  }, 60_000);

  it('answers 404 with the error shape for a shot without speech or an unknown shot, 400 for a bad id', async () => {
    const p = await project();
    const quiet = await get(p.scenes[0]!.shots[2]!.id);
    expect(quiet.statusCode).toBe(404);
    expect(errorOf(quiet).code).toBe('not_found');
    const unknown = await get('no-such-shot');
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown).code).toBe('not_found');
    const bad = await get('x'.repeat(65));
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe('validation_failed');
  });
});
