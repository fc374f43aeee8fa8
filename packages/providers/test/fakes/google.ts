import { createVerify } from 'node:crypto';
import { type Fake, sendJson, serveMedia, startFake, submissionFault } from './harness';
import { bearerOk, FakeJob, type FakeOptions } from './job';

const googleError = (code: number, message: string) => ({
  error: {
    code,
    message,
    status:
      code === 429
        ? 'RESOURCE_EXHAUSTED'
        : code === 503
          ? 'UNAVAILABLE'
          : code === 401
            ? 'UNAUTHENTICATED'
            : 'INTERNAL',
  },
});

const FILTERED = {
  raiMediaFilteredCount: 1,
  raiMediaFilteredReasons: [
    'We encountered an issue with the audio for your prompt. You have not been charged.',
  ],
};

/** Gemini API: predictLongRunning, GET operations, files/{id}:download with x-goog-api-key. */
export async function startGeminiFake(opts: FakeOptions, media: Buffer): Promise<Fake & { job: FakeJob }> {
  const job = new FakeJob(opts);
  const op = 'models/veo-3.1-generate-preview/operations/op123';
  const fake = await startFake((req, res, _body, url) => {
    if (req.headers['x-goog-api-key'] !== opts.key)
      return sendJson(res, 403, googleError(403, 'API key not valid.'));
    // A page of models, as the real API answers GET /v1beta/models (a connection test's cheap call).
    if (req.method === 'GET' && url.pathname === '/v1beta/models')
      return sendJson(res, 200, {
        models: [{ name: 'models/veo-3.1-generate-preview', displayName: 'Veo 3.1' }],
        nextPageToken: 'next',
      });
    if (req.method === 'POST' && /^\/v1beta\/models\/[^/]+:predictLongRunning$/.test(url.pathname)) {
      if (submissionFault(res, opts.scenario, googleError)) return;
      return sendJson(res, 200, { name: op });
    }
    if (url.pathname === `/v1beta/${op}`) {
      if (job.poll() !== null) return sendJson(res, 200, { name: op, done: false });
      if (opts.scenario === 'filtered') {
        return sendJson(res, 200, {
          name: op,
          done: true,
          response: { '@type': 'type.googleapis.com/x', generateVideoResponse: FILTERED },
        });
      }
      return sendJson(res, 200, {
        name: op,
        done: true,
        response: {
          generateVideoResponse: {
            generatedSamples: [{ video: { uri: `${fake.url}/v1beta/files/abc123:download?alt=media` } }],
          },
        },
      });
    }
    if (url.pathname === '/v1beta/files/abc123:download' && url.searchParams.get('alt') === 'media') {
      return serveMedia(res, opts.scenario, media, 'video/mp4');
    }
    sendJson(res, 404, googleError(404, 'Not found'));
  });
  return Object.assign(fake, { job });
}

/** OAuth token endpoint: verifies the service account's RS256 JWT assertion with its public key. */
export async function startTokenFake(publicKeyPem: string, token: string): Promise<Fake> {
  return startFake((_req, res, body) => {
    const form = new URLSearchParams(body.toString());
    const assertion = form.get('assertion') ?? '';
    const [h, c, s] = assertion.split('.');
    const ok =
      form.get('grant_type') === 'urn:ietf:params:oauth:grant-type:jwt-bearer' &&
      h !== undefined &&
      c !== undefined &&
      s !== undefined &&
      createVerify('RSA-SHA256').update(`${h}.${c}`).verify(publicKeyPem, Buffer.from(s, 'base64url'));
    if (!ok)
      return sendJson(res, 400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
    sendJson(res, 200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });
  });
}

/** Vertex AI: predictLongRunning and fetchPredictOperation, videos returned inline as base64. */
export async function startVertexFake(
  opts: FakeOptions & { accessToken: string },
  media: Buffer,
): Promise<Fake & { job: FakeJob }> {
  const job = new FakeJob(opts);
  const model = '/v1/projects/proj-1/locations/us-central1/publishers/google/models/veo-3.1-generate-001';
  const op = `projects/proj-1/locations/us-central1/publishers/google/models/veo-3.1-generate-001/operations/op9`;
  const fake = await startFake((req, res, body, url) => {
    if (url.pathname.startsWith('/storage/v1/b/')) {
      if (!bearerOk(req.headers.authorization, opts.accessToken))
        return sendJson(res, 401, googleError(401, 'no'));
      return serveMedia(res, opts.scenario, media, 'video/mp4');
    }
    if (!bearerOk(req.headers.authorization, opts.accessToken))
      return sendJson(res, 401, googleError(401, 'Request had invalid authentication credentials.'));
    // Model Garden's publisher model (a connection test's call), billed to the x-goog-user-project.
    if (req.method === 'GET' && url.pathname.startsWith('/v1/publishers/google/models/')) {
      if (req.headers['x-goog-user-project'] !== 'proj-1')
        return sendJson(res, 403, {
          error: {
            code: 403,
            message: `Caller does not have required permission to use project ${req.headers['x-goog-user-project']}.`,
            status: 'PERMISSION_DENIED',
          },
        });
      const id = url.pathname.slice('/v1/publishers/google/models/'.length);
      return sendJson(res, 200, {
        name: `publishers/google/models/${id}`,
        versionId: '001',
        openSourceCategory: 'PROPRIETARY',
        launchStage: 'GA',
      });
    }
    if (req.method === 'POST' && url.pathname === `${model}:predictLongRunning`) {
      if (submissionFault(res, opts.scenario, googleError)) return;
      return sendJson(res, 200, { name: op });
    }
    if (req.method === 'POST' && url.pathname === `${model}:fetchPredictOperation`) {
      const { operationName } = JSON.parse(body.toString()) as { operationName?: string };
      if (operationName !== op) return sendJson(res, 400, googleError(400, 'bad operation'));
      if (job.poll() !== null) return sendJson(res, 200, { name: op, done: false });
      if (opts.scenario === 'filtered')
        return sendJson(res, 200, { name: op, done: true, response: FILTERED });
      // Expired and cut-short need a URL: those scenarios return a gcsUri, success returns bytes.
      if (opts.scenario === 'expired' || opts.scenario === 'cut_short') {
        return sendJson(res, 200, {
          name: op,
          done: true,
          response: { videos: [{ gcsUri: 'gs://bucket/out/sample_0.mp4', mimeType: 'video/mp4' }] },
        });
      }
      return sendJson(res, 200, {
        name: op,
        done: true,
        response: { videos: [{ bytesBase64Encoded: media.toString('base64'), mimeType: 'video/mp4' }] },
      });
    }
    sendJson(res, 404, googleError(404, 'Not found'));
  });
  return Object.assign(fake, { job });
}
