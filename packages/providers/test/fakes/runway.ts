import { type Fake, sendJson, serveMedia, startFake, submissionFault } from './harness';
import { bearerOk, FakeJob, type FakeOptions } from './job';

/** Runway API: POST /v1/{image,text}_to_video, GET/DELETE /v1/tasks/{id}, signed output URLs. */
export async function startRunwayFake(opts: FakeOptions, media: Buffer): Promise<Fake & { job: FakeJob }> {
  const job = new FakeJob(opts);
  const fake = await startFake((req, res, _body, url) => {
    if (url.pathname.startsWith('/files/')) return serveMedia(res, opts.scenario, media, 'video/mp4');
    if (!bearerOk(req.headers.authorization, opts.key) || req.headers['x-runway-version'] !== '2024-11-06') {
      return sendJson(res, 401, { error: 'Invalid API key or version' });
    }
    // The account, as the real API answers GET /v1/organization (a connection test's cheap call).
    if (req.method === 'GET' && url.pathname === '/v1/organization') {
      return sendJson(res, 200, { creditBalance: 1250, tier: { maxMonthlyCreditSpend: 10000, models: {} } });
    }
    if (req.method === 'POST' && /^\/v1\/(image|text)_to_video$/.test(url.pathname)) {
      if (submissionFault(res, opts.scenario, (_s, m) => ({ error: m }))) return;
      return sendJson(res, 200, { id: 'task-1' });
    }
    if (url.pathname === '/v1/tasks/task-1' && req.method === 'DELETE') {
      job.cancelled = true;
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/v1/tasks/task-1') {
      const progress = job.poll();
      if (job.cancelled) return sendJson(res, 200, { id: 'task-1', status: 'CANCELLED', createdAt: 'now' });
      if (progress !== null) {
        return sendJson(res, 200, {
          id: 'task-1',
          status: job.polls === 1 ? 'PENDING' : 'RUNNING',
          progress,
          createdAt: 'now',
        });
      }
      if (opts.scenario === 'filtered') {
        return sendJson(res, 200, {
          id: 'task-1',
          status: 'FAILED',
          failure: 'The output was flagged by content moderation.',
          failureCode: 'SAFETY.OUTPUT.VIDEO',
          createdAt: 'now',
        });
      }
      return sendJson(res, 200, {
        id: 'task-1',
        status: 'SUCCEEDED',
        output: [`${fake.url}/files/out.mp4?_jwt=signed`],
        createdAt: 'now',
      });
    }
    sendJson(res, 404, { error: 'Not found' });
  });
  return Object.assign(fake, { job });
}
