import type { JobContext, SpeechProvider, SpeechRequest, SpeechResult, VoiceInfo } from '@ministudio/domain';
import { joinUrl, ProviderHttp } from '../http/client';
import { saveInlineResult } from '../http/download';
import type { AdapterOptions } from '../video/prepare';
import { charactersFromAlignment } from './alignment';
import { speechBaseName, speechResult } from './save-audio';

export const ELEVENLABS_BASE_URL = 'https://api.elevenlabs.io';
export const ELEVENLABS_MODEL = 'eleven_multilingual_v2';
// Multilingual v2 takes 10,000 characters per request (help centre).
const MAX_INPUT_CHARS = 10_000;

export interface ElevenLabsConfig {
  apiKey: string | null;
  baseUrl: string;
  model: string;
}

export function elevenLabsBody(request: SpeechRequest, model: string): Record<string, unknown> {
  // ElevenLabs speed runs 0.7–1.2; pitch has no control.
  return {
    text: request.text,
    model_id: model,
    voice_settings: { speed: Math.min(1.2, Math.max(0.7, request.voice.rate)) },
  };
}

/** ElevenLabs with timestamps: the audio comes back with per-character timings (SpeechResult.alignment). */
export function createElevenLabsProvider(config: ElevenLabsConfig, options: AdapterOptions): SpeechProvider {
  const http = new ProviderHttp('ElevenLabs', options, () => (config.apiKey === null ? [] : [config.apiKey]));
  const headers = () => ({ 'xi-api-key': config.apiKey ?? '', 'content-type': 'application/json' });

  async function synthesize(request: SpeechRequest, ctx: JobContext): Promise<SpeechResult> {
    if (config.apiKey === null)
      throw http.fail('provider_rejected_input', 'not configured: set ELEVENLABS_API_KEY');
    if (request.text.length > MAX_INPUT_CHARS) {
      throw http.fail(
        'provider_rejected_input',
        `the line is ${request.text.length} characters; at most ${MAX_INPUT_CHARS}`,
      );
    }
    const url = `${joinUrl(config.baseUrl, `v1/text-to-speech/${encodeURIComponent(request.voice.voiceId)}/with-timestamps`)}?output_format=mp3_44100_128`;
    const { body } = await http.json<{ audio_base64?: unknown; alignment?: Record<string, unknown> | null }>(
      'synthesising speech',
      url,
      { method: 'POST', headers: headers(), body: JSON.stringify(elevenLabsBody(request, config.model)) },
      ctx.signal,
    );
    if (typeof body.audio_base64 !== 'string')
      throw http.fail('provider_unavailable', 'the response carried no audio');
    const file = await saveInlineResult(http, body.audio_base64, {
      workDir: ctx.workDir,
      baseName: speechBaseName('elevenlabs'),
      kind: 'audio',
      signal: ctx.signal,
    });
    const alignment = body.alignment ? charactersFromAlignment(body.alignment) : null;
    return speechResult(http, file, ctx, alignment);
  }

  async function listVoices(): Promise<VoiceInfo[]> {
    if (config.apiKey === null) return [];
    const { body } = await http.json<{
      voices?: { voice_id?: string; name?: string; labels?: { language?: string } }[];
    }>(
      'listing voices',
      joinUrl(config.baseUrl, 'v1/voices'),
      { headers: headers() },
      AbortSignal.timeout(options.requestTimeoutMs),
    );
    return (body.voices ?? [])
      .filter((v) => typeof v.voice_id === 'string')
      .map((v) => ({
        id: v.voice_id ?? '',
        name: v.name ?? v.voice_id ?? '',
        language: v.labels?.language ?? null,
      }));
  }

  return {
    id: 'elevenlabs',
    label: 'ElevenLabs',
    configured: () => config.apiKey !== null,
    listVoices,
    synthesize,
  };
}
