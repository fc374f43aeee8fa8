import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RegionBox, RegionTrack, TakeRegions } from '@ministudio/domain';
import { writeFileAtomic } from '@ministudio/files';
import { decodeAudioMono, decodeFrames, probeVideo } from '@ministudio/media';
import { type LabTriple, regionColour, rgbHistogram } from './colour';
import { boxArea, boxToRect, type Frame, medianFrame } from './frame';
import { energyEnvelope, speechOnsets } from './sync';
import { type FrameStats, frameStats } from './temporal';
import { CUT_WINDOW_FRAMES } from './thresholds';

// The thin I/O layer: one ffmpeg pipe per clip decodes every frame small (flicker and jitter need them all;
// 320 px wide decodes a 64 s 720p film in a few seconds), keeps only per-frame numbers and the two cut windows,
// and one more ffmpeg run decodes the audio for onsets. The result is cached as JSON by the clip's content hash
// (plus the sidecar's), so comparing a changed shot with its neighbours decodes only that shot again.

/** Bump when what an analysis holds, or how it is measured, changes: old cache files are then ignored. */
export const ANALYSIS_VERSION = 1;
export const ANALYSIS_WIDTH = 320;
const AUDIO_RATE = 16000;

export interface PartColour {
  subject: string;
  part: string | null;
  /** Median box over the window. */
  box: RegionBox;
  lab: LabTriple;
  histogram: number[];
}

export interface WindowSummary {
  /** Frame numbers of the window. */
  first: number;
  count: number;
  /** The per-pixel median frame of the window, RGB, base64. */
  median: string;
  characters: PartColour[];
  elements: { id: string; kind: string; box: RegionBox }[];
  /** Every character's whole-figure box, so the background can be measured without them. */
  figures: RegionBox[];
}

export interface ClipAnalysis {
  version: number;
  hash: string;
  width: number;
  height: number;
  fps: number;
  frameCount: number;
  video: { startSeconds: number; durationSeconds: number };
  audio: { startSeconds: number; durationSeconds: number; onsets: number[] } | null;
  stats: FrameStats[];
  head: WindowSummary;
  tail: WindowSummary;
  regions: TakeRegions | null;
}

export interface AnalyseOptions {
  regions: TakeRegions | null;
  /** A folder for cached analyses; null = no cache. */
  cacheDir: string | null;
  signal?: AbortSignal | null;
}

export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function cacheKey(contentHash: string, regions: TakeRegions | null): string {
  const h = createHash('sha256').update(`${ANALYSIS_VERSION}:${ANALYSIS_WIDTH}:${contentHash}:`);
  if (regions) h.update(JSON.stringify(regions));
  return h.digest('hex');
}

export function frameToBase64(frame: Frame): string {
  return Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.byteLength).toString('base64');
}

export function frameFromWindow(analysis: ClipAnalysis, window: WindowSummary): Frame {
  const bytes = Buffer.from(window.median, 'base64');
  return { width: analysis.width, height: analysis.height, data: new Uint8Array(bytes) };
}

/** The per-coordinate median of a track's boxes over frames [first, first+count); null when never present. */
export function medianBox(track: RegionTrack, first: number, count: number): RegionBox | null {
  const boxes = track.slice(first, first + count).filter((b): b is RegionBox => b !== null);
  if (boxes.length === 0) return null;
  const med = (k: number) => {
    const v = boxes.map((b) => b[k]!).sort((a, b) => a - b);
    const m = v.length >> 1;
    return v.length % 2 === 1 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
  };
  return [med(0), med(1), med(2), med(3)];
}

/** The parts whose colour is compared: what a viewer reads as the character's look. */
export const COMPARED_PARTS = ['outfit', 'hair', 'skin'] as const;

