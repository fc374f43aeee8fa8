import { longProduction } from '@ministudio/domain/testing';
import { describe, expect, it } from 'vitest';
import { PlanCache, type ProviderLookup, planProject, productionView, providerLookup } from '../src';
import { builtInRegistry } from './sample-shots';

// The cache must give what planProject gives, on every kind of change planShot reads.

const registry = builtInRegistry();

describe('PlanCache', () => {
  it('plans like planProject, before and after edits, and when a provider gets configured', () => {
    const view = productionView(longProduction({ shots: 60, scenes: 4 }));
    const real = providerLookup(registry);
    let unconfigured = ['espeak'];
    // A lookup whose answer changes, as when a key is set in the settings.
    const lookup: ProviderLookup = {
      capabilities: (p, m) => real.capabilities(p, m),
      missingSettings: (p, kind) =>
        unconfigured.includes(p) ? 'ESPEAK_PATH' : real.missingSettings(p, kind),
    };
    const cache = new PlanCache(lookup);
    const same = (project: typeof view) => {
      const cached = cache.planProject(project);
      const fresh = planProject(project, lookup);
      expect([...cached.keys()]).toEqual([...fresh.keys()]);
      for (const [id, plan] of fresh) expect(cached.get(id)).toEqual(plan);
      return cached;
    };
    const before = same(view);
    expect([...before.values()].some((p) => p.violations.length > 0)).toBe(true);
    expect(same(view)).toEqual(before);

    unconfigured = [];
    const configured = same(view);
    expect([...configured.values()].every((p) => p.violations.length === 0)).toBe(true);

    // The style (a project setting), a scene's mood, and a first shot's narration, which its successor quotes.
    const scene = view.scenes[1]!;
    const edited = {
      ...view,
      style: 'ghibli',
      scenes: view.scenes.map((s) =>
        s === scene
          ? {
              ...s,
              mood: 'giddy',
              shots: s.shots.map((shot, i) => (i === 0 ? { ...shot, narration: 'Then rain.' } : shot)),
            }
          : s,
      ),
    };
    const after = same(edited);
    expect(after.get(scene.shots[1]!.id)!.inputHash).not.toBe(configured.get(scene.shots[1]!.id)!.inputHash);
  });

  it('keeps at most its capacity of plans', () => {
    const view = productionView(longProduction({ shots: 30, scenes: 3 }));
    const cache = new PlanCache(providerLookup(registry), 10);
    cache.planProject(view);
    expect(cache.size).toBe(10);
  });
});
