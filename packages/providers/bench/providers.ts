// `pnpm bench providers`: a whole Runway-protocol generation against a local fake (submit, poll,
// download to a temp name, length check, sniff, mp4 box check, rename) beside `curl -o` of the same result,
// and the cost of checkRequest. Rewrites its section of docs/benchmarks.md.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeFileAtomic } from '@ministudio/files';
import { GEMINI_VEO_MODELS } from '../src/capability-tables';
import { checkRequest } from '../src/check-request';
import { createRunwayProvider } from '../src/video/runway';
import { videoRequest } from '../test/fakes/request';
import { startRunwayFake } from '../test/fakes/runway';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const work = await mkdtemp(path.join(tmpdir(), 'ministudio-bench-providers-'));
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;
const RUNS = 7;
const KEY = 'key_BENCH_runway_0000000000';

try {
  process.stderr.write('making a result clip...\n');
  const clip = path.join(work, 'result.mp4');
  await run('ffmpeg', [
    '-hide_banner',
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=1280x720:r=24:d=8',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-crf',
    '8',
    '-movflags',
    '+faststart',
    clip,
  ]);
  const bytes = await readFile(clip);
  const fake = await startRunwayFake({ key: KEY, scenario: 'success', hang: false }, bytes);
  const provider = createRunwayProvider(
    { apiSecret: KEY, baseUrl: fake.url },
    {
      fetch: globalThis.fetch,
      log: () => {},
      requestTimeoutMs: 60_000,
      poll: { intervalMs: 1, timeoutMs: 60_000 },
    },
  );
  const ours: number[] = [];
  const curl: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = await mkdtemp(path.join(work, 'job-'));
    fake.job.polls = 0;
    let t = performance.now();
    const result = await provider.generate(videoRequest({ model: 'gen4.5', durationSeconds: 8 }), {
      signal: new AbortController().signal,
      onProgress: () => {},
      workDir: dir,
    });
    ours.push((performance.now() - t) / 1000);
    await rm(result.path);
    t = performance.now();
    await run('curl', ['-sf', '-o', path.join(dir, 'curl.mp4'), `${fake.url}/files/out.mp4`]);
    curl.push((performance.now() - t) / 1000);
  }
  await fake.close();

  const caps = GEMINI_VEO_MODELS[0]!.capabilities;
  const input = {
    durationSeconds: 5.2,
    width: 1024,
    height: 576,
    aspectRatio: '16:9' as const,
    wantsSeed: true,
    firstFrame: true,
    lastFrame: false,
    references: [{ kind: 'character' as const }],
    promptLength: 900,
  };
  const checkRuns: number[] = [];
  for (let r = 0; r < 5; r++) {
    const n = 20_000;
    const t = performance.now();
    for (let i = 0; i < n; i++) checkRequest(caps, input);
    checkRuns.push(((performance.now() - t) * 1000) / n);
  }

  const figures = {
    generate_download_s: round(median(ours)),
    curl_download_s: round(median(curl)),
    generate_ratio: round(median(ours) / median(curl), 2),
    result_mb: round(bytes.length / 1e6, 1),
    check_request_us: round(median(checkRuns), 2),
  };
  const cpu = /model name\s*:\s*(.*)/.exec(await readFile('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
  const ffmpegVersion = execFileSync('ffmpeg', ['-version']).toString().split('\n')[0];
  const section = `<!-- bench:providers -->
Provider adapter overhead: a whole generation through the Runway adapter against its local fake
(submit, poll, stream the ${figures.result_mb} MB result to a temp name, Content-Length check, sniff,
mp4 box check, rename) beside \`curl -o\` of the same result URL. Medians of ${RUNS} runs; run ${new Date().toISOString()} on
${cpus().length} cores (nproc), ${cpu}, ${round(totalmem() / 2 ** 30, 1)} GiB memory, ${ffmpegVersion}, Node ${process.version}.

| measure | ours | curl | ratio | target |
|---|---|---|---|---|
| generate + download (fixed cost: submit and one poll) | ${figures.generate_download_s} s | ${figures.curl_download_s} s | ${figures.generate_ratio} | none set |
| checkRequest (Veo 3.1, with adjustments and a violation) | ${figures.check_request_us} µs | | | none set |

No issue sets a target here: the figures show that the adapter's own work (one submit, one poll, a checked
download) costs tens of milliseconds beside a plain download, nothing beside a provider's minutes of generation.
<!-- /bench:providers -->`;
  const docPath = path.join(root, 'docs', 'benchmarks.md');
  const doc = await readFile(docPath, 'utf8');
  const marker = /<!-- bench:providers -->[\s\S]*?<!-- \/bench:providers -->/;
  const next = marker.test(doc) ? doc.replace(marker, section) : `${doc.trimEnd()}\n\n${section}\n`;
  await writeFileAtomic(docPath, next);
  console.log(JSON.stringify(figures));
} finally {
  await rm(work, { recursive: true, force: true });
}
