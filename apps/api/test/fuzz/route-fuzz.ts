import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { SAMPLE_PRODUCTIONS } from '@ministudio/domain';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { fuzzArbitrary, type JsonSchema, validArbitrary } from './schema-arbitrary';

// Property-based fuzzing of the studio through its OpenAPI document: every operation, with params, query,
// headers and bodies drawn from its own schemas (valid-looking or hostile). The property: no 5xx, every
// error in the error shape, no stack trace or file path in any message. Used by `npm test` (a bounded
// sample) and `pnpm bench fuzz` (a thousand cases per route).

type Operation = {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

export interface FuzzFailure {
  route: string;
  status: number;
  why: string;
  request: { url: string; body: string | undefined };
  body: string;
}

export interface FuzzReport {
  routes: number;
  cases: number;
  statuses: Record<string, number>;
  failures: FuzzFailure[];
  seconds: number;
}

/** Where rendering or synthesis would start for real, or an event stream would stay open for good: only
 * ids that match nothing are sent there. */
const HEAVY = /\/render|\/film|\/drift|voice-sample|speech-preview|\/edit\b|storyboard\.pdf|\/events/;
// Accounts last: once a fuzzed body makes the first account, every later request is answered 401.
const LAST = /^\/api\/(users|tokens|auth)/;
const LEAK = /\n\s+at |node_modules|\/work\/|\/tmp\/|[\w-]+\.ts:\d+|ministudio-api-/;

/** Checks one answer against the property; the reason it fails, or null. */
export function problemWith(response: LightMyRequestResponse): string | null {
  if (response.statusCode >= 500) return `answered ${response.statusCode}`;
  if (response.statusCode < 400) return null;
  let body: { error?: { code?: unknown; message?: unknown; details?: unknown } };
  try {
    body = JSON.parse(response.body) as typeof body;
  } catch {
    return 'error body is not JSON';
  }
  const error = body.error;
  if (
    !error ||
    typeof error.code !== 'string' ||
    typeof error.message !== 'string' ||
    !('details' in error)
  ) {
    return 'error not in the {"error": {"code", "message", "details"}} shape';
  }
  if (LEAK.test(error.message) || LEAK.test(JSON.stringify(error.details ?? null))) {
    return 'error leaks a stack trace or a file path';
  }
  return null;
}

function operations(app: FastifyInstance): { method: string; path: string; op: Operation }[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, Operation>> };
  const list = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
  return [...list.filter((o) => !LAST.test(o.path)), ...list.filter((o) => LAST.test(o.path))];
}

const garbageId = fc.oneof(
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.constantFrom('..%2F..%2Fetc%2Fpasswd', '%00', "1' OR '1'='1", 'x'.repeat(3000), '-1', '0', 'null'),
);

function caseArbitrary(path: string, op: Operation, knownIds: string[]) {
  const params = op.parameters ?? [];
  const idArbitrary =
    knownIds.length && !HEAVY.test(path) ? fc.oneof(fc.constantFrom(...knownIds), garbageId) : garbageId;
  const pathParams = fc.record(
    Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, idArbitrary])),
  );
  const query = fc.record(
    Object.fromEntries(
      params
        .filter((p) => p.in === 'query')
        .map((p) => [p.name, fc.oneof(validArbitrary(p.schema), garbageId)]),
    ),
    { requiredKeys: [] },
  );
  const headers = fc.record(
    {
      'if-match': fc.oneof(fc.nat({ max: 50 }).map(String), fc.string({ maxLength: 20 }), fc.constant('*')),
      'content-type': fc.constantFrom(
        'application/json',
        'application/json',
        'text/plain',
        'multipart/form-data',
      ),
      range: fc.constantFrom('bytes=0-10', 'bytes=9999999-', 'bytes=abc', 'items=0-1'),
    },
    { requiredKeys: [] },
  );
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const body = op.requestBody ? fc.option(fuzzArbitrary(bodySchema), { freq: 8 }) : fc.constant(undefined);
  return fc.record({ pathParams, query, headers, body });
}

function urlFor(path: string, pathParams: Record<string, unknown>, query: Record<string, unknown>): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(pathParams[name] ?? 'x')),
  );
  const search = new URLSearchParams(
    Object.entries(query).map(([k, v]): [string, string] => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]),
  ).toString();
  return search ? `${filled}?${search}` : filled;
}

