import { SAMPLE_PRODUCTIONS } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import { errorOf, json, useStudio } from './helpers';

// A fixed-length shot whose speech runs far past its end is refused before anything is queued, naming
// the line, its estimated length and the shot's length. Today such a shot renders into a take many times
// the length its card says.

const studio = useStudio();

// About 1,650 characters of speech: some 110 s at the estimate's 150 words a minute.
const LONG = Array.from(
  { length: 30 },
  (_, i) => `Sentence ${i + 1} of what Emma says, and it keeps going on.`,
).join(' ');

function production(duration: number | 'speech') {
  const doc = structuredClone(SAMPLE_PRODUCTIONS[0]!);
  const scene = doc.scenes[0]!;
  scene.shots = [
    { ...scene.shots[1]!, duration, dialogue: [{ character: 'emma', text: LONG }], narration: '' },
    { ...scene.shots[3]!, duration: 3, dialogue: [], narration: 'It grows.' },
  ];
  doc.scenes = [scene];
  return doc;
}

async function imported(doc: object) {
  const response = await studio.app.inject({ method: 'POST', url: '/api/projects/import', payload: doc });
  expect(response.statusCode, response.body).toBe(201);
  const { id } = json<{ id: string }>(response);
  return json<{ id: string; scenes: { shots: { id: string; key: string }[] }[] }>(
    await studio.app.inject(`/api/projects/${id}`),
  );
}

describe('speech that does not fit a fixed-length shot', () => {
  it('refuses the render before queueing, naming the shot, the line, its estimate and the length', async () => {
    expect(LONG.length).toBeGreaterThan(1600);
    const project = await imported(production(8));
    const shot = project.scenes[0]!.shots[0]!;
    const render = await studio.app.inject({
      method: 'POST',
      url: `/api/projects/${project.id}/render`,
      payload: {},
    });
    expect(render.statusCode).toBe(422);
    const error = errorOf(render);
    expect(error.code).toBe('speech_does_not_fit');
    expect(error.message).toContain('Emma');
    expect(error.message).toContain('the shot lasts 8 s');
    const details = error.details as {
      shots: { shotId: string; violations: { constraint: string; field: string }[] }[];
      speech: {
        shotId: string;
        shotSeconds: number;
        speechShotSeconds: number;
        line: { index: number; character: string; estimatedSeconds: number };
      }[];
    };
    expect(details.shots.map((s) => s.shotId)).toEqual([shot.id]);
    expect(details.shots[0]!.violations).toContainEqual(
      expect.objectContaining({ constraint: 'speech_does_not_fit', field: 'duration' }),
    );
    expect(details.speech).toHaveLength(1);
    const misfit = details.speech[0]!;
    expect(misfit.shotId).toBe(shot.id);
    expect(misfit.shotSeconds).toBe(8);
    expect(misfit.line).toMatchObject({ index: 0, character: 'emma' });
    expect(misfit.line.estimatedSeconds).toBeGreaterThan(90);
    expect(misfit.speechShotSeconds).toBeGreaterThan(misfit.line.estimatedSeconds);
    // Nothing was queued, not even the shot that fits.
    expect(json<unknown[]>(await studio.app.inject(`/api/projects/${project.id}/jobs`))).toEqual([]);

    // The check says the same without rendering: the editor marks the card with it.
    const checks = json<{ shotId: string; violations: { constraint: string; fix: string }[] }[]>(
      await studio.app.inject(`/api/projects/${project.id}/render-check`),
    );
    const check = checks.find((c) => c.shotId === shot.id)!;
    const violation = check.violations.find((v) => v.constraint === 'speech_does_not_fit')!;
    expect(violation.fix).toMatch(/follow its speech.*lengthen.*split/);
    expect(checks.find((c) => c.shotId !== shot.id)!.violations).toEqual([]);
  });

  it('is not raised when the shot follows its speech', async () => {
    const project = await imported(production('speech'));
    const checks = json<{ shotId: string; violations: { constraint: string }[] }[]>(
      await studio.app.inject(`/api/projects/${project.id}/render-check`),
    );
    expect(checks.flatMap((c) => c.violations.map((v) => v.constraint))).not.toContain('speech_does_not_fit');
  });
});
