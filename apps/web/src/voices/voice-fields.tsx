import { Voice } from '@ministudio/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/http';
import { listVoices, voiceSampleUrl } from '../api/settings-endpoints';
import { NumberField } from '../common/number-field';
import { SelectField } from '../common/select-field';
import { useProviders } from '../render/render-queries';
import '../styles/voices.css';

interface VoiceFieldsProps {
  /** Whose voice this is, as the group's legend: "Narration voice", "Voice". */
  legend: string;
  voice: Voice;
  onChange(voice: Voice, label: string): void;
}

/**
 * A voice as chosen everywhere (the narrator's in the project settings, each character's in its editor): a
 * speech provider, one of its voices from its own list (never typed), rate and pitch, and a sample to hear.
 */
export function VoiceFields({ legend, voice, onChange }: VoiceFieldsProps) {
  const speech = (useProviders().data ?? []).filter((p) => p.kind === 'speech');
  const client = useQueryClient();
  const voicesQuery = (provider: string) => ({
    queryKey: ['voices', provider],
    queryFn: () => listVoices(provider),
    staleTime: 5 * 60_000,
  });
  const voices = useQuery(voicesQuery(voice.provider));
  // Another provider does not know this voice id: take its first voice (none while unconfigured).
  const changeProvider = async (provider: string) => {
    const list = await client.fetchQuery(voicesQuery(provider)).catch(() => []);
    set({ provider, voiceId: list[0]?.id ?? voice.voiceId }, 'Change speech provider');
  };
  const set = (next: Partial<Voice>, label: string) => onChange({ ...voice, ...next }, label);

  const providerOptions = speech.map((p) => ({
    value: p.id,
    label: p.configured ? p.label : `${p.label} (not configured)`,
  }));
  if (!providerOptions.some((o) => o.value === voice.provider)) {
    providerOptions.unshift({ value: voice.provider, label: voice.provider });
  }
  // Names alone: espeak's already say the language ("English (Great Britain)").
  const voiceOptions = (voices.data ?? [])
    .map((v) => ({ value: v.id, label: v.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  // The chosen voice stays selectable while the list loads, or if the provider no longer offers it.
  if (!voiceOptions.some((o) => o.value === voice.voiceId)) {
    voiceOptions.unshift({ value: voice.voiceId, label: voice.voiceId });
  }

  return (
    <fieldset className="group voice-fields">
      <legend>{legend}</legend>
      <SelectField
        label="Speech provider"
        value={voice.provider}
        options={providerOptions}
        onChange={(provider) => void changeProvider(provider)}
      />
      <SelectField
        label="Voice"
        value={voice.voiceId}
        options={voiceOptions}
        onChange={(voiceId) => set({ voiceId }, 'Change voice')}
      />
      <div className="field-row">
        <NumberField
          label="Speaking rate (1 = normal)"
          value={voice.rate}
          schema={Voice.properties.rate}
          nullable={false}
          step={0.1}
          onCommit={(rate) => rate !== null && set({ rate }, 'Change speaking rate')}
        />
        <NumberField
          label="Pitch (semitones)"
          value={voice.pitch}
          schema={Voice.properties.pitch}
          nullable={false}
          step={1}
          onCommit={(pitch) => pitch !== null && set({ pitch }, 'Change pitch')}
        />
      </div>
      <SampleButton voice={voice} />
    </fieldset>
  );
}

/** Speaks a sample line in the voice as set now; a second press while it plays starts it again. */
function SampleButton({ voice }: { voice: Voice }) {
  const [state, setState] = useState<'idle' | 'loading' | 'playing'>('idle');
  const [error, setError] = useState<string | null>(null);
  const audio = useRef<HTMLAudioElement | null>(null);
  useEffect(() => () => stop(audio.current), []);

  const play = async () => {
    stop(audio.current);
    setError(null);
    setState('loading');
    try {
      const { provider, voiceId, rate, pitch } = voice;
      const url = await voiceSampleUrl(provider, { voiceId, rate, pitch });
      const element = new Audio(url);
      audio.current = element;
      element.onended = () => {
        URL.revokeObjectURL(url);
        setState('idle');
      };
      setState('playing');
      await element.play();
    } catch (e) {
      setState('idle');
      setError(e instanceof ApiError ? e.message : 'The sample could not be played');
    }
  };

  return (
    <div className="voice-sample">
      <button type="button" onClick={() => void play()} disabled={state === 'loading'}>
        {state === 'loading' ? 'Preparing sample…' : state === 'playing' ? 'Play again' : '▶ Play sample'}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function stop(element: HTMLAudioElement | null) {
  if (!element) return;
  element.pause();
  if (element.src.startsWith('blob:')) URL.revokeObjectURL(element.src);
}
