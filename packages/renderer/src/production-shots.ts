import type {
  JobContext,
  PlacedSpeech,
  Production,
  ShotContext,
  SpeechProvider,
  Voice,
} from '@ministudio/domain';

/** A line to synthesise for a shot: who says it (null = narrator), what, and in which voice. */
export interface ShotLine {
  character: string | null;
  text: string;
  voice: Voice;
}

export interface ProductionShot {
  shot: ShotContext;
  /** The shot's own length, or 'speech' when it follows its lines. */
  duration: number | 'speech';
  lines: ShotLine[];
  seedOverride: number | null;
}

/**
 * ShotContexts straight from a production document (no database): the environment of each scene,
 * each cast member's default state merged with the shot's override, and the lines to speak. Speech is
 * left empty; `placeLines` fills it once the lines are synthesised.
 */
export function shotsFromProduction(production: Production): ProductionShot[] {
  const characters = new Map(production.characters.map((c) => [c.key, c]));
  const environments = new Map(production.environments.map((e) => [e.key, e]));
  const out: ProductionShot[] = [];
  for (const scene of production.scenes) {
    const env = scene.environment ? (environments.get(scene.environment) ?? null) : null;
    for (const shot of scene.shots) {
      const lines: ShotLine[] = [];
      if (shot.narration.trim())
        lines.push({ character: null, text: shot.narration, voice: production.project.narrationVoice });
      for (const line of shot.dialogue) {
        const voice = characters.get(line.character)?.voice ?? production.project.narrationVoice;
        lines.push({ character: line.character, text: line.text, voice });
      }
      out.push({
        shot: {
          shotKey: shot.key,
          sceneSeed: scene.seed,
          style: production.project.style,
          shotType: shot.shotType,
          camera: shot.camera,
          action: shot.action,
          narration: shot.narration,
          dialogue: shot.dialogue,
          environment: env
            ? {
                key: env.key,
                name: env.name,
                location: env.location,
                identity: env.identity,
                context: env.context,
                plate: null,
              }
            : null,
          characters: shot.cast.flatMap((member) => {
            const c = characters.get(member.character);
            return c
              ? [
                  {
                    key: c.key,
                    name: c.name,
                    identity: c.identity,
                    state: { ...c.defaultState, ...member.state },
                  },
                ]
              : [];
          }),
          speech: [],
        },
        duration: shot.duration,
        lines,
        seedOverride: shot.seed,
      });
    }
  }
  return out;
}

/**
 * Synthesises a shot's lines one after another with a short pause between them, starting a little in,
 * and returns the placed speech and the length the speech needs.
 */
export async function placeLines(
  lines: ShotLine[],
  speech: SpeechProvider,
  context: JobContext,
  lead: number,
  gap: number,
): Promise<{ placed: PlacedSpeech[]; endSeconds: number }> {
  const placed: PlacedSpeech[] = [];
  let at = lead;
  for (const line of lines) {
    const result = await speech.synthesize({ text: line.text, voice: line.voice }, context);
    placed.push({
      character: line.character,
      text: line.text,
      path: result.path,
      startSeconds: at,
      durationSeconds: result.durationSeconds,
    });
    at += result.durationSeconds + gap;
  }
  return { placed, endSeconds: placed.length ? at - gap : 0 };
}
