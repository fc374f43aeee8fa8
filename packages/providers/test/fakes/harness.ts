import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Every way a provider misbehaves that the adapters must classify. */
export const SCENARIOS = [
  'success',
  'slow',
  'rate_limited_retry_after',
  'rate_limited',
  'server_error',
  'unavailable',
  'malformed',
  'filtered',
  'expired',
  'cut_short',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface Fake {
  url: string;
  server: Server;
  requests: Recorded[];
  close(): Promise<void>;
}

export type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  url: URL,
) => void | Promise<void>;

export async function startFake(handler: Handler): Promise<Fake> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push({ method: req.method ?? 'GET', path: url.pathname, headers: req.headers, body });
      Promise.resolve(handler(req, res, body, url)).catch((error: unknown) => {
        res.statusCode = 599;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Faults at submission, in the provider's own error dialect. Returns true when it answered.
 * `errorBody` builds the provider-specific JSON error.
 */
export function submissionFault(
  res: ServerResponse,
  scenario: Scenario,
  errorBody: (status: number, message: string) => unknown,
): boolean {
  switch (scenario) {
    case 'rate_limited_retry_after':
      sendJson(res, 429, errorBody(429, 'Too many requests'), { 'retry-after': '7' });
      return true;
    case 'rate_limited':
      sendJson(res, 429, errorBody(429, 'Too many requests'));
      return true;
    case 'server_error':
      sendJson(res, 500, errorBody(500, 'Internal error'));
      return true;
    case 'unavailable':
      sendJson(res, 503, errorBody(503, 'Service unavailable'));
      return true;
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": "abc", ');
      return true;
    default:
      return false;
  }
}

/** Serves the result file: gone when expired, cut short half way (Content-Length says otherwise). */
export function serveMedia(res: ServerResponse, scenario: Scenario, bytes: Buffer, mime: string): void {
  if (scenario === 'expired') {
    res.writeHead(404, { 'content-type': 'application/xml' });
    res.end('<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
    return;
  }
  if (scenario === 'cut_short') {
    res.writeHead(200, { 'content-type': mime, 'content-length': String(bytes.length) });
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
    return;
  }
  res.writeHead(200, { 'content-type': mime, 'content-length': String(bytes.length) });
  res.end(bytes);
}

/** Counts polls per job so "slow" jobs report progress several times before finishing. */
export function pollsNeeded(scenario: Scenario): number {
  return scenario === 'slow' ? 4 : 1;
}
