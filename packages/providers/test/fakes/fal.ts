import { type Fake, sendJson, serveMedia, startFake, submissionFault } from './harness';
import { FakeJob, type FakeOptions } from './job';

/** fal queue: POST /{model}/{path}; status, result and cancel under /{owner}/{app}/requests/{id}. */
export async function startFalFake(opts: FakeOptions, media: Buffer): Promise<Fake & { job: FakeJob }> {
  const job = new FakeJob(opts);
  const app = '/fal-ai/kling-video';
  const urls = () => ({
    request_id: 'req-1',
    status_url: `${fake.url}${app}/requests/req-1/status`,
    response_url: `${fake.url}${app}/requests/req-1`,
    cancel_url: `${fake.url}${app}/requests/req-1/cancel`,
  });
  const fake: Fake = await startFake((req, res, _body, url) => {
    if (url.pathname.startsWith('/files/')) return serveMedia(res, opts.scenario, media, 'video/mp4');
    if (req.headers.authorization !== `Key ${opts.key}`)
      return sendJson(res, 401, { detail: 'No user found for Key ID and Secret' });
    // The Platform API's pricing (api.fal.ai in production), as a connection test reads it.
    if (req.method === 'GET' && url.pathname === '/v1/models/pricing') {
      const ids = url.searchParams.getAll('endpoint_id');
      return sendJson(res, 200, {
        prices: ids.map((id) => ({ endpoint_id: id, unit_price: 0.28, unit: 'second', currency: 'USD' })),
        next_cursor: null,
        has_more: false,
      });
    }
    if (req.method === 'POST' && url.pathname.startsWith(`${app}/v2.1/master/`)) {
      if (submissionFault(res, opts.scenario, (_s, m) => ({ detail: m }))) return;
      return sendJson(res, 200, { status: 'IN_QUEUE', queue_position: 0, ...urls() });
    }
    if (url.pathname === `${app}/requests/req-1/cancel` && req.method === 'PUT') {
      job.cancelled = true;
      return sendJson(res, 202, { status: 'CANCELLATION_REQUESTED' });
    }
    if (url.pathname === `${app}/requests/req-1/status`) {
      const progress = job.poll();
      if (progress !== null) {
        return sendJson(res, 202, {
          status: job.polls === 1 ? 'IN_QUEUE' : 'IN_PROGRESS',
          queue_position: 0,
          logs: [],
          ...urls(),
        });
      }
      return sendJson(res, 200, {
        status: 'COMPLETED',
        logs: [],
        metrics: { inference_time: 1.2 },
        ...urls(),
      });
    }
    if (url.pathname === `${app}/requests/req-1`) {
      if (opts.scenario === 'filtered') {
        return sendJson(res, 422, {
          detail: [
            {
              loc: ['body', 'prompt'],
              msg: 'The content could not be processed because it contained material flagged by a content checker.',
              type: 'content_policy_violation',
            },
          ],
        });
      }
      return sendJson(res, 200, {
        video: {
          url: `${fake.url}/files/out.mp4`,
          content_type: 'video/mp4',
          file_name: 'out.mp4',
          file_size: media.length,
        },
      });
    }
    sendJson(res, 404, { detail: 'Not found' });
  });
  return Object.assign(fake, { job });
}
