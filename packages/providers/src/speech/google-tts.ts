import type { JobContext, SpeechProvider, SpeechRequest, SpeechResult, VoiceInfo } from '@ministudio/domain';
import type { GoogleAuth } from '../auth/google-auth';
import { joinUrl, ProviderHttp } from '../http/client';
import { saveInlineResult } from '../http/download';
import type { AdapterOptions } from '../video/prepare';
import { speechBaseName, speechResult } from './save-audio';

export const GOOGLE_TTS_BASE_URL = 'https://texttospeech.googleapis.com';
const MAX_INPUT_BYTES = 5000;

export interface GoogleTtsConfig {
  auth: GoogleAuth;
  /**
   * GOOGLE_CLOUD_PROJECT, sent as x-goog-user-project (the billed project, which user credentials
   * need); null sends none.
   */
  project: string | null;
  baseUrl: string;
}

/** "en-US-Studio-O" speaks en-US. */
export function languageOfVoice(voiceId: string): string {
  const m = /^([a-z]{2,3}-[A-Z]{2})/.exec(voiceId);
  return m?.[1] ?? 'en-US';
}

export function googleTtsBody(request: SpeechRequest): Record<string, unknown> {
  return {
    input: { text: request.text },
    voice: { languageCode: languageOfVoice(request.voice.voiceId), name: request.voice.voiceId },
    audioConfig: {
      audioEncoding: 'LINEAR16',
      speakingRate: Math.min(4, Math.max(0.25, request.voice.rate)),
      pitch: Math.min(20, Math.max(-20, request.voice.pitch)),
    },
  };
}

/** Google Cloud Text-to-Speech v1: base64 LINEAR16 (with WAV header) in JSON. */
export function createGoogleTtsProvider(config: GoogleTtsConfig, options: AdapterOptions): SpeechProvider {
  const http = new ProviderHttp('Google TTS', options, () => config.auth.secrets());
  const headers = async (signal: AbortSignal) => {
    const h: Record<string, string> = {
      authorization: `Bearer ${await config.auth.token(http, signal)}`,
      'content-type': 'application/json',
    };
    if (config.project !== null) h['x-goog-user-project'] = config.project;
    return h;
  };

  async function synthesize(request: SpeechRequest, ctx: JobContext): Promise<SpeechResult> {
    if (!config.auth.configured()) {
      throw http.fail(
        'provider_rejected_input',
        'not configured: set GOOGLE_APPLICATION_CREDENTIALS or GOOGLE_ACCESS_TOKEN',
      );
    }
    const bytes = Buffer.byteLength(request.text, 'utf8');
    if (bytes > MAX_INPUT_BYTES)
      throw http.fail('provider_rejected_input', `the line is ${bytes} bytes; at most ${MAX_INPUT_BYTES}`);
    const { body } = await http.json<{ audioContent?: unknown }>(
      'synthesising speech',
      joinUrl(config.baseUrl, 'v1/text:synthesize'),
      { method: 'POST', headers: await headers(ctx.signal), body: JSON.stringify(googleTtsBody(request)) },
      ctx.signal,
    );
    if (typeof body.audioContent !== 'string')
      throw http.fail('provider_unavailable', 'the response carried no audio');
    const file = await saveInlineResult(http, body.audioContent, {
      workDir: ctx.workDir,
      baseName: speechBaseName('google-tts'),
      kind: 'audio',
      signal: ctx.signal,
    });
    return speechResult(http, file, ctx, null);
  }

  async function listVoices(): Promise<VoiceInfo[]> {
    if (!config.auth.configured()) return [];
    const signal = AbortSignal.timeout(options.requestTimeoutMs);
    const { body } = await http.json<{ voices?: { name?: string; languageCodes?: string[] }[] }>(
      'listing voices',
      joinUrl(config.baseUrl, 'v1/voices'),
      { headers: await headers(signal) },
      signal,
    );
    return (body.voices ?? [])
      .filter((v) => typeof v.name === 'string')
      .map((v) => ({ id: v.name ?? '', name: v.name ?? '', language: v.languageCodes?.[0] ?? null }));
  }

  return {
    id: 'google-tts',
    label: 'Google Cloud Text-to-Speech',
    configured: () => config.auth.configured(),
    listVoices,
    synthesize,
  };
}
