import { type Fake, sendJson, serveMedia, startFake, submissionFault } from './harness';
import { bearerOk, FakeJob, type FakeOptions } from './job';

/** Replicate: POST /v1/models/{owner}/{name}/predictions, GET /v1/predictions/{id}, POST …/cancel. */
export async function startReplicateFake(opts: FakeOptions, media: Buffer): Promise<Fake & { job: FakeJob }> {
  const job = new FakeJob(opts);
  const prediction = (status: string, extra: Record<string, unknown>) => ({
    id: 'pred-1',
    status,
    model: 'google/veo-3-fast',
    version: 'v1',
    input: {},
    logs: '',
    error: null,
    output: null,
    data_removed: false,
    created_at: 'now',
    urls: { get: `${fake.url}/v1/predictions/pred-1`, cancel: `${fake.url}/v1/predictions/pred-1/cancel` },
    ...extra,
  });
  const fake: Fake = await startFake((req, res, _body, url) => {
    if (url.pathname.startsWith('/delivery/')) return serveMedia(res, opts.scenario, media, 'video/mp4');
    if (!bearerOk(req.headers.authorization, opts.key))
      return sendJson(res, 401, {
        title: 'Unauthenticated',
        detail: 'You did not pass a valid authentication token',
        status: 401,
      });
    // The account, as the real API answers GET /v1/account (a connection test's cheap call).
    if (req.method === 'GET' && url.pathname === '/v1/account')
      return sendJson(res, 200, { type: 'user', username: 'studio-tester', name: 'Studio Tester' });
    if (req.method === 'POST' && /^\/v1\/models\/[^/]+\/[^/]+\/predictions$/.test(url.pathname)) {
      if (opts.scenario === 'rate_limited_retry_after') {
        return sendJson(
          res,
          429,
          { detail: 'Request was throttled. Your rate limit resets in ~7s.', status: 429 },
          { 'retry-after': '7' },
        );
      }
      if (submissionFault(res, opts.scenario, (status, m) => ({ detail: m, status }))) return;
      return sendJson(res, 201, prediction('starting', {}));
    }
    if (url.pathname === '/v1/predictions/pred-1/cancel') {
      job.cancelled = true;
      return sendJson(res, 200, prediction('canceled', {}));
    }
    if (url.pathname === '/v1/predictions/pred-1') {
      const progress = job.poll();
      if (progress !== null) {
        return sendJson(
          res,
          200,
          prediction('processing', { logs: `Generating...\n${Math.round(progress * 100)}%|####| step` }),
        );
      }
      if (opts.scenario === 'filtered') {
        return sendJson(
          res,
          200,
          prediction('failed', {
            error:
              'The input or output was flagged as sensitive. Please try again with different inputs. (E005)',
          }),
        );
      }
      return sendJson(res, 200, prediction('succeeded', { output: `${fake.url}/delivery/out.mp4` }));
    }
    sendJson(res, 404, { detail: 'Not found', status: 404 });
  });
  return Object.assign(fake, { job });
}