export async function fuzzRoutes(
  app: FastifyInstance,
  options: { casesPerRoute: number; seed: number; knownIds: string[]; onRoute?: (route: string) => void },
): Promise<FuzzReport> {
  const started = performance.now();
  const report: FuzzReport = { routes: 0, cases: 0, statuses: {}, failures: [], seconds: 0 };
  for (const { method, path, op } of operations(app)) {
    const route = `${method} ${path}`;
    options.onRoute?.(route);
    report.routes++;
    const cases = fc.sample(caseArbitrary(path, op, options.knownIds), {
      numRuns: options.casesPerRoute,
      seed: options.seed + report.routes,
    });
    for (const c of cases) {
      const url = urlFor(path, c.pathParams, c.query);
      const payload = c.body === undefined || c.body === null ? undefined : JSON.stringify(c.body);
      const response = await app.inject({
        method: method as 'GET',
        url,
        headers: {
          ...(c.headers as Record<string, string>),
          ...(payload ? {} : { 'content-type': undefined }),
        },
        ...(payload !== undefined && method !== 'GET' && method !== 'HEAD' ? { payload } : {}),
      });
      report.cases++;
      const status = String(response.statusCode);
      report.statuses[status] = (report.statuses[status] ?? 0) + 1;
      const why = problemWith(response);
      if (why) {
        report.failures.push({
          route,
          status: response.statusCode,
          why,
          request: { url: url.slice(0, 200), body: payload?.slice(0, 300) },
          body: response.body.slice(0, 300),
        });
      }
    }
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** A PNG whose header claims `width` × `height` pixels, with a few bytes of image data. */
export function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    typed.copy(out, 4);
    out.writeUInt32BE(crc32(typed) >>> 0, 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0, 0, 0, 2, 0, 1])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

type Doc = (typeof SAMPLE_PRODUCTIONS)[number];

/** Production documents that look like ours but are wrong in the ways real files are. */
export function productionArbitrary(): fc.Arbitrary<unknown> {
  const sample = fc.constantFrom(...SAMPLE_PRODUCTIONS).map((d) => structuredClone(d) as Doc);
  const edits: fc.Arbitrary<(doc: Doc) => unknown>[] = [
    fc.string({ maxLength: 20 }).map((key) => (doc: Doc) => {
      const shot = doc.scenes[0]?.shots[0];
      if (shot) shot.dialogue = [{ character: key || 'ghost', text: 'Who am I?' }];
      return doc;
    }),
    fc.string({ maxLength: 20 }).map((key) => (doc: Doc) => {
      if (doc.scenes[0]) (doc.scenes[0] as { environment: string }).environment = key;
      return doc;
    }),
    fc.integer({ min: 100, max: 1500 }).map((n) => (doc: Doc) => {
      const scene = doc.scenes[0];
      if (scene?.shots[0]) scene.shots = Array.from({ length: n }, () => structuredClone(scene.shots[0]!));
      return doc;
    }),
    fc.integer({ min: 50, max: 1500 }).map((depth) => (doc: Doc) => {
      (doc.project as Record<string, unknown>).title = JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
      return doc;
    }),
    fc
      .uint8Array({ minLength: 1, maxLength: 4000 })
      .map((bytes) => (doc: Doc) => garbageAsset(doc, Buffer.from(bytes))),
    fc
      .tuple(fc.integer({ min: 20_000, max: 2 ** 31 - 1 }), fc.integer({ min: 20_000, max: 2 ** 31 - 1 }))
      .map(
        ([w, h]) =>
          (doc: Doc) =>
            garbageAsset(doc, pngClaiming(w, h)),
      ),
    fc.jsonValue({ maxDepth: 3 }).map((value) => (doc: Doc) => ({ ...doc, characters: value })),
    fc.constant((doc: Doc) => ({ ...doc, format: 'something/else' })),
  ];
  return fc
    .tuple(sample, fc.array(fc.oneof(...edits), { minLength: 1, maxLength: 3 }))
    .map(([doc, changes]) => changes.reduce<unknown>((d, change) => change(d as Doc), doc));
}

/** Makes the first character's reference image a file with these bytes, said to be a PNG. */
function garbageAsset(doc: Doc, bytes: Buffer): Doc {
  if (!doc || typeof doc !== 'object') return doc;
  const sha = createHash('sha256').update(bytes).digest('hex');
  (doc as { assets: Record<string, unknown> }).assets = {
    ...(doc as { assets?: Record<string, unknown> }).assets,
    [sha]: { mime: 'image/png', name: 'garbage.png', data: bytes.toString('base64') },
  };
  const character: unknown = Array.isArray(doc.characters) ? doc.characters[0] : undefined;
  if (character && typeof character === 'object')
    (character as { referenceImages: string[] }).referenceImages = [sha];
  return doc;
}
