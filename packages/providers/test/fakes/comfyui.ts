import { type WebSocket, WebSocketServer } from 'ws';
import { type Fake, sendJson, serveMedia, startFake, submissionFault } from './harness';
import { FakeJob, type FakeOptions } from './job';

/**
 * ComfyUI server: /upload/image, /prompt, /history/{id}, /view, /interrupt, /queue and /ws?clientId=.
 * Like the real server, it refuses (403) loopback requests whose Origin differs from Host.
 */
export async function startComfyFake(
  opts: FakeOptions & { websocket: boolean },
  media: Buffer,
): Promise<
  Fake & {
    job: FakeJob;
    uploads: string[];
    prompts: unknown[];
    origins: (string | undefined)[];
    state: { interrupted: boolean };
  }
> {
  const job = new FakeJob(opts);
  const uploads: string[] = [];
  const prompts: unknown[] = [];
  const origins: (string | undefined)[] = [];
  const sockets = new Map<string, WebSocket>();
  const state = { interrupted: false };
  const promptId = '8d5a3d4c-1a2b-4c3d-9e8f-001122334455';
  const send = (clientId: string, type: string, data: Record<string, unknown>) =>
    sockets.get(clientId)?.send(JSON.stringify({ type, data }));

  const output = {
    images: [{ filename: 'ministudio_00001_.mp4', subfolder: 'video', type: 'output' }],
    animated: [true],
  };
  const finishedEntry = () =>
    opts.scenario === 'filtered'
      ? {
          prompt: [0, promptId, {}, {}, ['12']],
          outputs: {},
          status: {
            status_str: 'error',
            completed: false,
            messages: [
              ['execution_start', { prompt_id: promptId }],
              [
                'execution_error',
                {
                  prompt_id: promptId,
                  node_id: '9',
                  exception_message: 'Image blocked by the NSFW safety checker',
                  exception_type: 'ValueError',
                },
              ],
            ],
          },
          meta: {},
        }
      : {
          prompt: [0, promptId, {}, {}, ['12']],
          outputs: { '12': output },
          status: {
            status_str: 'success',
            completed: true,
            messages: [['execution_success', { prompt_id: promptId }]],
          },
          meta: {},
        };
  let finished = false;

  const run = async (clientId: string | null) => {
    // Steps arrive over the socket; history fills in at the end, as in main.py.
    const steps = opts.scenario === 'slow' ? 4 : 1;
    if (clientId !== null) send(clientId, 'execution_start', { prompt_id: promptId });
    for (let i = 1; i <= steps; i++) {
      await new Promise((r) => setTimeout(r, 10));
      if (state.interrupted) {
        if (clientId !== null)
          send(clientId, 'execution_interrupted', {
            prompt_id: promptId,
            node_id: '9',
            node_type: 'KSampler',
            executed: [],
          });
        return;
      }
      if (clientId !== null)
        send(clientId, 'progress', { value: i, max: steps, prompt_id: promptId, node: '9' });
    }
    if (opts.hang) return;
    finished = true;
    if (clientId === null) return;
    if (opts.scenario === 'filtered') {
      send(clientId, 'execution_error', {
        prompt_id: promptId,
        node_id: '9',
        exception_message: 'Image blocked by the NSFW safety checker',
      });
    } else {
      send(clientId, 'executed', { node: '12', output, prompt_id: promptId });
      send(clientId, 'executing', { node: null, prompt_id: promptId });
    }
  };

  const fake = await startFake((req, res, body, url) => {
    origins.push(req.headers.origin);
    if (req.headers.origin !== undefined && new URL(req.headers.origin).host !== req.headers.host) {
      res.writeHead(403).end();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/upload/image') {
      const name = /filename="([^"]+)"/.exec(body.toString('latin1'))?.[1] ?? 'image.png';
      if (!body.toString('latin1').includes('name="image"')) return sendJson(res, 400, {});
      uploads.push(name);
      return sendJson(res, 200, { name, subfolder: '', type: 'input' });
    }
    if (req.method === 'POST' && url.pathname === '/prompt') {
      if (
        submissionFault(res, opts.scenario, (_s, m) => ({
          error: { type: 'server', message: m, details: '', extra_info: {} },
          node_errors: {},
        }))
      )
        return;
      const parsed = JSON.parse(body.toString()) as { prompt: unknown; client_id?: string };
      prompts.push(parsed.prompt);
      const clientId = parsed.client_id ?? null;
      void run(clientId !== null && sockets.has(clientId) ? clientId : null);
      return sendJson(res, 200, { prompt_id: promptId, number: 1, node_errors: {} });
    }
    if (url.pathname === `/history/${promptId}`) {
      job.poll();
      return sendJson(res, 200, finished ? { [promptId]: finishedEntry() } : {});
    }
    if (url.pathname === '/view') {
      if (
        url.searchParams.get('filename') !== 'ministudio_00001_.mp4' ||
        url.searchParams.get('subfolder') !== 'video'
      ) {
        res.writeHead(404).end();
        return;
      }
      return serveMedia(res, opts.scenario, media, 'video/mp4');
    }
    // The server's own description, as ComfyUI answers GET /system_stats (a connection test's call).
    if (req.method === 'GET' && url.pathname === '/system_stats') {
      return sendJson(res, 200, {
        system: {
          os: 'posix',
          ram_total: 67_108_864_000,
          ram_free: 50_000_000_000,
          comfyui_version: '0.3.40',
          python_version: '3.12.3 (main) [GCC 13.2.0]',
          pytorch_version: '2.7.0+cu128',
          embedded_python: false,
          argv: ['main.py', '--listen', '127.0.0.1'],
        },
        devices: [
          {
            name: 'cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync',
            type: 'cuda',
            index: 0,
            vram_total: 25_757_220_864,
            vram_free: 19_541_262_336,
            torch_vram_total: 0,
            torch_vram_free: 0,
          },
        ],
      });
    }
    if (url.pathname === '/interrupt' || url.pathname === '/queue') {
      state.interrupted = true;
      res.writeHead(200).end();
      return;
    }
    res.writeHead(404).end();
  });

  if (opts.websocket) {
    const wss = new WebSocketServer({ noServer: true });
    fake.server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      origins.push(req.headers.origin);
      if (url.pathname !== '/ws' || req.headers.origin !== undefined) {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        const clientId = url.searchParams.get('clientId') ?? 'anon';
        sockets.set(clientId, ws);
        ws.send(
          JSON.stringify({
            type: 'status',
            data: { status: { exec_info: { queue_remaining: 0 } }, sid: clientId },
          }),
        );
      });
    });
    const close = fake.close;
    fake.close = async () => {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await close();
    };
  }
  return Object.assign(fake, {
    job,
    uploads,
    prompts,
    origins,
    state,
  });
}
