import { createHash } from 'node:crypto';
import type { ProjectView, SceneView, ShotView } from '@ministudio/domain';
import { type ProviderLookup, planShot, type ShotPlan } from './plan-shot';

// The editor asks for every shot's state (stale or not) and every shot's provider check after each
// edit; both need each shot's plan, and planning compiles a prompt and hashes it per shot. On a
// 500-shot project almost every shot is unchanged between two calls, so each shot's plan is kept,
// keyed by everything planShot reads of the project for that shot (its fields, its scene's, the
// previous shot's narration, the project's settings, characters and environments) and checked
// against the provider answers it was made with: a provider whose key was set or whose models
// changed since gives a new plan. A hit gives exactly what planShot would give (plan-cache.test.ts).

interface Entry {
  plan: ShotPlan;
  /** The provider questions planShot asked and the answers it got, serialised. */
  asked: [method: 'capabilities' | 'missingSettings', a: string, b: string | null, answer: string][];
}

/** A ProviderLookup answering each question once per planning pass, and its answers serialised. */
function onePassLookup(lookup: ProviderLookup) {
  const answers = new Map<string, { value: unknown; text: string }>();
  const ask = (method: 'capabilities' | 'missingSettings', a: string, b: string | null) => {
    const id = `${method}\u0000${a}\u0000${b ?? '\u0001'}`;
    let found = answers.get(id);
    if (!found) {
      const value =
        method === 'capabilities'
          ? lookup.capabilities(a, b)
          : lookup.missingSettings(a, b as 'video' | 'speech');
      found = { value, text: JSON.stringify(value) ?? 'undefined' };
      answers.set(id, found);
    }
    return found;
  };
  return { ask };
}

export class PlanCache {
  private readonly entries = new Map<string, Entry>();

  /** `capacity`: plans kept (least recently used go first); a few feature-length projects' worth. */
  constructor(
    private readonly lookup: ProviderLookup,
    private readonly capacity = 5000,
  ) {}

  /** How many plans are kept. */
  get size(): number {
    return this.entries.size;
  }

  /** Plans of every shot of a project, by shot id: the same as planProject, reusing unchanged shots'. */
  planProject(project: ProjectView): Map<string, ShotPlan> {
    const pass = onePassLookup(this.lookup);
    const context = createHash('sha1')
      .update(
        JSON.stringify([
          project.style,
          project.negativePrompt,
          project.width,
          project.height,
          project.fps,
          project.aspectRatio,
          project.fitMode,
          project.defaultProvider,
          project.narrationVoice,
          project.animaticText,
          project.characters,
          project.environments,
        ]),
      )
      .digest('base64');
    const plans = new Map<string, ShotPlan>();
    project.scenes.forEach((scene, sceneIndex) => {
      // As planShot sees it: the previous shot in the scene, or the last of the scene before.
      let previous: ShotView | null = project.scenes[sceneIndex - 1]?.shots.at(-1) ?? null;
      const sceneKey = JSON.stringify([scene.id, scene.environmentId, scene.mood, scene.seed]);
      scene.shots.forEach((shot, index) => {
        const key = `${context}|${sceneKey}|${index > 0}|${JSON.stringify(previous?.narration ?? null)}|${JSON.stringify(shot)}`;
        plans.set(shot.id, this.plan(key, project, scene, shot, pass));
        previous = shot;
      });
    });
    return plans;
  }

  private plan(
    key: string,
    project: ProjectView,
    scene: SceneView,
    shot: ShotView,
    pass: ReturnType<typeof onePassLookup>,
  ): ShotPlan {
    const hit = this.entries.get(key);
    if (hit?.asked.every(([method, a, b, answer]) => pass.ask(method, a, b).text === answer)) {
      // Most recently used goes last, so the first key is the one to drop when full.
      this.entries.delete(key);
      this.entries.set(key, hit);
      // The plan's content is the same; the shot and scene objects are this project view's.
      return { ...hit.plan, shot, scene };
    }
    const asked: Entry['asked'] = [];
    const recording: ProviderLookup = {
      capabilities(provider, model) {
        const { value, text } = pass.ask('capabilities', provider, model);
        asked.push(['capabilities', provider, model, text]);
        return value as ReturnType<ProviderLookup['capabilities']>;
      },
      missingSettings(provider, kind) {
        const { value, text } = pass.ask('missingSettings', provider, kind);
        asked.push(['missingSettings', provider, kind, text]);
        return value as string | null;
      },
    };
    const plan = planShot(project, scene, shot, recording);
    this.entries.delete(key);
    this.entries.set(key, { plan, asked });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return plan;
  }
}
