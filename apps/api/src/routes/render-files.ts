import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@ministudio/domain';
import type { FastifyReply } from 'fastify';
import { sendStoredFile } from '../lib/send-stored-file';
import { IdParams } from './common';

const tags = ['render'];

/** What renders made, as files: the film and each shot's chosen clip and proxy, with HTTP Range support. */
const renderFiles: FastifyPluginAsyncTypebox = async (app) => {
  const sendFile = async (reply: FastifyReply, assetId: string, filename: string | null) =>
    sendStoredFile(reply, app.assets, await app.assetsRepository.find(assetId, 'File'), { filename });

  app.get(
    '/api/projects/:id/film',
    {
      schema: {
        tags,
        description: 'The finished film (MP4, HTTP Range supported); 404 until it has been assembled.',
        params: IdParams,
        response: { 404: ErrorBody, 416: ErrorBody },
      },
    },
    async (request, reply) => {
      const { assetId, filename } = await app.filmRepository.file(request.params.id);
      return sendFile(reply, assetId, filename);
    },
  );

  for (const kind of ['srt', 'vtt'] as const) {
    app.get(
      `/api/projects/:id/film/subtitles.${kind}`,
      {
        schema: {
          tags,
          description: `The finished film's dialogue and narration as ${kind === 'srt' ? 'SubRip (application/x-subrip)' : 'WebVTT (text/vtt), the player’s subtitle track'}; 404 until the film has been assembled.`,
          params: IdParams,
          response: { 404: ErrorBody, 416: ErrorBody },
        },
      },
      async (request, reply) => {
        const { assetId, filename } = await app.filmRepository.file(request.params.id, kind);
        return sendFile(reply, assetId, filename);
      },
    );
  }

  for (const [route, role, what] of [
    [
      '/api/shots/:id/preview',
      'video',
      'the chosen take’s finished clip (house format, with its fitted speech)',
    ],
    ['/api/shots/:id/proxy', 'proxy', 'the chosen take’s 540p scrubbing proxy'],
  ] as const) {
    app.get(
      route,
      {
        schema: {
          tags,
          description: `Serves ${what}, with HTTP Range support.`,
          params: IdParams,
          response: { 404: ErrorBody, 416: ErrorBody },
        },
      },
      async (request, reply) =>
        sendFile(reply, await app.takesRepository.chosenFile(request.params.id, role), null),
    );
  }
};

export default renderFiles;
