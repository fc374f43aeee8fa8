import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { ffprobePath } from './binaries';
import { cancelledError, MediaError } from './errors';

const run = promisify(execFile);

/** ffprobe's JSON (`-of json`), the fields we read; numbers often arrive as strings. */
interface FfprobeStream {
  index: number;
  codec_type?: string;
  codec_name?: string;
  profile?: string | number;
  width?: number;
  height?: number;
  pix_fmt?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  duration?: string;
  start_time?: string;
  nb_frames?: string;
  nb_read_packets?: string;
  has_b_frames?: number;
  sample_rate?: string;
  channels?: number;
  channel_layout?: string;
  disposition?: { attached_pic?: number };
}

export interface FfprobeData {
  streams: FfprobeStream[];
  format: { format_name?: string; duration?: string; bit_rate?: string };
  chapters?: { start_time?: string; end_time?: string; tags?: { title?: string } }[];
}

export interface VideoStreamInfo {
  index: number;
  codec: string;
  profile: string | null;
  width: number;
  height: number;
  pixelFormat: string | null;
  /** The nominal rate (r_frame_rate); see `variableFrameRate`. */
  fps: number;
  averageFps: number;
  variableFrameRate: boolean;
  durationSeconds: number | null;
  /** When the stream starts on the container's clock (drift review reads audio-vs-video start offsets). */
  startSeconds?: number | null;
  frameCount: number | null;
  /** B-frames reorder pictures; the house format has none, so cuts at keyframes stay exact. */
  hasBFrames: boolean;
}

export interface AudioStreamInfo {
  index: number;
  codec: string;
  sampleRate: number;
  channels: number;
  channelLayout: string | null;
  durationSeconds: number | null;
  startSeconds?: number | null;
}

export interface StreamInfo {
  index: number;
  kind: 'video' | 'audio' | 'subtitle' | 'data' | 'other';
  codec: string | null;
}

export interface MediaInfo {
  path: string;
  /** ffprobe's format name, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  container: string;
  durationSeconds: number;
  sizeBytes: number;
  bitRate: number | null;
  /** The first video stream (attached pictures such as cover art are not video). */
  video: VideoStreamInfo | null;
  audio: AudioStreamInfo | null;
  streams: StreamInfo[];
  chapters: { start: number; end: number; title: string | null }[];
}

/** ffprobe's "24000/1001" or "N/A" as a number (0 when unknown). */
export function parseRate(rate: string | undefined): number {
  if (!rate) return 0;
  const [num, den] = rate.split('/').map(Number);
  if (num === undefined || !Number.isFinite(num)) return 0;
  if (den === undefined) return num;
  return den > 0 && Number.isFinite(den) ? num / den : 0;
}

