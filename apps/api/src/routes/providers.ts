import path from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ConnectionTest,
  ErrorBody,
  ProviderDescription,
  ProviderSettingsFile,
  ProviderSettingsUpdate,
  ProviderSettingsWritten,
  VoiceSampleBody,
} from '@ministudio/domain';
import Type from 'typebox';
import { HttpError } from '../lib/http-error';
import { speakSample } from '../repositories/voice-sample';
import { testConnection } from '../services/connection-test';
import { describeSettingsFile, writeProviderSettings } from '../services/provider-settings-file';

/** What the editor may know of the providers: which exist, whether configured, what they can do. Never a key. */
const providers: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/providers',
    {
      schema: {
        tags: ['providers'],
        description:
          'Video and speech providers, configured or not, with their models’ capabilities and the setting names that configure them.',
        response: { 200: Type.Array(ProviderDescription) },
      },
    },
    async () => app.providers.describe(),
  );

  app.get(
    '/api/providers/settings-file',
    {
      schema: {
        tags: ['providers'],
        description:
          'Where this studio reads provider settings from a file (the real path of providers.json in its data folder), whether it exists, the names it sets (never their values) and an example.',
        response: { 200: ProviderSettingsFile },
      },
    },
    async () => describeSettingsFile(app.dataDir),
  );

  app.put(
    '/api/providers/settings',
    {
      config: { access: 'owner' },
      schema: {
        tags: ['providers'],
        description:
          'Owner only. Sets (a string) or removes (null) provider settings in this data folder’s providers.json, which applies at once (no restart). Only names a provider reads are accepted (400 otherwise); values are never sent back, a secret at most as a hint of its last four characters. A name also set in the studio’s environment is listed in environmentWins: the environment’s value stays in use.',
        body: ProviderSettingsUpdate,
        response: { 200: ProviderSettingsWritten, 400: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => writeProviderSettings(app.dataDir, app.providers, request.body.values),
  );

  app.post(
    '/api/providers/:id/test',
    {
      schema: {
        tags: ['providers'],
        description:
          'Tests a provider’s settings with one cheap authenticated call (its account, models or voices) and says what it found in plain words; 200 with ok: false when the call fails, 404 for an unknown provider.',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: ConnectionTest, 404: ErrorBody },
      },
    },
    async (request) => testConnection(app.providers, request.params.id),
  );

  app.get(
    '/api/providers/:id/voices',
    {
      schema: {
        tags: ['providers'],
        description: 'The voices a speech provider offers (none while it is not configured).',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
      },
    },
    async (request) => {
      const speech = app.providers.speech(request.params.id);
      if (!speech) {
        throw new HttpError('not_found', `No speech provider "${request.params.id}"`, null);
      }
      if (!speech.configured()) return [];
      return speech.listVoices();
    },
  );

  app.post(
    '/api/providers/:id/voices/sample',
    {
      schema: {
        tags: ['providers'],
        description:
          'Speaks a sample line in a voice (audio/wav from espeak), to choose a voice by ear; 404 unknown provider, 422 not configured or voice refused.',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        body: VoiceSampleBody,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const tmpRoot = path.join(app.dataDir, 'tmp');
      const { audio, mime } = await speakSample(app.providers.speech(id), id, request.body, tmpRoot);
      return reply.type(mime).header('cache-control', 'no-store').send(audio);
    },
  );
};

export default providers;
