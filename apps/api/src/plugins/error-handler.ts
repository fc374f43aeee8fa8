import { schemaIssues } from '@ministudio/domain';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../lib/http-error';

type Reply = { code: string; message: string; details: unknown; status: number };

/** Maps every error to one shape. Client mistakes get a 4xx; only our own bugs become a 500. */
function toReply(error: FastifyError | HttpError | Error): Reply {
  if (error instanceof HttpError) {
    return { status: error.statusCode, code: error.code, message: error.message, details: error.details };
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    const where = fe.validationContext ?? 'body';
    const issues = schemaIssues(
      fe.validation.map((v) => ({
        instancePath: v.instancePath,
        message: v.message ?? 'is invalid',
        keyword: v.keyword,
        params: v.params,
      })),
    ).map((issue) => ({ path: `${where}${issue.path}`, message: issue.message }));
    const first = issues[0];
    return {
      status: 400,
      code: 'validation_failed',
      message: first ? `Invalid request: ${first.path} ${first.message}` : 'Invalid request',
      details: { issues },
    };
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return { status: 413, code: 'payload_too_large', message: 'The request is too large', details: null };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return {
        status: 415,
        code: 'unsupported_media_type',
        message: 'Unsupported content type for this route',
        details: null,
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return {
        status: 400,
        code: 'validation_failed',
        message: 'The body is not valid JSON',
        details: { issues: [] },
      };
  }
  if (error instanceof SyntaxError && fe.statusCode === 400) {
    return {
      status: 400,
      code: 'validation_failed',
      message: 'The body is not valid JSON',
      details: { issues: [] },
    };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      status: fe.statusCode,
      code: 'validation_failed',
      message: 'The request could not be understood',
      details: null,
    };
  }
  return { status: 500, code: 'internal', message: 'Something went wrong inside the studio', details: null };
}

export default fp(async function errorHandler(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    const out = toReply(error as FastifyError);
    if (out.status >= 500) request.log.error({ err: error }, 'unhandled error');
    // Never echo a raw error message: only the mapped, client-safe one leaves the server.
    return reply
      .status(out.status)
      .send({ error: { code: out.code, message: out.message, details: out.details } });
  });
});
