import { type Fake, sendJson, serveMedia, startFake, submissionFault } from './harness';
import { bearerOk, FakeJob, type FakeOptions } from './job';

/** Luma Dream Machine: POST /dream-machine/v1/generations/video, GET/DELETE /generations/{id}. */
export async function startLumaFake(opts: FakeOptions, media: Buffer): Promise<Fake & { job: FakeJob }> {
  const job = new FakeJob(opts);
  const base = '/dream-machine/v1';
  const generation = (state: string, extra: Record<string, unknown>) => ({
    id: 'gen-1',
    state,
    generation_type: 'video',
    created_at: 'now',
    model: 'ray-2',
    assets: null,
    failure_reason: null,
    ...extra,
  });
  const fake = await startFake((req, res, _body, url) => {
    if (url.pathname.startsWith('/cdn/')) return serveMedia(res, opts.scenario, media, 'video/mp4');
    if (!bearerOk(req.headers.authorization, opts.key))
      return sendJson(res, 401, { detail: 'Invalid API key' });
    // A page of generations, as the real API answers GET /generations (a connection test's cheap call).
    if (req.method === 'GET' && url.pathname === `${base}/generations`)
      return sendJson(res, 200, {
        generations: [],
        count: 3,
        limit: Number(url.searchParams.get('limit') ?? 10),
        offset: 0,
      });
    if (req.method === 'POST' && url.pathname === `${base}/generations/video`) {
      if (submissionFault(res, opts.scenario, (_s, m) => ({ detail: m }))) return;
      return sendJson(res, 201, generation('queued', {}));
    }
    if (url.pathname === `${base}/generations/gen-1` && req.method === 'DELETE') {
      job.cancelled = true;
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === `${base}/generations/gen-1`) {
      const progress = job.poll();
      if (progress !== null)
        return sendJson(res, 200, generation(job.polls === 1 ? 'queued' : 'dreaming', {}));
      if (opts.scenario === 'filtered') {
        return sendJson(
          res,
          200,
          generation('failed', {
            failure_reason: 'Prompt not allowed because it violates our moderation policy',
          }),
        );
      }
      return sendJson(res, 200, generation('completed', { assets: { video: `${fake.url}/cdn/gen-1.mp4` } }));
    }
    sendJson(res, 404, { detail: 'Not found' });
  });
  return Object.assign(fake, { job });
}
