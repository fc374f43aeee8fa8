import type { JobContext, PlacedSpeech, Production, ShotContext, SpeechResult } from '@ministudio/domain';
import { createProviderRegistry } from '@ministudio/providers';
import {
  placeSpeech,
  planProject,
  productionView,
  providerLookup,
  type ShotPlan,
  type SpeechPayload,
} from '../src';

/** The studio's provider registry with no settings: only the built-in animatic and espeak-ng are configured. */
export const builtInRegistry = () => createProviderRegistry({ env: {}, dataDir: null, fetch: null });

/** Every shot of a production as the shipped planner plans it, in film order. */
export function plannedShots(production: Production): ShotPlan[] {
  return [...planProject(productionView(production), providerLookup(builtInRegistry())).values()];
}

/** What the picture job hands the provider as the shot, before any speech is placed. */
export function shotContextOf(plan: ShotPlan): ShotContext {
  const { environment, ...shot } = plan.picture.shot;
  // A plate is a file in the studio's store; the samples have none, and this has no store to read one from.
  if (environment?.plate) throw new Error(`${shot.shotKey}: a shot with a plate needs a store`);
  return { ...shot, environment: environment ? { ...environment, plate: null } : null, speech: [] };
}

/**
 * A planned shot with its lines spoken by their speech provider and placed as the picture job places them
 * (placeSpeech). `endSeconds` is where the last line ends.
 */
export async function withPlacedSpeech(
  plan: ShotPlan,
  context: JobContext,
): Promise<{ shot: ShotContext; endSeconds: number }> {
  const registry = builtInRegistry();
  const spoken: (SpeechPayload & SpeechResult)[] = [];
  for (const { payload } of plan.lines) {
    const result = await registry
      .speech(payload.provider)!
      .synthesize({ text: payload.text, voice: payload.voice }, context);
    spoken.push({ ...payload, ...result });
  }
  const { placed, endSeconds } = placeSpeech(spoken);
  const speech: PlacedSpeech[] = placed.map((line, i) => ({ ...line, path: spoken[i]!.path }));
  return { shot: { ...shotContextOf(plan), speech }, endSeconds };
}
