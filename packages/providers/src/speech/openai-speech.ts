import type { JobContext, SpeechProvider, SpeechRequest, SpeechResult, VoiceInfo } from '@ministudio/domain';
import { joinUrl, ProviderHttp } from '../http/client';
import { saveResponse } from '../http/download';
import type { AdapterOptions } from '../video/prepare';
import { speechBaseName, speechResult } from './save-audio';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
export const OPENAI_TTS_MODEL = 'gpt-4o-mini-tts';
const MAX_INPUT_CHARS = 4096;
// The API has no voice list endpoint; these are the built-in voices its SDK enumerates.
const VOICES = [
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'fable',
  'onyx',
  'nova',
  'sage',
  'shimmer',
  'verse',
  'marin',
  'cedar',
];

export interface OpenAiSpeechConfig {
  apiKey: string | null;
  baseUrl: string;
  model: string;
}

/** The speech request body (pure). OpenAI has no pitch control, only speed. */
export function openAiSpeechBody(request: SpeechRequest, model: string): Record<string, unknown> {
  return {
    model,
    input: request.text,
    voice: request.voice.voiceId,
    response_format: 'wav',
    speed: Math.min(4, Math.max(0.25, request.voice.rate)),
  };
}

export function createOpenAiSpeechProvider(
  config: OpenAiSpeechConfig,
  options: AdapterOptions,
): SpeechProvider {
  const http = new ProviderHttp('OpenAI speech', options, () =>
    config.apiKey === null ? [] : [config.apiKey],
  );

  async function synthesize(request: SpeechRequest, ctx: JobContext): Promise<SpeechResult> {
    if (config.apiKey === null)
      throw http.fail('provider_rejected_input', 'not configured: set OPENAI_API_KEY');
    if (request.text.length > MAX_INPUT_CHARS) {
      throw http.fail(
        'provider_rejected_input',
        `the line is ${request.text.length} characters; at most ${MAX_INPUT_CHARS}`,
      );
    }
    const response = await http.send(
      'synthesising speech',
      joinUrl(config.baseUrl, 'audio/speech'),
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${config.apiKey}`,
          'content-type': 'application/json',
          accept: 'application/octet-stream',
        },
        body: JSON.stringify(openAiSpeechBody(request, config.model)),
      },
      ctx.signal,
    );
    const file = await saveResponse(http, response, {
      workDir: ctx.workDir,
      baseName: speechBaseName('openai'),
      kind: 'audio',
      signal: ctx.signal,
    });
    return speechResult(http, file, ctx, null);
  }

  return {
    id: 'openai-speech',
    label: 'OpenAI speech',
    configured: () => config.apiKey !== null,
    listVoices: async (): Promise<VoiceInfo[]> => VOICES.map((id) => ({ id, name: id, language: null })),
    synthesize,
  };
}