function numberOrNull(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

function kindOf(stream: FfprobeStream): StreamInfo['kind'] {
  const type = stream.codec_type;
  if (type === 'video') return stream.disposition?.attached_pic ? 'other' : 'video';
  if (type === 'audio' || type === 'subtitle' || type === 'data') return type;
  return 'other';
}

/** Maps ffprobe's data to our typed result; pure, so it is tested on recorded ffprobe output too. */
export function toMediaInfo(path: string, data: FfprobeData, sizeBytes: number): MediaInfo {
  const streams = data.streams.map((s) => ({ index: s.index, kind: kindOf(s), codec: s.codec_name ?? null }));
  const v = data.streams.find((s) => kindOf(s) === 'video');
  const a = data.streams.find((s) => s.codec_type === 'audio');
  const video: VideoStreamInfo | null = v
    ? {
        index: v.index,
        codec: v.codec_name ?? 'unknown',
        profile: typeof v.profile === 'string' ? v.profile : null,
        width: v.width ?? 0,
        height: v.height ?? 0,
        pixelFormat: v.pix_fmt ?? null,
        fps: parseRate(v.r_frame_rate),
        averageFps: parseRate(v.avg_frame_rate),
        variableFrameRate: isVariable(parseRate(v.r_frame_rate), parseRate(v.avg_frame_rate)),
        durationSeconds: numberOrNull(v.duration),
        startSeconds: numberOrNull(v.start_time),
        frameCount: numberOrNull(v.nb_frames),
        hasBFrames: (numberOrNull(v.has_b_frames) ?? 0) > 0,
      }
    : null;
  const audio: AudioStreamInfo | null = a
    ? {
        index: a.index,
        codec: a.codec_name ?? 'unknown',
        sampleRate: numberOrNull(a.sample_rate) ?? 0,
        channels: a.channels ?? 0,
        channelLayout: a.channel_layout && a.channel_layout !== 'unknown' ? a.channel_layout : null,
        durationSeconds: numberOrNull(a.duration),
        startSeconds: numberOrNull(a.start_time),
      }
    : null;
  const formatDuration = numberOrNull(data.format.duration);
  return {
    path,
    container: data.format.format_name ?? 'unknown',
    durationSeconds: formatDuration ?? video?.durationSeconds ?? audio?.durationSeconds ?? 0,
    sizeBytes,
    bitRate: numberOrNull(data.format.bit_rate),
    video,
    audio,
    streams,
    chapters: (data.chapters ?? []).map((c) => ({
      start: numberOrNull(c.start_time) ?? 0,
      end: numberOrNull(c.end_time) ?? 0,
      title: typeof c.tags?.title === 'string' ? c.tags.title : null,
    })),
  };
}

function isVariable(nominal: number, average: number): boolean {
  if (nominal <= 0 || average <= 0) return false;
  return Math.abs(nominal - average) / nominal > 0.01;
}

/** Classifies ffprobe's complaint about a file it could not open. */
export function classifyProbeFailure(stderr: string): 'truncated' | 'not_media' {
  // A guessed container (e.g. text named .mp4) then "moov atom not found" is not a cut-short file.
  if (/misdetection possible|low score/i.test(stderr)) return 'not_media';
  if (/moov atom not found|partial file|end of file|truncat/i.test(stderr)) return 'truncated';
  return 'not_media';
}

/** Generous: counting packets reads the whole file, about 20 ms per 10 s of 1080p. */
const FFPROBE_TIMEOUT_MS = 120_000;

/**
 * The one way this package runs ffprobe; stdout holds only what `args` asked for. Rejects with MediaError
 * 'cancelled' when `signal` aborts; otherwise with execFile's error, whose `stderr` says why.
 */
async function runFfprobe(args: string[], signal: AbortSignal | null): Promise<string> {
  try {
    const { stdout } = await run(ffprobePath(), args, {
      signal: signal ?? undefined,
      timeout: FFPROBE_TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    if (signal?.aborted) throw cancelledError();
    throw error;
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new MediaError('not_media', `${path} is not a file`);
    return info.size;
  } catch (error) {
    if (error instanceof MediaError) throw error;
    throw new MediaError('not_found', `No file at ${path}`, { cause: error });
  }
}

/**
 * Reads container and stream facts. Throws MediaError 'not_found', 'empty_file', 'not_media' or 'truncated'.
 * For MP4/MOV it also counts packets, because a file cut short after a front-loaded index opens without complaint.
 */
export async function probe(path: string, signal: AbortSignal | null = null): Promise<MediaInfo> {
  const size = await sizeOf(path);
  if (size === 0) throw new MediaError('empty_file', `${path} is empty (0 bytes)`);
  let data: FfprobeData;
  try {
    // Counting packets reads the whole file without decoding (about 20 ms for 10 s of 1080p): the only way to see
    // that an MP4 with its index at the front was cut short. One ffprobe run does both.
    const json = await runFfprobe(
      // Warnings too: "misdetection possible" is what tells a text file named .mp4 from a cut-short one.
      [
        '-v',
        'warning',
        '-count_packets',
        '-show_format',
        '-show_streams',
        '-show_chapters',
        '-of',
        'json',
        path,
      ],
      signal,
    );
    data = JSON.parse(json) as FfprobeData;
  } catch (error) {
    if (error instanceof MediaError) throw error;
    const stderr = (error as { stderr?: unknown }).stderr;
    const code = classifyProbeFailure(typeof stderr === 'string' && stderr ? stderr : String(error));
    const what = code === 'truncated' ? 'is cut short' : 'is not a media file ffmpeg can read';
    throw new MediaError(code, `${path} ${what}`, { cause: error });
  }
  const info = toMediaInfo(path, data, size);
  if (info.streams.every((s) => s.kind !== 'video' && s.kind !== 'audio')) {
    throw new MediaError('not_media', `${path} has no audio or video stream`);
  }
  if (/mp4|mov/.test(info.container)) assertComplete(path, data);
  return info;
}

function assertComplete(path: string, data: FfprobeData): void {
  for (const stream of data.streams) {
    const expected = numberOrNull(stream.nb_frames);
    const read = numberOrNull(stream.nb_read_packets);
    if (expected !== null && read !== null && expected > 0 && read < expected) {
      throw new MediaError(
        'truncated',
        `${path} is cut short (${read} of ${expected} packets in stream ${stream.index})`,
      );
    }
  }
}

/** Probes and insists on a video stream. */
export async function probeVideo(
  path: string,
  signal: AbortSignal | null = null,
): Promise<MediaInfo & { video: VideoStreamInfo }> {
  const info = await probe(path, signal);
  if (!info.video) throw new MediaError('no_video_stream', `${path} has no video stream`);
  return info as MediaInfo & { video: VideoStreamInfo };
}

export async function probeAudio(
  path: string,
  signal: AbortSignal | null = null,
): Promise<MediaInfo & { audio: AudioStreamInfo }> {
  const info = await probe(path, signal);
  if (!info.audio) throw new MediaError('no_audio_stream', `${path} has no audio stream`);
  return info as MediaInfo & { audio: AudioStreamInfo };
}

/** Times of the first video stream's keyframes, read without decoding the other frames. */
export async function probeKeyframeTimes(path: string): Promise<number[]> {
  const stdout = await runFfprobe(
    [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-skip_frame',
      'nokey',
      '-show_entries',
      'frame=pts_time',
      '-of',
      'csv=p=0',
      path,
    ],
    null,
  );
  return stdout
    .split('\n')
    .map((line) => Number.parseFloat(line))
    .filter((t) => Number.isFinite(t));
}
