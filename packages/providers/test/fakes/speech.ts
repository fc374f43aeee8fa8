import type { ServerResponse } from 'node:http';
import { type Fake, sendJson, startFake } from './harness';
import { bearerOk } from './job';

export const SPEECH_SCENARIOS = [
  'success',
  'rate_limited_retry_after',
  'rate_limited',
  'server_error',
  'unavailable',
  'malformed',
  'cut_short',
] as const;
export type SpeechScenario = (typeof SPEECH_SCENARIOS)[number];

/** Retry-After as an HTTP date here (the video fakes use seconds), 30 s ahead. */
export function retryDate(): string {
  return new Date(Date.now() + 30_000).toUTCString();
}

function fault(
  res: ServerResponse,
  scenario: SpeechScenario,
  errorBody: (status: number, m: string) => unknown,
): boolean {
  switch (scenario) {
    case 'rate_limited_retry_after':
      sendJson(res, 429, errorBody(429, 'too_many_concurrent_requests'), { 'retry-after': retryDate() });
      return true;
    case 'rate_limited':
      sendJson(res, 429, errorBody(429, 'system_busy'));
      return true;
    case 'server_error':
      sendJson(res, 500, errorBody(500, 'internal'));
      return true;
    case 'unavailable':
      sendJson(res, 503, errorBody(503, 'unavailable'));
      return true;
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"audio');
      return true;
    default:
      return false;
  }
}

function sendCut(res: ServerResponse, mime: string, bytes: Buffer): void {
  res.writeHead(200, { 'content-type': mime, 'content-length': String(bytes.length) });
  res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
}

/** OpenAI POST /v1/audio/speech: raw audio bytes. */
export function startOpenAiSpeechFake(key: string, scenario: SpeechScenario, wav: Buffer): Promise<Fake> {
  return startFake((req, res, _body, url) => {
    if (!bearerOk(req.headers.authorization, key)) {
      return sendJson(res, 401, {
        error: {
          message: 'Incorrect API key provided',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      });
    }
    if (req.method !== 'POST' || url.pathname !== '/v1/audio/speech')
      return sendJson(res, 404, { error: { message: 'not found' } });
    if (
      fault(res, scenario, (_s, m) => ({
        error: { message: m, type: 'server_error', param: null, code: null },
      }))
    )
      return;
    if (scenario === 'cut_short') return sendCut(res, 'audio/wav', wav);
    res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': String(wav.length) });
    res.end(wav);
  });
}

/** ElevenLabs POST /v1/text-to-speech/{voice}/with-timestamps and GET /v1/voices. */
export function startElevenLabsFake(key: string, scenario: SpeechScenario, mp3: Buffer): Promise<Fake> {
  return startFake((req, res, body, url) => {
    if (req.headers['xi-api-key'] !== key) {
      return sendJson(res, 401, { detail: { status: 'invalid_api_key', message: 'Invalid API key' } });
    }
    if (url.pathname === '/v1/voices') {
      return sendJson(res, 200, {
        voices: [{ voice_id: '21m00Tcm4TlvDq8ikWAM', name: 'Rachel', labels: { language: 'en' } }],
      });
    }
    if (req.method !== 'POST' || !/^\/v1\/text-to-speech\/[^/]+\/with-timestamps$/.test(url.pathname)) {
      return sendJson(res, 404, { detail: { status: 'not_found', message: 'not found' } });
    }
    if (fault(res, scenario, (_s, m) => ({ detail: { status: m, message: `Request failed: ${m}` } }))) return;
    const { text } = JSON.parse(body.toString()) as { text: string };
    const chars = [...text];
    const payload = Buffer.from(
      JSON.stringify({
        audio_base64: mp3.toString('base64'),
        alignment: {
          characters: chars,
          character_start_times_seconds: chars.map((_, i) => i * 0.05),
          character_end_times_seconds: chars.map((_, i) => (i + 1) * 0.05),
        },
        normalized_alignment: null,
      }),
    );
    if (scenario === 'cut_short') return sendCut(res, 'application/json', payload);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(payload.length) });
    res.end(payload);
  });
}

/** Google Cloud TTS POST /v1/text:synthesize (base64 LINEAR16 with WAV header) and GET /v1/voices. */
export function startGoogleTtsFake(token: string, scenario: SpeechScenario, wav: Buffer): Promise<Fake> {
  return startFake((req, res, _body, url) => {
    if (!bearerOk(req.headers.authorization, token)) {
      return sendJson(res, 401, {
        error: {
          code: 401,
          message: 'Request had invalid authentication credentials.',
          status: 'UNAUTHENTICATED',
        },
      });
    }
    if (url.pathname === '/v1/voices') {
      return sendJson(res, 200, {
        voices: [
          {
            languageCodes: ['en-US'],
            name: 'en-US-Studio-O',
            ssmlGender: 'FEMALE',
            naturalSampleRateHertz: 24000,
          },
        ],
      });
    }
    if (req.method !== 'POST' || url.pathname !== '/v1/text:synthesize')
      return sendJson(res, 404, { error: { code: 404, message: 'nf' } });
    if (
      fault(res, scenario, (code, m) => ({
        error: { code, message: m, status: code === 429 ? 'RESOURCE_EXHAUSTED' : 'UNAVAILABLE' },
      }))
    )
      return;
    const payload = Buffer.from(JSON.stringify({ audioContent: wav.toString('base64') }));
    if (scenario === 'cut_short') return sendCut(res, 'application/json', payload);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(payload.length) });
    res.end(payload);
  });
}
