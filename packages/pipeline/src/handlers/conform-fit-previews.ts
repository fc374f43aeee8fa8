import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import {
  conform,
  createHouseFormat,
  fitSpeech,
  makeFilmstrip,
  makePoster,
  makeProxy,
  makeWaveformPeaks,
  probe,
  probeVideo,
  retimeClip,
} from '@ministudio/media';
import { depOfKind, type HandlerContext } from './context';
import type {
  ConformOutput,
  ConformPayload,
  FitOutput,
  FitPayload,
  PictureOutput,
  PreviewsOutput,
} from './payloads';

/** Normalises the provider's clip to the project's house format, once. */
export async function runConform(payload: ConformPayload, ctx: HandlerContext): Promise<ConformOutput> {
  const picture = depOfKind<PictureOutput>(ctx.deps, 'picture');
  const house = createHouseFormat(
    payload.house.width,
    payload.house.height,
    payload.house.fps,
    payload.house.fitMode,
  );
  const output = path.join(ctx.io.workDir, 'conformed.mp4');
  const result = await conform(await ctx.io.fetch(picture.assetId), output, house, {
    signal: ctx.signal,
    onProgress: ctx.onProgress,
    preset: null,
    crf: null,
  });
  const stored = await ctx.io.store(result.path, {
    kind: 'video',
    mime: 'video/mp4',
    name: 'conformed.mp4',
    durationSeconds: result.durationSeconds,
    width: house.width,
    height: house.height,
    cacheKey: null,
  });
  return { assetId: stored.id, durationSeconds: result.durationSeconds, copied: result.copied };
}

/** Puts the speech on the picture so both end within a frame; a silent shot keeps its conformed clip. */
export async function runFit(payload: FitPayload, ctx: HandlerContext): Promise<FitOutput> {
  const picture = depOfKind<PictureOutput>(ctx.deps, 'picture');
  const conformed = depOfKind<ConformOutput>(ctx.deps, 'conform');
  let clip = await ctx.io.fetch(conformed.assetId);
  const output = path.join(ctx.io.workDir, 'fitted.mp4');
  let applied = 'none';
  // A provider that could only make a nearby length (6 s for a 5.2 s shot): bring the picture to the shot's length.
  const fps = Math.round((await probeVideo(clip)).video.fps);
  let retimedFromSeconds: number | null = null;
  if (Math.abs(conformed.durationSeconds - picture.durationSeconds) > 0.5 / fps) {
    const retimed = await retimeClip(
      clip,
      path.join(ctx.io.workDir, 'retimed.mp4'),
      picture.durationSeconds,
      {
        signal: ctx.signal,
        onProgress: null,
      },
    );
    retimedFromSeconds = conformed.durationSeconds;
    clip = retimed.path;
  }
  if (picture.speechTrackAssetId) {
    const result = await fitSpeech(clip, await ctx.io.fetch(picture.speechTrackAssetId), output, {
      signal: ctx.signal,
      onProgress: ctx.onProgress,
      policy: payload.policy,
      // Models without sound give a silent track; the local animatic's track is this same speech.
      keepClipAudio: picture.nativeAudio,
      music: null,
      targetLufs: null,
    });
    applied = result.plan.applied;
  } else {
    await copyFile(clip, output);
  }
  const info = await probe(output);
  const videoEnd = info.video?.durationSeconds ?? info.durationSeconds;
  const audioEnd = info.audio?.durationSeconds ?? info.durationSeconds;
  const stored = await ctx.io.store(output, {
    kind: 'video',
    mime: 'video/mp4',
    name: 'shot.mp4',
    durationSeconds: videoEnd,
    width: info.video?.width ?? null,
    height: info.video?.height ?? null,
    cacheKey: null,
  });
  return {
    assetId: stored.id,
    durationSeconds: videoEnd,
    applied,
    residualSeconds: Math.abs(videoEnd - audioEnd),
    retimedFromSeconds,
  };
}

/** What the editor shows: a scrubbing proxy, a poster, a filmstrip row and waveform peaks. */
export async function runPreviews(_payload: unknown, ctx: HandlerContext): Promise<PreviewsOutput> {
  const fitted = depOfKind<FitOutput>(ctx.deps, 'fit');
  const clip = await ctx.io.fetch(fitted.assetId);
  const dir = ctx.io.workDir;
  const info = await probeVideo(clip);
  const store = (
    file: string,
    kind: 'video' | 'image' | 'data',
    mime: string,
    extra: { w: number | null; h: number | null },
  ) =>
    ctx.io.store(file, {
      kind,
      mime,
      name: path.basename(file),
      durationSeconds: kind === 'video' ? info.durationSeconds : null,
      width: extra.w,
      height: extra.h,
      cacheKey: null,
    });
  const proxy = await makeProxy(clip, path.join(dir, 'proxy.mp4'), {
    signal: ctx.signal,
    onProgress: (f) => ctx.onProgress(f * 0.7),
  });
  const proxyInfo = await probeVideo(proxy.path);
  const poster = await makePoster(clip, path.join(dir, 'poster.jpg'), null, 640);
  ctx.onProgress(0.8);
  const strip = await makeFilmstrip([clip], path.join(dir, 'filmstrip.jpg'), {
    thumbsPerShot: 8,
    thumbWidth: 160,
    thumbHeight: 90,
  });
  ctx.onProgress(0.9);
  const peaksFile = path.join(dir, 'waveform.json');
  await makeWaveformPeaks(clip, peaksFile);
  const posterHeight = Math.round((640 * info.video.height) / info.video.width / 2) * 2;
  const out = {
    proxy: (
      await store(proxy.path, 'video', 'video/mp4', { w: proxyInfo.video.width, h: proxyInfo.video.height })
    ).id,
    poster: (await store(poster.path, 'image', 'image/jpeg', { w: 640, h: posterHeight })).id,
    filmstrip: (await store(strip.path, 'image', 'image/jpeg', { w: strip.width, h: strip.height })).id,
    waveform: (await store(peaksFile, 'data', 'application/json', { w: null, h: null })).id,
  };
  return out;
}
