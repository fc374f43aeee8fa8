import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@ministudio/domain';
import { EDIT_FORMATS, editFile, isEditFormat } from '@ministudio/edit-export';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import { HttpError } from '../lib/http-error';
import { assertClipsOnDisk, editZip, loadEdit, storyboard } from '../services/edit-export';
import { IdParams } from './common';

const FORMATS = Object.keys(EDIT_FORMATS);

/** A download's Content-Disposition: a plain ASCII name, and the real one for clients that read filename*. */
function attachment(reply: FastifyReply, name: string) {
  const ascii = name.replace(/[^\w .()-]+/g, '_');
  reply.header(
    'content-disposition',
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
}

/** The cut handed on to other editing software, and the printable storyboard. */
const editExport: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/projects/:id/edit',
    {
      schema: {
        tags: ['render'],
        description: `The cut (every shot's chosen take in order, scene markers, dialogue and narration) for other editing software, as a zip of the edit file, subtitles.srt and the clips it names by relative paths. format: ${FORMATS.map((f) => `${f} (${EDIT_FORMATS[f as keyof typeof EDIT_FORMATS].label}: ${EDIT_FORMATS[f as keyof typeof EDIT_FORMATS].opens})`).join(', ')}. media=none answers the edit file alone. 409 not_ready names the shots without a finished take.`,
        params: IdParams,
        querystring: Type.Object({
          format: Type.Optional(Type.String({ description: FORMATS.join(' | ') })),
          media: Type.Optional(
            Type.Union([Type.Literal('clips'), Type.Literal('none')], { default: 'clips' }),
          ),
        }),
        response: { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const { format, media } = request.query;
      if (!isEditFormat(format)) {
        throw new HttpError(
          'validation_failed',
          format === undefined
            ? `Say which format: format=${FORMATS.join(', ')}`
            : `Unknown edit format "${format}": use one of ${FORMATS.join(', ')}`,
          {
            formats: FORMATS,
            issues: [{ path: '/format', message: `must be one of ${FORMATS.join(', ')}` }],
          },
        );
      }
      const edit = await loadEdit(app.db, app.assets, request.params.id);
      if (media === 'none') {
        const file = editFile(edit.cut, format);
        attachment(reply, file.name);
        return (reply as FastifyReply).type(`${file.mime}; charset=utf-8`).send(file.text);
      }
      await assertClipsOnDisk(edit);
      attachment(reply, `${edit.base} (${format}).zip`);
      // Streamed: a long film's zip is never held in memory. (Untyped reply: the body is bytes, not JSON.)
      return (reply as FastifyReply).type('application/zip').send(editZip(edit, format, true));
    },
  );

  app.get(
    '/api/projects/:id/storyboard.pdf',
    {
      schema: {
        tags: ['projects'],
        description:
          'The storyboard to print (A4 landscape): each scene on its own pages, six shots a page, each a frame (the chosen take’s poster, else the shot’s card) with its number, type, camera, duration, action, dialogue and narration; the title on top and page numbers at the foot.',
        params: IdParams,
        response: { 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const { name, stream } = await storyboard(app.db, app.assets, request.params.id);
      attachment(reply, name);
      return (reply as FastifyReply).type('application/pdf').send(stream);
    },
  );
};

export default editExport;
