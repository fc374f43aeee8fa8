import { createHash } from 'node:crypto';
import { deriveShotSeed, type Production, SAMPLE_PRODUCTIONS } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import { planShot, productionView, providerLookup } from '../src';
import { builtInRegistry, plannedShots, shotContextOf } from './sample-shots';

const sample = () => structuredClone(SAMPLE_PRODUCTIONS[0]!) as Production;

describe('productionView', () => {
  it('links scenes, shots and environments by ids made from their keys, with the derived seeds', () => {
    const doc = sample();
    doc.scenes[0]!.shots[1]!.seed = 1234;
    const view = productionView(doc);
    expect(view.title).toBe(doc.project.title);
    expect(view.characters.map((c) => c.id)).toEqual(doc.characters.map((c) => `character:${c.key}`));
    for (const [i, scene] of view.scenes.entries()) {
      const source = doc.scenes[i]!;
      expect(scene.id).toBe(`scene:${source.key}`);
      expect(scene.environmentId).toBe(source.environment ? `environment:${source.environment}` : null);
      expect(view.environments.some((e) => e.id === scene.environmentId)).toBe(scene.environmentId !== null);
      expect(scene.shots.map((s) => s.key)).toEqual(source.shots.map((s) => s.key));
      for (const shot of scene.shots) {
        expect(shot.sceneId).toBe(scene.id);
        expect(shot.chosenTakeId).toBeNull();
        expect(shot.effectiveSeed).toBe(deriveShotSeed(scene.seed, shot.key, shot.seed));
      }
    }
    expect(view.scenes[0]!.shots[1]!.effectiveSeed).toBe(1234);
    const first = doc.scenes[0]!.shots[0]!;
    expect(first.seed).toBeNull();
    expect(view.scenes[0]!.shots[0]!.effectiveSeed).toBe(deriveShotSeed(doc.scenes[0]!.seed, first.key));
  });

  it('carries images as references the planner hands to the provider', () => {
    const doc = sample();
    const data = Buffer.from('not decoded here');
    const sha = createHash('sha256').update(data).digest('hex');
    doc.assets[sha] = { mime: 'image/png', name: 'set.png', data: data.toString('base64') };
    doc.characters[0]!.referenceImages = [sha];
    doc.environments[0]!.plate = sha;
    const view = productionView(doc);
    const plate = view.environments[0]!.plate!;
    expect(plate).toMatchObject({ sha256: sha, mime: 'image/png', name: 'set.png', bytes: data.length });
    expect(view.characters[0]!.references).toEqual([plate]);
    const scene = view.scenes[0]!;
    const shot = scene.shots.find((s) => s.cast.some((m) => m.character === doc.characters[0]!.key))!;
    const plan = planShot(view, scene, shot, providerLookup(builtInRegistry()));
    expect(plan.picture.shot.environment!.plate).toEqual({
      assetId: plate.id,
      sha256: sha,
      mime: 'image/png',
    });
    expect(plan.picture.references.map((r) => [r.kind, r.file.sha256])).toContainEqual(['character', sha]);
  });

  it('refuses a production that does not validate, naming the first problem', () => {
    const doc = sample();
    doc.scenes[0]!.shots[0]!.dialogue = [{ character: 'nobody', text: 'Hello?' }];
    expect(() => productionView(doc)).toThrow(/no character with key "nobody"/);
  });
});

describe("the renderer's sample shots", () => {
  // packages/renderer/test/helpers/fixtures.ts reads this file, so the renderer's tests draw the shots the
  // shipped planner gives for the samples (the renderer may not depend on the pipeline). When the planner or
  // a sample changes, `vitest run --project @ministudio/pipeline -u` rewrites it.
  it('are what the planner gives for each sample', async () => {
    const shots = Object.fromEntries(
      SAMPLE_PRODUCTIONS.map((p) => [p.project.title, plannedShots(p).map(shotContextOf)]),
    );
    expect(Object.values(shots).map((s) => s.length)).toEqual([6, 8]);
    await expect(`${JSON.stringify(shots, null, 2)}\n`).toMatchFileSnapshot(
      '../../renderer/test/helpers/sample-shots.json.snap',
    );
  });
});