/** Pure: the summary of one window of decoded frames, with the sidecar's boxes for those frames. */
export function summariseWindow(
  frames: readonly Frame[],
  first: number,
  regions: TakeRegions | null,
): WindowSummary {
  const median = medianFrame(frames);
  const characters: PartColour[] = [];
  const figures: RegionBox[] = [];
  for (const character of regions?.characters ?? []) {
    const figure = character.parts.figure;
    const figureBox = figure ? medianBox(figure, first, frames.length) : null;
    if (figureBox) figures.push(figureBox);
    for (const part of COMPARED_PARTS) {
      const track = character.parts[part];
      if (!track) continue;
      const box = medianBox(track, first, frames.length);
      if (!box || boxArea(box) <= 0) continue;
      const lab = regionColour(frames, track.slice(first, first + frames.length));
      if (!lab) continue;
      const histogram = Array.from(rgbHistogram(median, boxToRect(box, median.width, median.height)));
      characters.push({ subject: character.key, part, box, lab, histogram });
    }
  }
  const elements = (regions?.elements ?? []).flatMap((element) => {
    const box = medianBox(element.boxes, first, frames.length);
    return box ? [{ id: element.id, kind: element.kind, box }] : [];
  });
  return { first, count: frames.length, median: frameToBase64(median), characters, elements, figures };
}

/** Decodes and measures a clip, or reads the cached measurement of identical bytes (and sidecar). */
export async function analyseClip(file: string, options: AnalyseOptions): Promise<ClipAnalysis> {
  const contentHash = await hashFile(file);
  const key = cacheKey(contentHash, options.regions);
  const cacheFile = options.cacheDir ? path.join(options.cacheDir, `${key}.json`) : null;
  if (cacheFile) {
    try {
      const cached = JSON.parse(await readFile(cacheFile, 'utf8')) as ClipAnalysis;
      if (cached.version === ANALYSIS_VERSION && cached.hash === contentHash) return cached;
    } catch {
      // No cache entry (or an unreadable one): measure again and overwrite it.
    }
  }
  const analysis = await measureClip(file, contentHash, options);
  if (cacheFile && options.cacheDir) {
    await mkdir(options.cacheDir, { recursive: true });
    await writeFileAtomic(cacheFile, JSON.stringify(analysis));
  }
  return analysis;
}

async function measureClip(
  file: string,
  contentHash: string,
  options: AnalyseOptions,
): Promise<ClipAnalysis> {
  const signal = options.signal ?? null;
  const info = await probeVideo(file, signal);
  const width = ANALYSIS_WIDTH;
  // Even height, same aspect as the clip.
  const height = Math.max(2, Math.round((ANALYSIS_WIDTH * info.video.height) / info.video.width / 2) * 2);
  const fps = info.video.fps > 0 ? info.video.fps : 24;
  const stats: FrameStats[] = [];
  const head: Frame[] = [];
  const tail: Frame[] = [];
  for await (const buffer of decodeFrames(file, { width, height, fps, signal })) {
    const frame: Frame = {
      width,
      height,
      data: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
    };
    stats.push(frameStats(frame));
    if (head.length < CUT_WINDOW_FRAMES) head.push(frame);
    tail.push(frame);
    if (tail.length > CUT_WINDOW_FRAMES) tail.shift();
  }
  if (stats.length === 0) throw new Error(`${file} has no decodable video frames`);
  const frameCount = stats.length;
  const regions = options.regions;
  let audio: ClipAnalysis['audio'] = null;
  if (info.audio) {
    const samples = await decodeAudioMono(file, AUDIO_RATE, signal);
    audio = {
      startSeconds: info.audio.startSeconds ?? 0,
      durationSeconds: info.audio.durationSeconds ?? samples.length / AUDIO_RATE,
      onsets: speechOnsets(energyEnvelope(samples, AUDIO_RATE)),
    };
  }
  return {
    version: ANALYSIS_VERSION,
    hash: contentHash,
    width,
    height,
    fps,
    frameCount,
    video: {
      startSeconds: info.video.startSeconds ?? 0,
      durationSeconds: info.video.durationSeconds ?? frameCount / fps,
    },
    audio,
    stats,
    head: summariseWindow(head, 0, regions),
    tail: summariseWindow(tail, frameCount - tail.length, regions),
    regions,
  };
}
