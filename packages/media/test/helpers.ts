import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function makeDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'ministudio-media-'));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Folder contents, hidden files included, sorted: asserts that no temporary file was left behind. */
export async function listDir(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

/** Generates a fixture with bare ffmpeg (not our code) from lavfi sources. */
export async function ffmpeg(args: string[]): Promise<void> {
  await run('ffmpeg', ['-hide_banner', '-v', 'error', '-y', ...args]);
}

export interface ClipSpec {
  width: number;
  height: number;
  fps: number;
  seconds: number;
  audio: boolean;
  tone: number;
}

export const SMALL: ClipSpec = { width: 320, height: 180, fps: 24, seconds: 1.5, audio: true, tone: 440 };

export async function makeClip(file: string, spec: Partial<ClipSpec> = {}): Promise<string> {
  const s = { ...SMALL, ...spec };
  const args = ['-f', 'lavfi', '-i', `testsrc2=s=${s.width}x${s.height}:r=${s.fps}:d=${s.seconds}`];
  if (s.audio) args.push('-f', 'lavfi', '-i', `sine=f=${s.tone}:r=44100:d=${s.seconds}`);
  args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p');
  if (s.audio) args.push('-c:a', 'aac', '-ac', '1');
  await ffmpeg([...args, file]);
  return file;
}

export async function makeTone(file: string, seconds: number, frequency = 300): Promise<string> {
  await ffmpeg(['-f', 'lavfi', '-i', `sine=f=${frequency}:r=22050:d=${seconds}`, file]);
  return file;
}

export interface ProbeJson {
  format: { duration?: string; format_name?: string; tags?: Record<string, string> };
  streams: {
    codec_type: string;
    codec_name: string;
    profile?: string;
    width?: number;
    height?: number;
    pix_fmt?: string;
    r_frame_rate?: string;
    sample_rate?: string;
    channels?: number;
    duration?: string;
    nb_frames?: string;
  }[];
  chapters?: { start_time: string; end_time: string; tags?: { title?: string } }[];
}

/** Independent ffprobe (not our probe) for assertions. */
export async function ffprobeJson(file: string): Promise<ProbeJson> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-show_format',
    '-show_streams',
    '-show_chapters',
    '-of',
    'json',
    file,
  ]);
  return JSON.parse(stdout) as ProbeJson;
}

export async function ffprobeErrors(file: string): Promise<string> {
  const { stdout, stderr } = await run('ffprobe', ['-v', 'error', file]);
  return stdout + stderr;
}

/**
 * Keyframe times of the first video stream, measured apart from the product's `probeKeyframeTimes` (which
 * decodes keyframes only): here the container's own packet flags ("K" marks a keyframe), read as JSON.
 */
export async function keyframeTimes(file: string): Promise<number[]> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'packet=pts_time,flags',
    '-of',
    'json',
    file,
  ]);
  const { packets } = JSON.parse(stdout) as { packets: { pts_time: string; flags: string }[] };
  return packets
    .filter((packet) => packet.flags.includes('K'))
    .map((packet) => Number(packet.pts_time))
    .sort((a, b) => a - b);
}

/** End times of video and audio streams from their last packets, the residual that fitting must bring under a frame. */
export async function streamEnds(file: string): Promise<{ video: number; audio: number }> {
  const json = await ffprobeJson(file);
  const v = json.streams.find((s) => s.codec_type === 'video');
  const a = json.streams.find((s) => s.codec_type === 'audio');
  return { video: Number(v?.duration ?? Number.NaN), audio: Number(a?.duration ?? Number.NaN) };
}

/** Integrated loudness in LUFS measured by ffmpeg's ebur128 filter. */
export async function integratedLoudness(file: string): Promise<number> {
  const { stderr } = await run('ffmpeg', [
    '-hide_banner',
    '-nostats',
    '-i',
    file,
    '-map',
    '0:a:0',
    '-af',
    'ebur128',
    '-f',
    'null',
    '-',
  ]);
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  const match = /I:\s+(-?[\d.]+) LUFS/.exec(summary);
  if (!match) throw new Error('no loudness in ebur128 output');
  return Number(match[1]);
}

/** 48 frames over 3 s: the first second at 24 fps, the next two at 12 fps. */
export async function makeVfrClip(file: string): Promise<string> {
  await ffmpeg([
    '-f',
    'lavfi',
    '-i',
    "testsrc2=s=160x90:r=24:d=2,setpts='if(lt(N,24),N/24,1+(N-24)/12)/TB'",
    '-fps_mode',
    'vfr',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    file,
  ]);
  return file;
}
