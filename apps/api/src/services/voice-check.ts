import type { Voice } from '@ministudio/domain';
import type { ProviderRegistry } from '@ministudio/providers';
import { HttpError } from '../lib/http-error';

/** A voice in a request body, with where it sits (`body/voice`, `body/characters/2/voice`). */
export interface PlacedVoice {
  path: string;
  voice: Pick<Voice, 'provider' | 'voiceId'>;
}

/** How many of the provider's voice ids an error lists (ElevenLabs accounts can hold hundreds). */
const LISTED_VOICES = 60;

/**
 * Refuses voices their speech provider does not have, when they are set rather than when a render
 * fails later: an unknown provider is a validation error naming the providers there are; an unknown
 * voice id answers 422 with the provider's list. A provider that is not configured cannot say what it
 * has, so its voices pass here and the render refuses them with the setting to make.
 */
export async function assertVoicesKnown(
  providers: Pick<ProviderRegistry, 'speech' | 'listSpeech'>,
  voices: readonly PlacedVoice[],
): Promise<void> {
  for (const { path, voice } of voices) {
    const speech = providers.speech(voice.provider);
    if (!speech) {
      const ids = providers.listSpeech().map((p) => p.id);
      throw new HttpError('validation_failed', `There is no speech provider "${voice.provider}"`, {
        issues: [{ path: `${path}/provider`, message: `is not one of ${ids.join(', ')}` }],
        providers: ids,
      });
    }
    if (!speech.configured()) continue;
    const listed = await speech.listVoices();
    const known = speech.hasVoice
      ? await speech.hasVoice(voice.voiceId)
      : listed.some((v) => v.id === voice.voiceId);
    if (known) continue;
    const ids = listed.map((v) => v.id);
    const shown = ids.slice(0, LISTED_VOICES).join(', ');
    const more = ids.length > LISTED_VOICES ? ` and ${ids.length - LISTED_VOICES} more` : '';
    throw new HttpError(
      'unsupported_by_provider',
      `${speech.label} has no voice "${voice.voiceId}"; choose one of its voices: ${shown}${more}`,
      {
        issues: [{ path: `${path}/voiceId`, message: `is not a voice of ${speech.label}` }],
        provider: speech.id,
        voices: ids,
      },
    );
  }
}

const isVoice = (value: unknown): value is PlacedVoice['voice'] =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Voice).provider === 'string' &&
  typeof (value as Voice).voiceId === 'string';

/** The voices of a production document, found where the format puts them; anything else is the import's to refuse. */
export function productionVoices(doc: unknown): PlacedVoice[] {
  if (typeof doc !== 'object' || doc === null) return [];
  const { project, characters } = doc as { project?: { narrationVoice?: unknown }; characters?: unknown };
  const found: PlacedVoice[] = [];
  if (isVoice(project?.narrationVoice)) {
    found.push({ path: 'body/project/narrationVoice', voice: project.narrationVoice });
  }
  if (Array.isArray(characters)) {
    characters.forEach((character: { voice?: unknown } | null, i) => {
      if (isVoice(character?.voice))
        found.push({ path: `body/characters/${i}/voice`, voice: character.voice });
    });
  }
  return found;
}
