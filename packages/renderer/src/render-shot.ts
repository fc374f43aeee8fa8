import { readFile, writeFile } from 'node:fs/promises';
import type { ShotContext } from '@ministudio/domain';
import { removeQuietly, tempPathFor, writeFileAtomic } from '@ministudio/files';
import {
  createRawVideoEncoder,
  decodeAudioMono,
  decodePcm16Wav,
  encodeWavPcm16,
  mixSpeech,
} from '@ministudio/media';
import type { Canvas } from '@napi-rs/canvas';
import { loudnessEnvelope } from './audio/envelope';
import { createPreviewSender, type PreviewSink } from './frame/preview';
import { createRegionsRecorder } from './frame/regions';
import { createShotDrawer } from './frame/shot-drawer';
import type { SetPiece } from './plate/set-pieces';

export const SPEECH_SAMPLE_RATE = 48_000;

/**
 * The shot's speech as mono samples at one rate. PCM WAV at a shared rate (espeak's output) is read
 * directly, sparing two ffmpeg processes per line; anything else is decoded by ffmpeg at 48 kHz.
 */
export async function loadSpeech(
  paths: string[],
  signal: AbortSignal | null,
): Promise<{ clips: Float32Array[]; sampleRate: number }> {
  const direct = await Promise.all(paths.map(async (p) => decodePcm16Wav(await readFile(p))));
  const rate = direct[0]?.sampleRate ?? SPEECH_SAMPLE_RATE;
  if (direct.every((d) => d !== null && d.sampleRate === rate)) {
    return { clips: direct.map((d) => d!.samples), sampleRate: rate };
  }
  const clips = await Promise.all(paths.map((p) => decodeAudioMono(p, SPEECH_SAMPLE_RATE, signal)));
  return { clips, sampleRate: SPEECH_SAMPLE_RATE };
}

export interface RenderShotOptions {
  shot: ShotContext;
  width: number;
  height: number;
  fps: number;
  durationSeconds: number;
  seed: number;
  plate: Canvas;
  output: string;
  captions: boolean;
  /** The set pieces the plate was drawn with (plate fractions), for the sidecar; [] for an uploaded plate. */
  setPieces: readonly SetPiece[];
  preset: string | null;
  crf: number | null;
  signal: AbortSignal | null;
  onProgress: ((fraction: number) => void) | null;
  /** Receives a small JPEG of the latest frame about once a second while rendering. */
  onPreview: PreviewSink | null;
}

export interface RenderShotResult {
  path: string;
  /** The take's frame regions (TakeRegions JSON) beside the clip. */
  regionsPath: string;
  frames: number;
  notes: string[];
}

/** Where a clip's sidecar goes: beside it, named after it. */
export function regionsPathFor(clip: string): string {
  return `${clip.replace(/\.mp4$/i, '')}.regions.json`;
}

/**
 * Renders one shot to an MP4: speech decoded and mixed into one track, loudness envelopes from the same
 * samples, then frames drawn and piped raw into ffmpeg (which encodes in its own process while the next
 * frame is drawn). A cancel or failure leaves neither the clip nor the speech track behind.
 */
export async function renderShot(options: RenderShotOptions): Promise<RenderShotResult> {
  const { shot, fps, durationSeconds, signal } = options;
  const notes: string[] = [];
  const { clips: decoded, sampleRate } = await loadSpeech(
    shot.speech.map((s) => s.path),
    signal,
  );
  for (const s of shot.speech) {
    const end = s.startSeconds + s.durationSeconds;
    if (end > durationSeconds + 1 / fps) {
      notes.push(
        `Speech "${s.text.slice(0, 40)}" ends at ${end.toFixed(2)} s, after the shot (${durationSeconds.toFixed(2)} s): cut.`,
      );
    }
  }
  const drawer = createShotDrawer({
    shot,
    width: options.width,
    height: options.height,
    fps,
    durationSeconds,
    seed: options.seed,
    plate: options.plate,
    envelopes: decoded.map((samples) => loudnessEnvelope(samples, sampleRate, fps)),
    captions: options.captions,
  });
  notes.push(...drawer.warnings);
  const regions = createRegionsRecorder(
    shot,
    options.setPieces,
    options.width,
    options.height,
    fps,
    durationSeconds,
  );

  let speechTrack: string | null = null;
  try {
    if (decoded.length) {
      const mixed = mixSpeech(
        decoded.map((samples, i) => ({ samples, startSeconds: shot.speech[i]!.startSeconds })),
        sampleRate,
        durationSeconds,
      );
      speechTrack = tempPathFor(`${options.output}.speech.wav`);
      await writeFile(speechTrack, encodeWavPcm16(mixed, sampleRate));
    }
    const encoder = createRawVideoEncoder({
      width: options.width,
      height: options.height,
      fps,
      pixelFormat: 'rgba',
      output: options.output,
      audio: speechTrack,
      preset: options.preset,
      crf: options.crf,
      keyframeIntervalFrames: null,
      // The frame count is known up front, so picture and speech are encoded in one pass.
      frameCount: drawer.frameCount,
      signal,
    });
    try {
      const step = Math.max(1, Math.floor(drawer.frameCount / 100));
      const preview = options.onPreview ? createPreviewSender(drawer.canvas, options.onPreview) : null;
      for (let frame = 0; frame < drawer.frameCount; frame++) {
        if (signal?.aborted) break;
        regions.record(drawer.draw(frame));
        // Opaque frames: the premultiplied store equals straight RGBA, so no conversion is needed.
        await encoder.write(drawer.canvas.data());
        preview?.maybeSend();
        if (options.onProgress && (frame % step === 0 || frame === drawer.frameCount - 1)) {
          options.onProgress((frame + 1) / drawer.frameCount);
        }
      }
      if (signal?.aborted) {
        await encoder.abort();
        throw signal.reason ?? new Error('aborted');
      }
      const { path } = await encoder.finish();
      const regionsPath = regionsPathFor(path);
      await writeFileAtomic(regionsPath, JSON.stringify(regions.result()));
      return { path, regionsPath, frames: drawer.frameCount, notes };
    } catch (error) {
      await encoder.abort();
      throw error;
    }
  } finally {
    if (speechTrack) await removeQuietly(speechTrack);
  }
}
