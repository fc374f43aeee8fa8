import { SAMPLE_PRODUCTIONS } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import { createProject, errorOf, json, useStudio } from './helpers';

// A voice is checked when it is set, against what the speech provider really has (the real espeak-ng
// here), not when a render fails later.

const studio = useStudio();

const voice = (voiceId: string, provider = 'espeak') => ({ provider, voiceId, rate: 1, pitch: 0 });

async function addCharacter(projectId: string, version: number, voiceId: string) {
  return studio.app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/characters`,
    headers: { 'if-match': String(version) },
    payload: { name: 'Ines', voice: voice(voiceId) },
  });
}

describe('voices are checked when they are set', () => {
  it('accepts espeak languages and language+variant ids', async () => {
    const { project } = await createProject(studio.app);
    const plain = await addCharacter(project.id, 1, 'en-gb');
    expect(plain.statusCode).toBe(201);
    const variant = await addCharacter(project.id, 2, 'en-us+f3');
    expect(variant.statusCode).toBe(201);
    expect(json<{ character: { voice: { voiceId: string } } }>(variant).character.voice.voiceId).toBe(
      'en-us+f3',
    );
  });

  it('refuses a voice espeak does not have, with its list, and writes nothing', async () => {
    const { project } = await createProject(studio.app);
    for (const voiceId of ['xx-nope', 'en-us+nosuchvariant']) {
      const refused = await addCharacter(project.id, 1, voiceId);
      expect(refused.statusCode).toBe(422);
      const error = errorOf(refused);
      expect(error.code).toBe('unsupported_by_provider');
      expect(error.message).toContain(`"${voiceId}"`);
      const details = error.details as { voices: string[]; issues: { path: string }[] };
      expect(details.voices).toContain('en-gb');
      expect(details.issues[0]!.path).toBe('body/voice/voiceId');
    }
    const after = json<{ version: number; characters: unknown[] }>(
      await studio.app.inject(`/api/projects/${project.id}`),
    );
    expect(after.version).toBe(1);
    expect(after.characters).toHaveLength(0);
  });

  it('checks the narration voice on a settings change', async () => {
    const { project } = await createProject(studio.app);
    const patch = (narrationVoice: object) =>
      studio.app.inject({
        method: 'PATCH',
        url: `/api/projects/${project.id}`,
        headers: { 'if-match': '1' },
        payload: { narrationVoice },
      });
    const refused = await patch(voice('klingon'));
    expect(refused.statusCode).toBe(422);
    expect((errorOf(refused).details as { issues: { path: string }[] }).issues[0]!.path).toBe(
      'body/narrationVoice/voiceId',
    );
    const unknownProvider = await patch(voice('en', 'nobody'));
    expect(unknownProvider.statusCode).toBe(400);
    expect(errorOf(unknownProvider).message).toContain('"nobody"');
    expect((await patch(voice('en-gb+m3'))).statusCode).toBe(200);
  });

  it('lets a voice of an unconfigured provider through: the render names the setting to make', async () => {
    const { project } = await createProject(studio.app);
    const res = await studio.app.inject({
      method: 'POST',
      url: `/api/projects/${project.id}/characters`,
      headers: { 'if-match': '1' },
      payload: { name: 'Ada', voice: voice('alloy', 'openai-speech') },
    });
    expect(res.statusCode).toBe(201);
  });

  it('refuses an import whose character speaks in a voice that does not exist, creating nothing', async () => {
    const list = json<unknown[]>(await studio.app.inject('/api/projects'));
    const doc = structuredClone(SAMPLE_PRODUCTIONS[1]!) as { characters: { voice: object }[] };
    expect(doc.characters.length).toBeGreaterThan(0);
    doc.characters[0]!.voice = voice('en-us+typo');
    const refused = await studio.app.inject({ method: 'POST', url: '/api/projects/import', payload: doc });
    expect(refused.statusCode).toBe(422);
    expect((errorOf(refused).details as { issues: { path: string }[] }).issues[0]!.path).toBe(
      'body/characters/0/voice/voiceId',
    );
    const after = json<unknown[]>(await studio.app.inject('/api/projects'));
    expect(after).toHaveLength(list.length);
  });
});
